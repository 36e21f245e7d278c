"""Provenance on coverage shaped like a real scoop's: the origin under every name, the right
parent, copies told from articles that only share a quotation (tests/data/provenance)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.models import Article
from storytrace.multilingual import embed_multilingual
from storytrace.outlets import registered_domain
from storytrace.reuse import StoryProvenance, trace_story

STORY = Path(__file__).parent / "data" / "provenance" / "edition_story.jsonl"


def _articles() -> list[Article]:
    articles = []
    for line in STORY.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles.append(
            Article(row["id"], f"{row['id']}.html", row["text"], url=row["url"],
                    outlet=row["outlet"] or registered_domain(row["url"]), title=row["title"],
                    published=row["published"], language=row["language"])
        )  # fmt: skip
    return articles


@pytest.fixture(scope="module")
def traced() -> StoryProvenance:
    return trace_story(_articles(), translate=embed_multilingual)


def _parents(traced: StoryProvenance, target: str) -> set[str]:
    return {e.source_id for e in traced.provenance if e.target_id == target}


def test_provenance_a_cited_outlet_with_an_article_in_the_pile_is_an_origin_in_the_corpus(
    traced: StoryProvenance,
) -> None:
    # The origin page names no outlet (only its domain, gulfcoasteye.example); the copies
    # credit "Gulf Coast Eye" and "GCE".
    origin = traced.origins[0]
    assert (origin.article_id, origin.in_corpus) == ("origin", True)
    assert {m.article_id for m in origin.cited_by} >= {"copy", "republication"}
    assert not [o for o in traced.origins if not o.in_corpus]


@pytest.mark.parametrize(
    ("target", "parent"),
    [
        ("edition", "origin"),  # the outlet's French edition translates its English original
        ("copy", "origin"),  # English copies hang on the English original, not the edition
        ("republication", "origin"),  # undated, verbatim: still gets its parent
    ],
)
def test_provenance_each_copy_hangs_on_the_text_it_reproduces(
    traced: StoryProvenance, target: str, parent: str
) -> None:
    assert _parents(traced, target) == {parent}


def test_provenance_an_article_sharing_only_a_quotation_is_independent(
    traced: StoryProvenance,
) -> None:
    relations = {r.relation for r in traced.reuse if "independent" in (r.source_id, r.target_id)}
    assert relations <= {"shares_quotes", "independent"}
    assert not [e for e in traced.provenance if "independent" in (e.source_id, e.target_id)]
    [lineage] = [x for x in traced.lineages if "independent" in x.article_ids]
    assert lineage.article_ids == ("independent",)


def test_provenance_copies_of_one_origin_form_one_lineage(traced: StoryProvenance) -> None:
    [lineage] = [x for x in traced.lineages if "origin" in x.article_ids]
    assert set(lineage.article_ids) == {"origin", "edition", "copy", "republication"}
    assert lineage.root == "origin"
