"""Building one generated story: its origin and the copies and rewrites derived from it.

:class:`StoryBuilder` takes the ECB+ reports of one event, joins two or three
of them into an origin, and derives articles from the origin or from earlier
derived articles with one operation each (:data:`DERIVED_OPERATIONS`), around
paragraphs of their own. Who credits whom, which outlet publishes, and the
date each shows are decided by :mod:`storytrace.bench.reuse_corpus`; this
module applies them. The negatives are made by
:mod:`storytrace.bench.reuse_negatives`.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal, TypeVar

from storytrace.bench import reuse_operations as ops
from storytrace.bench.reuse_credits import CreditForm, apply_credit
from storytrace.bench.reuse_drafts import MIN_SHARED_CHARS, Block, Draft, own_traces
from storytrace.bench.reuse_outlets import Outlet
from storytrace.bench.reuse_rewording import is_rewrite_of, reword_sentence
from storytrace.bench.reuse_sources import (
    SourceDocument,
    SourceSentence,
    instance_overlap,
    paraphrase_partner,
    word_grams,
)
from storytrace.models import PassageKind

Operation = Literal[
    "paragraph_copy",
    "truncation",
    "sentence_shuffle",
    "word_substitution",
    "headline_rewrite",
    "lookalike",
    "paraphrase_coref",
    "paraphrase_rules",
]
COPY_OPERATIONS: tuple[Operation, ...] = (
    "paragraph_copy",
    "truncation",
    "sentence_shuffle",
    "word_substitution",
    "headline_rewrite",
    "lookalike",
)
"""Operations whose result reproduces the parent's wording: the pair is a ``copy``."""
REWRITE_OPERATIONS: tuple[Operation, ...] = ("paraphrase_coref", "paraphrase_rules")
"""Operations whose result tells the parent's text in other words: the pair is a ``rewrite``."""
DERIVED_OPERATIONS: tuple[Operation, ...] = COPY_OPERATIONS + REWRITE_OPERATIONS

FOOTERS = (
    "Sign up for our daily newsletter to get the top stories delivered to your inbox every "
    "morning.",
    "Copyright 2016 all rights reserved. This material may not be published, broadcast, "
    "rewritten or redistributed.",
    "Follow us on Twitter and Facebook for the latest updates and breaking news alerts.",
)
_CAPTIONS = (
    "{name} is seen in this picture taken earlier this week. Photo: {agency}",
    "File photo of {name}. ({agency})",
    "{name} in an undated handout picture. {agency}/Handout",
    "Pictured: {name}. Image: {agency}",
)
_CAPTION_AGENCIES = ("AFP", "Reuters", "AP", "Getty Images", "EPA")
START = datetime(2016, 7, 1, 6, 0, tzinfo=UTC)
_WORD = re.compile(r"\w+")
_Item = TypeVar("_Item")


@dataclass(frozen=True, slots=True)
class CreditPlan:
    """A credit to put in a derived article: whom, under which name, in which form."""

    outlet: Outlet
    name: str
    form: CreditForm


@dataclass(slots=True)
class StoryMaterial:
    """The ECB+ material of one story, split so that no two roles share a 6-word run."""

    origin_documents: list[SourceDocument]
    independents: list[SourceDocument]
    pool: list[SourceSentence]
    statement: list[str] = field(default_factory=list)


def _document_grams(document: SourceDocument) -> set[tuple[str, ...]]:
    return word_grams([s.text for s in document.sentences])


def split_material(documents: Sequence[SourceDocument], rng: random.Random) -> StoryMaterial:
    """Origin documents (two or three, the richest in coreference), the independent reports
    (no 6-word run with the origin nor each other), statement sentences and the pool of
    sentences that paraphrase partners come from."""
    ranked = sorted(documents, key=lambda d: -sum(len(s.instances) >= 3 for s in d.sentences))
    wanted = rng.choice((2, 2, 3))
    origin: list[SourceDocument] = []
    seen: set[tuple[str, ...]] = set()
    for document in ranked:
        grams = _document_grams(document)
        # ECB+ holds wire copies: one inside the origin would repeat its paragraphs.
        if len(origin) < wanted and document.sentences and not grams & seen:
            origin.append(document)
            seen |= grams
    independents: list[SourceDocument] = []
    for document in documents:
        grams = _document_grams(document)
        if document not in origin and len(document.sentences) >= 3 and not grams & seen:
            independents.append(document)
            seen |= grams
    rest = [d for d in documents if d not in origin and d not in independents]
    negative_grams = {g for d in independents for g in _document_grams(d)}
    pool = [s for d in rest for s in d.sentences if not word_grams([s.text]) & negative_grams]
    origin_grams = {g for d in origin for g in _document_grams(d)}
    statement: list[str] = []
    for sentence in pool:
        words = sentence.word_count
        if word_grams([sentence.text]) & origin_grams:
            continue
        if (
            10 <= words <= 35
            and '"' not in sentence.text
            and sum(len(_WORD.findall(s)) for s in statement) + words <= 55
        ):
            statement.append(sentence.text)
        if len(statement) == 2:
            break
    pool = [s for s in pool if s.text not in statement]
    return StoryMaterial(origin, independents, pool, statement)


def group_paragraphs(sentences: Sequence[_Item], rng: random.Random) -> list[tuple[_Item, ...]]:
    """Sentences grouped into paragraphs of one to three."""
    result: list[tuple[_Item, ...]] = []
    position = 0
    while position < len(sentences):
        size = rng.choice((1, 2, 2, 3))
        result.append(tuple(sentences[position : position + size]))
        position += size
    return result


def caption_block(blocks: Sequence[Block], rng: random.Random) -> Block:
    """A photo caption naming someone of the article and a picture agency."""
    names = ops.find_names(" ".join(s for b in blocks for s in b.sentences)) or ["Officials"]
    text = rng.choice(_CAPTIONS).format(name=names[0], agency=rng.choice(_CAPTION_AGENCIES))
    return Block((text,), "caption")


class StoryBuilder:
    """Builds the origin and the derived drafts of one story from its ECB+ material."""

    def __init__(
        self,
        material: StoryMaterial,
        hosts: Sequence[SourceDocument],
        rng: random.Random,
        ids: Iterator[str],
    ) -> None:
        self.material = material
        self.hosts = hosts
        self.rng = rng
        self.ids = ids
        self.used_hosts: set[str] = set()
        self.sources: dict[int, SourceSentence] = {}
        self.used_partners: set[SourceSentence] = set()
        self.origin_id = ""

    def origin(
        self,
        outlet: Outlet,
        moment: datetime,
        *,
        statement: str | None,
        contribution: CreditPlan | None,
    ) -> Draft:
        """The origin: ECB+ reports of the event joined under the first one's headline."""
        rng = self.rng
        documents = self.material.origin_documents
        blocks = [Block((documents[0].headline,), "headline")] if documents[0].headline else []
        body: list[tuple[Block, tuple[SourceSentence | None, ...]]] = []
        for document in documents:
            for paragraph in group_paragraphs(document.sentences, rng):
                body.append((Block(tuple(s.text for s in paragraph), "body"), paragraph))
        if statement is not None:
            body.insert(
                rng.randrange(1, min(3, len(body)) + 1), (Block((statement,), "body"), (None,))
            )
        offset = sum(len(b.sentences) for b in blocks)
        sources = [source for _, paragraph in body for source in paragraph]
        self.sources = {offset + n: s for n, s in enumerate(sources) if s is not None}
        blocks += [block for block, _ in body]
        if rng.random() < 0.25:
            blocks.insert(min(len(blocks), 2), caption_block(blocks, rng))
        if contribution is not None:
            line = apply_credit("", contribution.name, contribution.form, rng, moment.year)
            blocks.append(Block((line,), "credit", credits=(contribution.outlet.name,)))
        if rng.random() < 0.25:
            blocks.append(Block((rng.choice(FOOTERS),), "footer"))
        draft_id = next(self.ids)
        self.origin_id = draft_id
        return Draft(draft_id, outlet, moment, tuple(blocks), own_traces(draft_id, blocks, None))

    def host_blocks(self, count: int) -> list[Block]:
        """Paragraphs of the article's own, from an ECB+ report of another topic."""
        # Reports of one event may be wire copies: two articles never take the same event's.
        unused = [d for d in self.hosts if d.story not in self.used_hosts] or list(self.hosts)
        host = self.rng.choice(unused)
        self.used_hosts.add(host.story)
        paragraphs = group_paragraphs([s.text for s in host.sentences], self.rng)[:count]
        return [Block(p, "own") for p in paragraphs]

    def derive(
        self,
        operation: Operation,
        parent: Draft,
        outlet: Outlet,
        moment: datetime,
        *,
        own_count: int,
        credit: CreditPlan | None,
    ) -> tuple[Draft, Operation]:
        """A draft derived from ``parent`` by ``operation`` (or a fallback when the parent's
        text does not allow it), with ``own_count`` paragraphs of its own and ``credit``."""
        rng = self.rng
        draft_id = next(self.ids)
        blocks, operation = self._derived_blocks(operation, parent)
        for own in self.host_blocks(own_count) if own_count else []:
            blocks.insert(rng.randrange(min(2, len(blocks)), len(blocks) + 1), own)
        if credit is not None:
            blocks = self._credited(blocks, credit, moment.year)
        if rng.random() < 0.25:
            blocks.insert(min(len(blocks), 2), caption_block(blocks, rng))
        if rng.random() < 0.25:
            blocks.append(Block((rng.choice(FOOTERS),), "footer"))
        if operation == "lookalike":
            blocks = [
                Block(
                    tuple(ops.add_lookalikes(s, rng) for s in b.sentences),
                    b.role,
                    b.parent,
                    b.kind,
                    b.credits,
                )
                for b in blocks
            ]
        traces = own_traces(draft_id, blocks, parent)
        return Draft(draft_id, outlet, moment, tuple(blocks), traces), operation

    def _derived_blocks(self, operation: Operation, parent: Draft) -> tuple[list[Block], Operation]:
        """The blocks taken from the parent, falling back to a simpler operation when the
        parent offers too little for this one (no coreference partners, nothing reworded)."""
        chain: list[Operation] = [operation]
        if operation == "paraphrase_coref":
            chain += ["paraphrase_rules", "paragraph_copy"]
        elif operation == "paraphrase_rules":
            chain += ["paragraph_copy"]
        for candidate in chain:
            if candidate == "paraphrase_coref" and parent.id != self.origin_id:
                continue
            blocks = self._reuse(candidate, parent)
            reused = [s for b in blocks if b.parent for s in b.sentences]
            least = 2 if candidate == "paraphrase_coref" else 3
            if len(reused) >= least and sum(len(s) for s in reused) >= MIN_SHARED_CHARS:
                return blocks, candidate
        return self._reuse("paragraph_copy", parent), "paragraph_copy"

    def _numbered(self, parent: Draft) -> list[tuple[Block, list[int]]]:
        numbered: list[tuple[Block, list[int]]] = []
        counter = 0
        for block in parent.blocks:
            numbered.append((block, list(range(counter, counter + len(block.sentences)))))
            counter += len(block.sentences)
        return numbered

    def _reuse(self, operation: Operation, parent: Draft) -> list[Block]:
        """The blocks a derived article takes from its parent, transformed by ``operation``."""
        rng = self.rng
        numbered = self._numbered(parent)
        headline = [(b, n) for b, n in numbered if b.role == "headline"]
        from_origin = parent.id == self.origin_id
        # A copy of a copy takes the copy's own paragraphs too: that is what it follows.
        roles = ("body",) if from_origin else ("body", "own", "credit", "caption")
        body = [(b, n) for b, n in numbered if b.role in roles]
        if operation == "paraphrase_coref":
            return self._paraphrase_coref(body)
        if operation == "truncation":
            keep = max(2, round(len(body) * rng.uniform(0.4, 0.7)))
            kept = body[:keep]
        else:
            kept = [item for item in body if rng.random() < 0.8] or body[:3]
        own = [item for item in body if item[0].role == "own"]
        if own and not any(item in kept for item in own):
            kept = sorted([*kept, rng.choice(own)], key=lambda item: item[1][0])
        if operation == "paragraph_copy" and len(kept) >= 3 and rng.random() < 0.5:
            i = rng.randrange(len(kept) - 1)
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
        blocks: list[Block] = []
        if operation in ("headline_rewrite", *REWRITE_OPERATIONS):
            text = headline[0][0].sentences[0] if headline else ""
            blocks.append(Block((ops.rewrite_headline(text, rng),), "headline"))
        elif headline:
            blocks.append(
                Block(headline[0][0].sentences, "headline", tuple(headline[0][1]), "verbatim")
            )
        for block, numbers in kept:
            made = self._transform(operation, block, numbers)
            if made is not None:
                blocks.append(made)
        return blocks

    def _transform(self, operation: Operation, block: Block, numbers: list[int]) -> Block | None:
        rng = self.rng
        pairs = list(zip(block.sentences, numbers, strict=True))
        kind: PassageKind = "verbatim"
        if operation == "sentence_shuffle" and len(pairs) >= 2:
            if rng.random() < 0.4:
                del pairs[rng.randrange(len(pairs))]
            if len(pairs) >= 2 and rng.random() < 0.7:
                pairs = pairs[1:] + pairs[:1]
            kind = "edited" if [n for _, n in pairs] != numbers else "verbatim"
        elif operation == "word_substitution":
            pairs, kind = [(ops.edit_sentence(s, rng), n) for s, n in pairs], "edited"
        elif operation == "paraphrase_rules":
            reworded = [(reword_sentence(s, rng), s, n) for s, n in pairs]
            pairs = [(r, n) for r, s, n in reworded if is_rewrite_of(s, r)]
            kind = "paraphrase"
        if not pairs:
            return None
        return Block(
            tuple(s for s, _ in pairs), block.role, tuple(n for _, n in pairs), kind, block.credits
        )

    def _paraphrase_coref(self, body: list[tuple[Block, list[int]]]) -> list[Block]:
        """Origin sentences replaced by their coreference partners from other outlets.

        A partner is used only if it matches its own sentence better than any
        other sentence of the origin (which joins several reports of one event),
        so that which sentence it paraphrases is not ambiguous.
        """
        blocks: list[Block] = []
        origin = list(self.sources.values())
        for _, numbers in body:
            pairs = []
            for number in numbers:
                source = self.sources.get(number)
                pool = [s for s in self.material.pool if s not in self.used_partners]
                partner = paraphrase_partner(source, pool) if source else None
                if partner is None or source is None:
                    continue
                own = instance_overlap(source, partner)
                if any(instance_overlap(o, partner) >= own for o in origin if o is not source):
                    continue
                self.used_partners.add(partner)
                pairs.append((partner.text, number))
            if pairs:
                blocks.append(
                    Block(
                        tuple(s for s, _ in pairs), "body", tuple(n for _, n in pairs), "paraphrase"
                    )
                )
        return blocks

    def _credited(self, blocks: list[Block], credit: CreditPlan, year: int) -> list[Block]:
        """``blocks`` with the credit worked in where its form puts it."""
        rng = self.rng
        form = credit.form
        body = [i for i, b in enumerate(blocks) if b.role in ("body", "own")]
        if form.position in ("lead", "clause") and body:
            index = body[0] if form.position == "lead" else rng.choice(body[:3])
            block = blocks[index]
            sentences = list(block.sentences)
            which = 0 if form.position == "lead" else len(sentences) - 1
            sentences[which] = apply_credit(sentences[which], credit.name, form, rng, year)
            kind: PassageKind | None = block.kind
            if kind == "verbatim":
                kind = "edited"
            blocks[index] = Block(
                tuple(sentences),
                block.role,
                block.parent,
                kind,
                (*block.credits, credit.outlet.name),
            )
            return blocks
        line = Block(
            (apply_credit("", credit.name, form, rng, year),),
            "credit",
            credits=(credit.outlet.name,),
        )
        if form.position == "sentence" and body:
            blocks.insert(body[min(len(body) - 1, rng.choice((0, 1, 2)))] + 1, line)
        elif rng.random() < 0.3:
            blocks.insert(1 if blocks and blocks[0].role == "headline" else 0, line)
        else:
            blocks.append(line)
        return blocks
