"""Story settings: defaults hold, bad values fail with the name and what is allowed."""

from __future__ import annotations

import pytest

from storytrace.errors import ConfigurationError
from storytrace.stories import FieldWeights, StorySettings


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"neighbours": 0}, "neighbours=0: expected an integer >= 1"),
        ({"neighbours": True}, "neighbours=True"),
        ({"min_similarity": 1.5}, "between 0 and 1"),
        ({"embedding_model": "bert"}, "expected one of use, minilm, none"),
        ({"minhash_permutations": 64, "minhash_bands": 10}, "split evenly into bands"),
        ({"time_grace_days": 40.0}, "grace <= window"),
    ],
)
def test_settings_refuse_bad_values(values: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        StorySettings(**values)  # type: ignore[arg-type]


def test_settings_weights_refuse_negatives() -> None:
    with pytest.raises(ConfigurationError, match="names=-1"):
        FieldWeights(names=-1)


def test_settings_defaults_are_the_tuned_ones() -> None:
    settings = StorySettings()
    assert (settings.neighbours, settings.min_similarity, settings.link_threshold) == (
        4,
        0.2,
        0.08,
    )
    assert settings.embedding_model == "use"
    assert (settings.weights.names, settings.weights.numbers) == (0.0, 1.0)
