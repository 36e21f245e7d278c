"""Drafting the articles of one generated reuse story, and recording their gold.

A story is drafted as :class:`Draft` articles made of :class:`Block`
paragraphs; each block remembers which sentences of its parent it reuses and
how (its gold kind), so the gold cases of a derived article are read off its
blocks (:func:`gold_cases`) and its own material is the blocks it did not take
from its parent (:func:`own_spans`). :class:`StoryBuilder` applies the
operations of :mod:`storytrace.bench.reuse_operations` to ECB+ material.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from storytrace.bench import reuse_operations as ops
from storytrace.bench.reuse_sources import (
    SourceDocument,
    SourceSentence,
    instance_overlap,
    paraphrase_partner,
)
from storytrace.models import Article, PassageKind, Span

Operation = Literal[
    "paragraph_copy",
    "sentence_shuffle",
    "word_substitution",
    "attribution_line",
    "truncation",
    "headline_rewrite",
    "lookalike",
    "copy_of_copy",
    "paraphrase_coref",
    "paraphrase_rules",
    "unrelated_names",
    "independent_report",
]
DERIVED_OPERATIONS: tuple[Operation, ...] = (
    "paragraph_copy",
    "sentence_shuffle",
    "word_substitution",
    "attribution_line",
    "truncation",
    "headline_rewrite",
    "lookalike",
    "copy_of_copy",
    "paraphrase_coref",
    "paraphrase_rules",
)
NEGATIVE_OPERATIONS: tuple[Operation, ...] = ("unrelated_names", "independent_report")
Role = Literal["headline", "body", "own", "credit", "caption", "footer"]

OUTLETS = (
    "The Harbour Times", "Northgate Post", "Daily Lantern", "Riverton Herald", "Coastline Today",
    "Evening Courier", "Valley News", "Metro Gazette", "The Capital Observer",
    "Lakeside Chronicle", "Summit Daily News", "Bay Area Tribune", "Western Mail Online",
    "The Morning Star Journal", "Island Express", "City Beat Magazine", "Global Eye Network",
    "Frontier Press", "Pacific Record", "Midland Telegraph", "Union Dispatch",
    "The Weekly Examiner", "Atlas Radio News", "Meridian TV News", "Harbor Insider",
    "Prairie Standard", "Granite Monitor", "Delta Review", "Sunrise Bulletin",
    "North Coast Broadcasting Network",
)  # fmt: skip
WIRES = ("Reuters", "Associated Press", "Agence France-Presse")
ALIASES = {"Associated Press": "AP", "Agence France-Presse": "AFP"}
FOOTERS = (
    "Sign up for our daily newsletter to get the top stories delivered to your inbox every "
    "morning.",
    "Copyright 2016 all rights reserved. This material may not be published, broadcast, "
    "rewritten or redistributed.",
    "Follow us on Twitter and Facebook for the latest updates and breaking news alerts.",
)
MIN_CASE_WORDS = 8
"""Reuse shorter than this (a copied short headline) is not recorded: titles and names alone
are not reuse (``ReuseSettings.min_passage_words`` has the same default)."""
START = datetime(2016, 7, 1, 6, 0, tzinfo=UTC)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class GoldCase:
    """One reused passage: a span of the source and the span of the target it became."""

    source_span: Span
    target_span: Span
    kind: PassageKind


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph being generated: its sentences and which parent sentences it reuses."""

    sentences: tuple[str, ...]
    role: Role
    parent: tuple[int, ...] = ()
    kind: PassageKind | None = None


@dataclass(frozen=True, slots=True)
class Draft:
    id: str
    outlet: str
    moment: datetime
    blocks: tuple[Block, ...]

    def sentence_blocks(self) -> list[tuple[int, int]]:
        """``(block index, sentence index)`` for every sentence, in text order."""
        return [(b, s) for b, block in enumerate(self.blocks) for s in range(len(block.sentences))]


def render(draft: Draft) -> tuple[str, list[Span], list[Span]]:
    """The text of a draft, its block spans and its sentence spans (in global order)."""
    pieces: list[str] = []
    blocks: list[Span] = []
    sentences: list[Span] = []
    position = 0
    for index, block in enumerate(draft.blocks):
        if index:
            pieces.append("\n\n")
            position += 2
        start = position
        for number, sentence in enumerate(block.sentences):
            if number:
                pieces.append(" ")
                position += 1
            pieces.append(sentence)
            sentences.append(Span(position, position + len(sentence)))
            position += len(sentence)
        blocks.append(Span(start, position))
    return "".join(pieces), blocks, sentences


def draft_article(draft: Draft, rng: random.Random) -> Article:
    text, _, _ = render(draft)
    known = rng.random() < 0.8
    published = draft.moment.isoformat().replace("+00:00", "Z") if known else None
    return Article(
        id=draft.id, source=f"generated/{draft.id}.txt", text=text, outlet=draft.outlet,
        published=published, language="en",
    )  # fmt: skip


def gold_cases(child: Draft, parent: Draft) -> tuple[GoldCase, ...]:
    """Group the child's reusing blocks into cases: adjacent blocks from neighbouring paragraphs."""
    child_text, child_blocks, _ = render(child)
    _, _, parent_sentences = render(parent)
    paragraph_of = [b for b, _ in parent.sentence_blocks()]
    cases: list[GoldCase] = []
    group: list[int] = []

    def close() -> None:
        if not group:
            return
        if len(
            _WORD.findall(child_text[child_blocks[group[0]].start : child_blocks[group[-1]].end])
        ) < (MIN_CASE_WORDS):
            group.clear()
            return
        used = [i for b in group for i in child.blocks[b].parent]
        kinds = {child.blocks[b].kind for b in group}
        kind: PassageKind = "verbatim" if kinds == {"verbatim"} else (
            "paraphrase" if "paraphrase" in kinds else "edited")  # fmt: skip
        cases.append(
            GoldCase(
                Span(min(parent_sentences[i].start for i in used),
                     max(parent_sentences[i].end for i in used)),
                Span(child_blocks[group[0]].start, child_blocks[group[-1]].end),
                kind,
            )
        )  # fmt: skip
        group.clear()

    for index, block in enumerate(child.blocks):
        if not block.parent:
            close()
            continue
        if group:
            previous = child.blocks[group[-1]].parent
            last = max(paragraph_of[i] for i in previous)
            first = min(paragraph_of[i] for i in block.parent)
            if not last <= first <= last + 1 or group[-1] != index - 1:
                close()
        group.append(index)
    close()
    return tuple(cases)


def own_spans(draft: Draft, copied: set[int]) -> tuple[Span, ...]:
    """Spans of the draft's own blocks that no other article copied."""
    _, spans, _ = render(draft)
    return tuple(
        spans[i]
        for i, block in enumerate(draft.blocks)
        if not block.parent and block.role in ("own", "caption", "credit", "headline")
        and i not in copied
    )  # fmt: skip


def group_paragraphs(sentences: Sequence[str], rng: random.Random) -> list[tuple[str, ...]]:
    result: list[tuple[str, ...]] = []
    position = 0
    while position < len(sentences):
        size = rng.choice((1, 2, 2, 3))
        result.append(tuple(sentences[position : position + size]))
        position += size
    return result


def cite_name(outlet: str, rng: random.Random) -> str:
    alias = ALIASES.get(outlet) or acronym(outlet)
    return alias if alias and rng.random() < 0.35 else outlet


def acronym(outlet: str) -> str | None:
    words = [w for w in outlet.replace("-", " ").split() if w != "The"]
    return "".join(w[0] for w in words) if len(words) >= 3 else None


class StoryBuilder:
    """Builds one story's drafts and gold from its ECB+ material."""

    def __init__(self, story_id: str, documents: Sequence[SourceDocument], hosts: Sequence[
            SourceDocument], other_event: Sequence[SourceDocument], rng: random.Random,
            outlet_count: int = 12) -> None:  # fmt: skip
        self.id = story_id
        self.rng = rng
        self.hosts = hosts
        self.used_hosts: set[str] = set()
        self.other_event = other_event
        ranked = sorted(documents, key=lambda d: -sum(len(s.instances) >= 3 for s in d.sentences))
        wanted = rng.choice((2, 3))
        self.origin_documents: list[SourceDocument] = []
        seen: set[tuple[str, ...]] = set()
        for document in ranked:
            grams = word_grams(document)
            # Wire copies inside ECB+ would repeat paragraphs inside the origin.
            if len(self.origin_documents) < wanted and document.sentences and not grams & seen:
                self.origin_documents.append(document)
                seen |= grams
        rest = [d for d in documents if d not in self.origin_documents]
        self.independent = self._independent(rest)
        self.pool: list[SourceSentence] = [
            s for d in rest if d is not self.independent for s in d.sentences
        ]
        pool = list(OUTLETS)
        rng.shuffle(pool)
        self.outlets = [
            pool[i % len(pool)] + (f" Edition {i // len(pool) + 1}" if i >= len(pool) else "")
            for i in range(outlet_count)
        ]
        if rng.random() < 0.3:
            # News agencies are where stories start, not where they are copied to.
            self.outlets[0] = rng.choice(WIRES)
        self.hidden = rng.random() < 0.3
        self.drafts: dict[str, Draft] = {}
        self.parents: dict[str, str] = {}
        self.operations: dict[str, Operation] = {}
        self.sources: dict[int, SourceSentence] = {}

    def _independent(self, candidates: Sequence[SourceDocument]) -> SourceDocument | None:
        origin_grams = {g for d in self.origin_documents for g in word_grams(d)}
        for document in candidates:
            if document.sentences and not origin_grams & word_grams(document):
                return document
        return None

    def origin(self) -> Draft:
        first = self.origin_documents[0]
        blocks = [Block((first.headline,), "headline")] if first.headline else []
        sources = [s for d in self.origin_documents for s in d.sentences]
        self.sources = {len(blocks) + i: s for i, s in enumerate(sources)}
        for document in self.origin_documents:
            for paragraph in group_paragraphs([s.text for s in document.sentences], self.rng):
                blocks.append(Block(paragraph, "body"))
        if self.rng.random() < 0.3:
            blocks.append(Block((self.rng.choice(FOOTERS),), "footer"))
        moment = START + timedelta(days=self.rng.randrange(300), hours=self.rng.randrange(12))
        draft = Draft(f"{self.id}-origin", self.outlets[0], moment, tuple(blocks))
        self.drafts[draft.id] = draft
        return draft

    def _host_blocks(self) -> list[Block]:
        # Each article reports its own material: no two take it from the same document.
        unused = [d for d in self.hosts if d.name not in self.used_hosts] or list(self.hosts)
        host = self.rng.choice(unused)
        self.used_hosts.add(host.name)
        count = self.rng.choice((0, 1, 2, 3))
        paragraphs = group_paragraphs([s.text for s in host.sentences], self.rng)[:count]
        return [Block(p, "own") for p in paragraphs]

    def derive(self, operation: Operation, parent: Draft, number: int) -> Draft:
        rng = self.rng
        blocks = self._reuse(operation, parent)
        if not blocks and operation == "paraphrase_coref":
            # No sentence of the parent has an unambiguous partner: reword by rules instead.
            operation = "paraphrase_rules"
            blocks = self._reuse(operation, parent)
        for own in self._host_blocks():
            blocks.insert(rng.randrange(min(1, len(blocks)), len(blocks) + 1), own)
        cites = operation not in ("copy_of_copy", "attribution_line")
        hidden_parent = parent.id.endswith("-origin") and self.hidden
        if cites and (hidden_parent or rng.random() < 0.5):
            credit = Block((ops.credit_line(cite_name(parent.outlet, rng), rng),), "credit")
            blocks.insert(len(blocks) if rng.random() < 0.6 else 1, credit)
        if rng.random() < 0.3:
            names = ops.find_names(" ".join(s for b in blocks for s in b.sentences)) or [
                "Officials"
            ]
            caption = (
                f"{names[0]} is seen in this picture taken earlier this week, before the events "
                f"described in this report. Photo: {rng.choice(('AFP', 'Reuters'))}"
            )
            blocks.insert(1, Block((caption,), "caption"))
        if rng.random() < 0.3:
            blocks.append(Block((rng.choice(FOOTERS),), "footer"))
        if operation == "lookalike":
            blocks = [
                Block(tuple(ops.add_lookalikes(s, rng) for s in b.sentences), b.role, b.parent,
                       b.kind)
                for b in blocks
            ]  # fmt: skip
        moment = parent.moment + timedelta(minutes=rng.randrange(45, 30 * 60))
        draft = Draft(f"{self.id}-copy{number}", self.outlets[number], moment, tuple(blocks))
        self.drafts[draft.id] = draft
        self.parents[draft.id] = parent.id
        self.operations[draft.id] = operation
        return draft

    def _reuse(self, operation: Operation, parent: Draft) -> list[Block]:
        """The blocks a derived article takes from its parent, transformed by ``operation``."""
        rng = self.rng
        numbered: list[tuple[Block, list[int]]] = []
        counter = 0
        for block in parent.blocks:
            numbered.append((block, list(range(counter, counter + len(block.sentences)))))
            counter += len(block.sentences)
        if operation == "copy_of_copy":
            usable = [(b, n) for b, n in numbered if b.role != "footer"]
            start = rng.randrange(0, max(1, len(usable) // 3))
            chosen = usable[start : start + max(2, (len(usable) * 2) // 3)]
            # The copy keeps something of the re-report's own (a paragraph, its caption).
            own = [item for item in usable if item[0].role in ("own", "caption")]
            if own and not any(item in chosen for item in own):
                chosen = sorted([*chosen, rng.choice(own)], key=lambda item: item[1][0])
            edit = rng.random() < 0.5
            return [
                Block(tuple(ops.edit_sentence(s, rng) if edit and rng.random() < 0.3 else s
                             for s in b.sentences), b.role, tuple(n), "edited" if edit else
                       "verbatim")
                for b, n in chosen
            ]  # fmt: skip
        headline = [(b, n) for b, n in numbered if b.role == "headline"]
        body = [(b, n) for b, n in numbered if b.role == "body"]
        if operation == "paraphrase_coref":
            return self._paraphrase_coref(body)
        if operation == "truncation":
            keep = max(2, round(len(body) * rng.uniform(0.4, 0.7)))
            return [Block(b.sentences, b.role, tuple(n), "verbatim") for b, n in
                    [*headline, *body[:keep]]]  # fmt: skip
        kept = [item for item in body if rng.random() < 0.8] or body[:2]
        if operation == "paragraph_copy" and len(kept) >= 3 and rng.random() < 0.6:
            i = rng.randrange(len(kept) - 1)
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
        blocks: list[Block] = []
        if operation == "headline_rewrite":
            text = headline[0][0].sentences[0] if headline else ""
            blocks.append(Block((ops.rewrite_headline(text, rng),), "headline"))
        elif headline:
            blocks.append(Block(headline[0][0].sentences, "headline", tuple(headline[0][1]),
                                 "verbatim"))  # fmt: skip
        for position, (block, numbers) in enumerate(kept):
            pairs = list(zip(block.sentences, numbers, strict=True))
            kind: PassageKind = "verbatim"
            if operation == "sentence_shuffle" and len(pairs) >= 2:
                if rng.random() < 0.4:
                    del pairs[rng.randrange(len(pairs))]
                if len(pairs) >= 2 and rng.random() < 0.7:
                    pairs = pairs[1:] + pairs[:1]
                kind = "edited" if [n for _, n in pairs] != numbers else "verbatim"
            sentences = [s for s, _ in pairs]
            if operation == "word_substitution":
                sentences, kind = [ops.edit_sentence(s, rng) for s in sentences], "edited"
            elif operation == "paraphrase_rules":
                sentences, kind = [ops.reword_sentence(s, rng) for s in sentences], "paraphrase"
            elif operation == "attribution_line" and position == 0:
                name = cite_name(parent.outlet, rng)
                sentences[0], kind = ops.attribute_sentence(sentences[0], name, rng), "edited"
            blocks.append(Block(tuple(sentences), "body", tuple(n for _, n in pairs), kind))
        return blocks

    def _paraphrase_coref(self, body: list[tuple[Block, list[int]]]) -> list[Block]:
        """Origin sentences replaced by their coreference partners from other outlets.

        A partner is used only if it matches its own sentence better than any
        other sentence of the origin (which joins several reports of one event),
        so that which sentence it paraphrases is not ambiguous.
        """
        blocks: list[Block] = []
        used: set[SourceSentence] = set()
        origin = list(self.sources.values())
        for _, numbers in body:
            pairs = []
            for number in numbers:
                source = self.sources.get(number)
                pool = [s for s in self.pool if s not in used]
                partner = paraphrase_partner(source, pool) if source else None
                if partner is None or source is None:
                    continue
                own = instance_overlap(source, partner)
                if any(instance_overlap(o, partner) >= own for o in origin if o is not source):
                    continue
                used.add(partner)
                pairs.append((partner.text, number))
            if pairs:
                blocks.append(Block(tuple(s for s, _ in pairs), "body",
                                     tuple(n for _, n in pairs), "paraphrase"))  # fmt: skip
        return blocks

    def negative(self, operation: Operation, number: int) -> Draft | None:
        rng = self.rng
        if operation == "independent_report":
            document = self.independent
            sentences = [s.text for s in document.sentences] if document else []
        else:
            if not self.other_event:
                return None
            document = rng.choice(self.other_event)
            origin_text = " ".join(s for b in self.drafts[f"{self.id}-origin"].blocks
                                   for s in b.sentences)  # fmt: skip
            names = ops.find_names(origin_text)
            sentences = [ops.swap_names(s.text, names) for s in document.sentences]
        if document is None or not sentences:
            return None
        blocks = [Block(p, "own") for p in group_paragraphs(sentences, rng)]
        if document.headline:
            blocks.insert(0, Block((document.headline,), "headline"))
        # Reports of the same event (and look-alike stories) come out around the same days.
        origin = self.drafts[f"{self.id}-origin"]
        moment = origin.moment + timedelta(minutes=rng.randrange(-48 * 60, 48 * 60))
        draft = Draft(f"{self.id}-{operation}", self.outlets[number], moment, tuple(blocks))
        self.drafts[draft.id] = draft
        self.operations[draft.id] = operation
        return draft


def word_grams(document: SourceDocument, size: int = 6) -> set[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for sentence in document.sentences:
        words = tuple(_WORD.findall(sentence.text.lower()))
        grams.update(words[i : i + size] for i in range(len(words) - size + 1))
    return grams
