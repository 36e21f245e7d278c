"""Fitting the provenance models on the dev split of the generated reuse corpus.

``storytrace bench reuse --fit`` calls :func:`fit_reuse_models` and writes the
two models into ``storytrace/reuse/data/``, where
:func:`storytrace.reuse.evidence_model.packaged_model` reads them:

1. the **direction** model, on every gold derivation (parent and child both in
   the corpus) that storytrace found as a copy or rewrite relation: its
   features, oriented parent first or child first, and which was right;
2. the **edge** model, on every parent storytrace chose (with the new
   direction model, drawing them all): its features and whether it is the
   gold parent.

Only the dev split (odd ECB+ topics, seed 1) is used; the figures come from the
test split.

>>> models = fit_reuse_models("../shared/data/ecbplus")  # doctest: +SKIP
>>> print(models.direction.to_json())  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from storytrace.bench.reuse_corpus import ReuseCorpus, generate_reuse_corpus
from storytrace.reuse import ReuseSettings, StoryProvenance, build_background, trace_story
from storytrace.reuse.align import Embed
from storytrace.reuse.evidence_model import (
    DIRECTION_FEATURES,
    EDGE_FEATURES,
    EvidenceModel,
    fit_model,
    packaged_model,
)

DRAW_ALL = EvidenceModel((), intercept=0.0, decide_at=0.0, fitted_on="draws every edge")
DIRECTION_DECIDE_AT = 0.525
"""A direction is given from a probability of 0.525 (a score of 0.1): any evidence that
leans one way, with its confidence; undecided pairs count as wrong in the benchmark."""
EDGE_DECIDE_AT = 0.5
"""An edge is drawn when the edge model finds it more likely right than wrong."""


@dataclass(frozen=True, slots=True)
class FittedModels:
    direction: EvidenceModel
    edge: EvidenceModel
    direction_samples: int
    edge_samples: int


def _trace(
    corpus: ReuseCorpus,
    settings: ReuseSettings,
    embed: Embed | None,
    direction: EvidenceModel,
) -> list[StoryProvenance]:
    background = build_background(corpus.background, seed_words=settings.seed_words,
                                  min_documents=settings.background_min_documents)  # fmt: skip
    return [
        trace_story(story.articles, settings=settings, embed=embed, background=background,
                    model=direction, edge_model=DRAW_ALL)
        for story in corpus.stories
    ]  # fmt: skip


def fit_reuse_models(
    ecbplus: str | Path, *, settings: ReuseSettings | None = None, embed: Embed | None = None
) -> FittedModels:
    """Fit the direction and edge models on the dev split (see the module docstring)."""
    settings = settings or ReuseSettings()
    corpus = generate_reuse_corpus(ecbplus, split="dev")
    parents = {
        (story.id, d.child_id): d.parent_id for story in corpus.stories for d in story.derivations
    }
    traced = _trace(corpus, settings, embed, packaged_model("direction"))
    samples: list[tuple[dict[str, float], bool]] = []
    for story, provenance in zip(corpus.stories, traced, strict=True):
        for pair in provenance.direction_features:
            features = dict(pair.features)
            if parents.get((story.id, pair.second_id)) == pair.first_id:
                samples.append((features, True))
            elif parents.get((story.id, pair.first_id)) == pair.second_id:
                samples.append((features, False))
    note = f"dev split of the generated reuse corpus (seed {corpus.seed})"
    direction = fit_model(samples, DIRECTION_FEATURES, intercept=False,
                          decide_at=DIRECTION_DECIDE_AT,
                          fitted_on=f"{note}: {len(samples)} gold derivations")  # fmt: skip
    traced = _trace(corpus, settings, embed, direction)
    edges: list[tuple[dict[str, float], bool]] = [
        (dict(edge.features), parents.get((story.id, edge.second_id)) == edge.first_id)
        for story, provenance in zip(corpus.stories, traced, strict=True)
        for edge in provenance.edge_features
    ]
    edge = fit_model(edges, EDGE_FEATURES, intercept=True, decide_at=EDGE_DECIDE_AT,
                     fitted_on=f"{note}: {len(edges)} parents chosen")  # fmt: skip
    return FittedModels(direction, edge, len(samples), len(edges))


def write_models(models: FittedModels, folder: Path | None = None) -> list[Path]:
    """Write both models as JSON into ``folder`` (default: the package's data folder)."""
    target = folder or Path(str(resources.files("storytrace.reuse").joinpath("data")))
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in (("direction", models.direction), ("edge", models.edge)):
        path = target / f"{name}_model.json"
        path.write_text(model.to_json(), encoding="utf-8")
        written.append(path)
    packaged_model.cache_clear()
    return written
