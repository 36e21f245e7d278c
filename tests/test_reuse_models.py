"""The provenance models: what weighs how much, fitted on data, and what they decide."""

from __future__ import annotations

import pytest

from storytrace.errors import ConfigurationError
from storytrace.models import Article, Reuse
from storytrace.reuse.attribution import find_attributions
from storytrace.reuse.direction import infer_direction
from storytrace.reuse.evidence_model import (
    DIRECTION_FEATURES,
    EDGE_FEATURES,
    EvidenceModel,
    fit_model,
    packaged_model,
)
from storytrace.reuse.outlet_identity import OutletDirectory
from storytrace.reuse.settings import ReuseSettings


def test_evidence_model_refuses_unknown_features() -> None:
    with pytest.raises(ConfigurationError, match="unknown feature"):
        EvidenceModel((("credits", 1.0),))


@pytest.mark.parametrize(("name", "features"), [("direction", DIRECTION_FEATURES),
                                                ("edge", EDGE_FEATURES)])  # fmt: skip
def test_evidence_model_packaged_models_weigh_every_feature(
    name: str, features: tuple[str, ...]
) -> None:
    model = packaged_model(name)
    assert [feature for feature, _ in model.weights] == list(features)
    assert "dev split" in model.fitted_on


def test_evidence_model_packaged_direction_weighs_a_credit_above_a_date() -> None:
    model = packaged_model("direction")
    assert model.weight("credit") > model.weight("time") > 0
    assert model.weight("translation_note") == model.weight("credit")


def test_evidence_model_fit_learns_which_feature_predicts() -> None:
    samples = [({"credit": 1.0, "time": float(t)}, True) for t in (1, -1, 1, -1)] * 5
    samples += [({"credit": -1.0, "time": float(t)}, False) for t in (1, -1, 1, -1)] * 5
    model = fit_model(samples, DIRECTION_FEATURES, intercept=False)
    assert model.weight("credit") > 1
    assert abs(model.weight("time")) < 0.1


def _pair(first_text: str, second_text: str, **second: str) -> tuple[Reuse, dict[str, Article]]:
    a = Article(
        "a",
        "a",
        first_text,
        outlet="Harbour Times",
        url="https://harbourtimes.example/x",
        published="2016-07-01T12:00:00Z",
    )
    b = Article("b", "b", second_text, outlet="Valley News", **second)  # type: ignore[arg-type]
    return Reuse("a", "b", (), 100, 0.6, 0.6, "copy"), {"a": a, "b": b}


def test_direction_a_credit_outweighs_a_misleading_date() -> None:
    # The copy's clock is wrong (a time zone, an update): it says the Harbour Times reported it.
    reuse, articles = _pair("Ships collided.", "Ships collided, the Harbour Times reported.",
                            published="2016-07-01T09:00:00Z")  # fmt: skip
    credits = {key: find_attributions(value) for key, value in articles.items()}
    outlets = OutletDirectory.build(
        list(articles.values()), [c.outlet for found in credits.values() for c in found]
    )
    direction = infer_direction(reuse, articles, credits=credits, settings=ReuseSettings(),
                                outlets=outlets)  # fmt: skip
    assert direction is not None
    assert (direction.source_id, direction.target_id) == ("a", "b")
    assert {e.kind for e in direction.evidence} == {"attribution"}


def test_direction_a_spam_copy_with_look_alike_letters_is_the_copy() -> None:
    text = "The tanker Halvard Spirit caught fire at Sander Quay after the collision."
    spam = text.replace("a", "\u0430").replace("e", "\u0435")
    reuse, articles = _pair(text, spam)
    direction = infer_direction(reuse, articles, credits={}, settings=ReuseSettings())
    assert direction is not None
    assert (direction.source_id, [e.kind for e in direction.evidence]) == ("a", ["lookalike"])


def test_direction_a_mention_of_the_other_outlet_without_a_credit_cue_counts() -> None:
    reuse, articles = _pair("Ships collided.", "Ships collided. More in the Harbour Times.")
    outlets = OutletDirectory.build(list(articles.values()))
    direction = infer_direction(reuse, articles, credits={}, settings=ReuseSettings(),
                                outlets=outlets)  # fmt: skip
    assert direction is not None
    assert direction.source_id == "a"
    assert [e.kind for e in direction.evidence] == ["mention"]
