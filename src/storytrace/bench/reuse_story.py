"""Assembling one generated story: outlets, credits, dates, negatives and the pairs' gold.

The shares below are the corpus's whole design of cues: each is drawn on its
own, so that none tells the direction or the relation by construction
(``docs/reuse-benchmark.md`` discusses them).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta

from storytrace.bench.reuse_builder import (
    REWRITE_OPERATIONS,
    START,
    CreditPlan,
    Operation,
    StoryBuilder,
    split_material,
)
from storytrace.bench.reuse_credits import CONTRIBUTION_FORMS, CREDIT_FORMS
from storytrace.bench.reuse_dates import MISSING_SHARE, derived_moment, draw_timing, show_date
from storytrace.bench.reuse_drafts import Draft, gold_cases, lineage_relation, own_spans, render
from storytrace.bench.reuse_gold import Derivation, GoldPair, GoldStory, Link
from storytrace.bench.reuse_negatives import NegativeKind, negative_draft
from storytrace.bench.reuse_operations import find_names
from storytrace.bench.reuse_outlets import AGENCIES, NEWSPAPERS, Outlet, article_url, credit_name
from storytrace.bench.reuse_quotes import (
    find_quotations,
    quote_paragraph,
    shared_runs,
    statement_paragraphs,
    statement_text,
)
from storytrace.bench.reuse_sources import SourceDocument
from storytrace.models import Article

CREDIT_PARENT_SHARE = 0.37
"""How often a derived article credits its parent (a copy of an origin left out credits it
more often: about 45% of all derived articles credit their parent)."""
CREDIT_HIDDEN_PARENT_SHARE = 0.75
"""How often a direct copy of an origin left out of the corpus credits it: an origin that
is not in the corpus is known only from its copies' credits."""
CREDIT_OTHER_SHARE = 0.12
"""How often a derived article credits another outlet instead (the origin, or a wire its
parent credited)."""
NEGATIVE_CREDIT_SHARE = 0.2
"""How often a negative credits an outlet of the story for a detail."""
HIDDEN_SHARE = 0.3
AGENCY_ORIGIN_SHARE = 0.25
AGENCY_COPIER_SHARE = 0.35
CONTRIBUTION_SHARE = 0.2
"""How often an origin in the corpus ends with "<wire> contributed to this report"."""
OUTLET_SHOWN_SHARE = 0.8
URL_SHARE = 0.7


def plan_parents(operations: Sequence[Operation], rng: random.Random) -> list[int]:
    """The parent of each derived article: 0 for the origin, ``k`` for the ``k``-th derived
    one; half of the later ones copy an earlier copy, three generations at most."""
    depth = {0: 0}
    parents: list[int] = []
    for number, operation in enumerate(operations, start=1):
        candidates = [k for k in range(1, number) if depth[k] < 3]
        parent = 0
        if operation != "paraphrase_coref" and candidates and rng.random() < 0.5:
            parent = rng.choice(candidates)
        parents.append(parent)
        depth[number] = depth[parent] + 1
    return parents


class _Outlets:
    """Outlets handed out once each within a story."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.newspapers = rng.sample(NEWSPAPERS, len(NEWSPAPERS))
        self.agencies = rng.sample(AGENCIES, len(AGENCIES))

    def take(self, agency: bool = False) -> Outlet:
        pool = self.agencies if agency and self.agencies else self.newspapers
        if not pool:
            # Only a story larger than the table runs out: an outlet then publishes twice.
            return self.rng.choice(NEWSPAPERS)
        return pool.pop()


def _credit(outlet: Outlet, rng: random.Random, *, clause_only: bool = False) -> CreditPlan:
    forms = [f for f in CREDIT_FORMS if f.position == "clause"] if clause_only else CREDIT_FORMS
    return CreditPlan(outlet, credit_name(outlet, rng), rng.choice(forms))


def _article(draft: Draft, rng: random.Random, published: str | None) -> Article:
    text, _, _ = render(draft.blocks)
    shown = draft.outlet.branded or rng.random() < OUTLET_SHOWN_SHARE
    # An article whose page names no outlet still has its URL: its outlet is on the domain.
    has_url = not shown or rng.random() < (URL_SHARE - (1 - OUTLET_SHOWN_SHARE)) / (
        OUTLET_SHOWN_SHARE
    )
    headline = next(b.sentences[0] for b in draft.blocks if b.role in ("headline", "body", "own"))
    return Article(
        id=draft.id,
        source=f"generated/{draft.id}.txt",
        text=text,
        url=article_url(draft.outlet, headline, draft.moment, rng) if has_url else None,
        outlet=draft.outlet.name if shown else None,
        published=published,
        language="en",
    )


@dataclass(slots=True)
class _Story:
    """What is known of a story while it is being built."""

    builder: StoryBuilder
    outlets: _Outlets
    origin: Draft
    drafts: list[Draft]
    parent_of: dict[str, str]
    published: dict[str, str | None]


def _shared_material(
    builder: StoryBuilder, origin_sentences: list[str], rng: random.Random
) -> tuple[str | None, list[str], list[str]]:
    """The statement for the origin (or None), the paragraphs to put into the shared-quotes
    negative, and the shared texts themselves."""
    quotations = find_quotations(origin_sentences)
    statement = builder.material.statement
    if quotations and (not statement or rng.random() < 0.6):
        chosen = rng.sample(quotations, min(len(quotations), rng.choice((1, 1, 2))))
        paragraphs = [quote_paragraph(q, origin_sentences[i], rng) for i, q in chosen]
        return None, paragraphs, [q for _, q in chosen]
    if statement:
        text = statement_text(statement)
        origin_frame, negative_frame = statement_paragraphs(text, rng)
        return origin_frame, [negative_frame], [text]
    return None, [], []


def build_story(
    story_id: str,
    documents: Sequence[SourceDocument],
    hosts: Sequence[SourceDocument],
    other_event: Sequence[SourceDocument],
    operations: Sequence[Operation],
    rng: random.Random,
) -> GoldStory | None:
    material = split_material(documents, rng)
    if not material.origin_documents:
        return None
    numbers = rng.sample(range(1, 10 * (len(operations) + 10)), len(operations) + 8)
    ids: Iterator[str] = (f"{story_id}-{n:03d}" for n in numbers)
    builder = StoryBuilder(material, hosts, rng, ids)
    outlets = _Outlets(rng)
    hidden = rng.random() < HIDDEN_SHARE
    origin_outlet = outlets.take(agency=rng.random() < AGENCY_ORIGIN_SHARE)
    origin_sentences = [s.text for d in material.origin_documents for s in d.sentences]
    statement, inserted, shared = _shared_material(builder, origin_sentences, rng)
    contribution = None
    if not hidden and rng.random() < CONTRIBUTION_SHARE:
        wire = outlets.take(agency=True)
        contribution = CreditPlan(wire, credit_name(wire, rng), rng.choice(CONTRIBUTION_FORMS))
    moment = START + timedelta(days=rng.randrange(300), minutes=rng.randrange(16 * 60))
    origin = builder.origin(origin_outlet, moment, statement=statement, contribution=contribution)
    story = _Story(builder, outlets, origin, [origin], {}, {})
    story.published[origin.id] = None if rng.random() < MISSING_SHARE else show_date(moment, rng)
    derivations = _derive(story, operations, hidden, rng)
    negatives = _negatives(story, other_event, inserted, rng)
    drafts = {d.id: d for d in [*story.drafts, *(n for _, n in negatives)]}
    articles = {i: _article(d, rng, story.published[i]) for i, d in drafts.items()}
    in_corpus = sorted(
        (a for i, a in articles.items() if not (hidden and i == origin.id)), key=lambda a: a.id
    )
    pairs = _pairs(story, derivations, negatives, shared, {a.id for a in in_corpus})
    copied: dict[str, set[int]] = {}
    for draft in story.drafts[1:]:
        parent = drafts[story.parent_of[draft.id]]
        blocks_of = parent.sentence_blocks()
        used = {blocks_of[i] for block in draft.blocks for i in block.parent}
        copied.setdefault(parent.id, set()).update(used)
    return GoldStory(
        id=story_id,
        articles=tuple(in_corpus),
        hidden=(articles[origin.id],) if hidden else (),
        derivations=tuple(derivations),
        pairs=tuple(pairs),
        origin_article_id=None if hidden else origin.id,
        origin_outlet=origin.outlet,
        lineage=tuple(d.id for d in story.drafts),
        own_spans=tuple((d.id, own_spans(d, copied.get(d.id, set()))) for d in story.drafts[1:]),
        outlets=tuple((d.id, d.outlet) for d in drafts.values()),
        shared_texts=tuple(shared),
    )


def _derive(
    story: _Story, operations: Sequence[Operation], hidden: bool, rng: random.Random
) -> list[Derivation]:
    parents = plan_parents(operations, rng)
    has_children = set(parents)
    agency_copier = None
    if story.origin.outlet not in AGENCIES and rng.random() < AGENCY_COPIER_SHARE:
        first_generation = [k for k, p in enumerate(parents, start=1) if p == 0]
        with_children = [k for k in first_generation if k in has_children]
        agency_copier = rng.choice(with_children or first_generation)
    derivations: list[Derivation] = []
    generation = {story.origin.id: 0}
    for number, (operation, parent_number) in enumerate(
        zip(operations, parents, strict=True), start=1
    ):
        parent = story.drafts[parent_number]
        outlet = story.outlets.take(agency=number == agency_copier)
        timing = draw_timing(rng)
        moment = derived_moment(parent.moment, timing, rng)
        credit = _credit_plan(story, parent, hidden, rng)
        own_count = (
            rng.choice((0, 1, 2, 3))
            if operation not in REWRITE_OPERATIONS
            else (rng.choice((0, 1)))
        )
        if number in has_children:
            own_count = max(1, own_count)
        draft, operation = story.builder.derive(
            operation, parent, outlet, moment, own_count=own_count, credit=credit
        )
        story.drafts.append(draft)
        story.parent_of[draft.id] = parent.id
        story.published[draft.id] = None if timing == "missing" else show_date(moment, rng)
        generation[draft.id] = generation[parent.id] + 1
        derivations.append(
            Derivation(
                parent_id=parent.id,
                child_id=draft.id,
                operation=operation,
                relation="rewrite" if operation in REWRITE_OPERATIONS else "copy",
                generation=generation[draft.id],
                timing=timing,
                credited=tuple(sorted(draft.credited())),
                cases=gold_cases(draft, parent),
            )
        )
    return derivations


def _credit_plan(
    story: _Story, parent: Draft, hidden: bool, rng: random.Random
) -> CreditPlan | None:
    """Whom a derived article credits: its parent, another outlet of the chain, or nobody."""
    to_parent = CREDIT_PARENT_SHARE
    if hidden and parent is story.origin:
        to_parent = CREDIT_HIDDEN_PARENT_SHARE
    pick = rng.random()
    if pick < to_parent:
        return _credit(parent.outlet, rng)
    if pick < to_parent + CREDIT_OTHER_SHARE:
        names = set(parent.credited())
        if parent is not story.origin:
            names.add(story.origin.outlet.name)
        others = sorted(n for n in names if n != parent.outlet.name)
        if others:
            chosen = rng.choice(others)
            outlet = next(o for o in (*NEWSPAPERS, *AGENCIES) if o.name == chosen)
            return _credit(outlet, rng)
    return None


def _negatives(
    story: _Story, other_event: Sequence[SourceDocument], inserted: list[str], rng: random.Random
) -> list[tuple[NegativeKind, Draft]]:
    independents = list(story.builder.material.independents)
    plan: list[tuple[NegativeKind, SourceDocument]] = []
    if inserted and independents:
        plan.append(("shared_quotes", independents.pop(0)))
    if independents:
        plan.append(("independent_report", independents.pop(0)))
    look_alikes = [d for d in other_event if len(d.sentences) >= 3]
    if look_alikes:
        plan.append(("other_event", rng.choice(look_alikes)))
    names = find_names(" ".join(story.origin.sentences()))
    negatives: list[tuple[NegativeKind, Draft]] = []
    for kind, document in plan:
        outlet = story.outlets.take(agency=rng.random() < 0.2)
        moment = story.origin.moment + timedelta(minutes=rng.randrange(-36 * 60, 36 * 60))
        credit = None
        if rng.random() < NEGATIVE_CREDIT_SHARE:
            credited = rng.choice(story.drafts).outlet
            credit = _credit(credited, rng, clause_only=True)
        draft = negative_draft(
            kind,
            document,
            story.builder.ids,
            outlet,
            moment,
            rng,
            origin_names=names,
            inserted=inserted if kind == "shared_quotes" else (),
            credit=credit,
        )
        story.published[draft.id] = None if rng.random() < MISSING_SHARE else show_date(moment, rng)
        negatives.append((kind, draft))
    return negatives


def _pairs(
    story: _Story,
    derivations: Sequence[Derivation],
    negatives: Sequence[tuple[NegativeKind, Draft]],
    shared: Sequence[str],
    in_corpus: set[str],
) -> list[GoldPair]:
    drafts = {d.id: d for d in [*story.drafts, *(n for _, n in negatives)]}
    texts = {i: render(d.blocks)[0] for i, d in drafts.items()}
    quoting = {i for i, text in texts.items() if shared and shared_runs(text, shared)}
    pairs = [
        GoldPair(d.parent_id, d.child_id, d.relation, "derivation", d.operation, d.cases)
        for d in derivations
        if d.parent_id in in_corpus
    ]
    ancestors: dict[str, set[str]] = {}
    for draft in story.drafts:
        node, seen = draft.id, set()
        while node in story.parent_of:
            node = story.parent_of[node]
            seen.add(node)
        ancestors[draft.id] = seen
    lineage = [d for d in story.drafts if d.id in in_corpus]
    for first, second in itertools.combinations(lineage, 2):
        if story.parent_of.get(second.id) == first.id or story.parent_of.get(first.id) == (
            second.id
        ):
            continue
        relation = lineage_relation(first, second)
        if relation is None and {first.id, second.id} <= quoting:
            relation = "shares_quotes"
        if relation is None:
            continue
        link: Link = "kin"
        if first.id in ancestors[second.id] or second.id in ancestors[first.id]:
            link = "ancestor"
        elif story.parent_of.get(first.id) == story.parent_of.get(second.id):
            link = "sibling"
        pairs.append(GoldPair(first.id, second.id, relation, link))
    kinds = {draft.id: kind for kind, draft in negatives}
    others = [i for i in drafts if i in in_corpus]
    for kind, negative in negatives:
        for other in others:
            # A pair of two negatives is evaluated once.
            if other == negative.id or (other in kinds and other < negative.id):
                continue
            shares = {negative.id, other} <= quoting
            pairs.append(
                GoldPair(
                    negative.id,
                    other,
                    "shares_quotes" if shares else "independent",
                    "negative",
                    kind,
                )
            )
    return pairs
