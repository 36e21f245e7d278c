"""The negatives of a generated story: articles that must not be taken for copies.

Three kinds, each a real ECB+ report that shares no 6-word run with the origin:

- ``independent_report``: another outlet's own report of the same event (same
  facts, names and numbers, its own words): relation ``independent``;
- ``shared_quotes``: such a report into which a quotation of the origin (the
  words between quotation marks, with its own attribution wording) or the
  official statement the origin also carries (identical text, its own
  framing) was put: relation ``shares_quotes`` with every article that carries
  the same words;
- ``other_event``: a report of the *other* event of the same ECB+ topic with
  the origin's names swapped in (a look-alike story): relation ``independent``.

Some negatives credit an outlet of the story for a detail, as independent
reports do: a credit is no proof of copying.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Literal

from storytrace.bench import reuse_operations as ops
from storytrace.bench.reuse_builder import (
    FOOTERS,
    CreditPlan,
    caption_block,
    group_paragraphs,
)
from storytrace.bench.reuse_credits import apply_credit
from storytrace.bench.reuse_drafts import Block, Draft, own_traces
from storytrace.bench.reuse_outlets import Outlet
from storytrace.bench.reuse_sources import SourceDocument

NegativeKind = Literal["independent_report", "shared_quotes", "other_event"]
NEGATIVE_KINDS: tuple[NegativeKind, ...] = ("independent_report", "shared_quotes", "other_event")


def negative_draft(
    kind: NegativeKind,
    document: SourceDocument,
    ids: Iterator[str],
    outlet: Outlet,
    moment: datetime,
    rng: random.Random,
    *,
    origin_names: Sequence[str] = (),
    inserted: Sequence[str] = (),
    credit: CreditPlan | None = None,
) -> Draft:
    """One negative made of ``document``: names swapped for ``other_event``, the
    ``inserted`` paragraphs (quotations, a statement) put in for ``shared_quotes``."""
    sentences = [s.text for s in document.sentences]
    if kind == "other_event":
        sentences = [ops.swap_names(s, list(origin_names)) for s in sentences]
    blocks = [Block(p, "own") for p in group_paragraphs(sentences, rng)]
    for paragraph in inserted:
        blocks.insert(rng.randrange(1, len(blocks) + 1), Block((paragraph,), "own"))
    if credit is not None and blocks:
        index = rng.randrange(min(3, len(blocks)))
        block = blocks[index]
        last = len(block.sentences) - 1
        credited = apply_credit(block.sentences[last], credit.name, credit.form, rng, moment.year)
        blocks[index] = Block(
            (*block.sentences[:last], credited), "own", credits=(credit.outlet.name,)
        )
    headline = document.headline
    if kind == "other_event" and headline:
        headline = ops.swap_names(headline, list(origin_names))
    if headline:
        blocks.insert(0, Block((headline,), "headline"))
    if rng.random() < 0.25:
        blocks.insert(min(len(blocks), 2), caption_block(blocks, rng))
    if rng.random() < 0.25:
        blocks.append(Block((rng.choice(FOOTERS),), "footer"))
    draft_id = next(ids)
    return Draft(draft_id, outlet, moment, tuple(blocks), own_traces(draft_id, blocks, None))
