"""Choose candidate discrepancy pairs from ECB+ for annotation (see docs/discrepancy-annotation.md).

A candidate is two sentences from two different articles of one ECB+ gold
story, each with a highlighted value. Two sources, about half each:

- ``detector``: storytrace's claims stage runs on every story (each article its
  own lineage, no embeddings unless ``--embeddings``); every cross-article
  discrepancy gives at most two pairs of mentions with different values.
- ``independent``: plain regular expressions over the sentences of two
  articles of a story, without storytrace's code: a figure before the same
  noun, month-day dates, weekdays, places after ``in``/``at``/``near``,
  speakers of ``said`` and negations in similar sentences, and (``counted``)
  two different figures before the same counting noun in similar sentences.

The detector half is a snapshot of what the claims stage flags at the time of
the run: it changes whenever the claims stage does, and the independent half
is drawn with its own seeded generator so that it does not.

Offsets are character offsets into ``Article.text`` as
:func:`storytrace.bench.ecbplus.load_ecbplus` builds it (ECB+ articles have no
title); a sentence is one line of that text. Odd topics are the ``report``
split, even topics ``tune``. Ids are assigned after a seeded shuffle, so the
order says nothing about the source.

    python scripts/select_discrepancy_candidates.py ../shared/data/ecbplus --out /tmp/cands.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from storytrace.bench.ecbplus import line_spans, load_ecbplus
from storytrace.claims import analyze_claims
from storytrace.models import Article, Discrepancy

SEED = 20260514
DETECTOR_PAIRS = 190
INDEPENDENT_QUOTAS = {
    "number": 70,
    "date": 40,
    "place": 40,
    "person": 25,
    "polarity": 25,
    "counted": 50,
}
"""Independent pairs drawn per kind (fewer when ECB+ has fewer). ``counted`` is a
``number`` pair whose two figures differ, before a noun that counts something
that matters in a news event, in two similar sentences: where conflicts are."""
PER_STORY = 2
"""At most this many independent pairs of one kind per story."""

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million dozen dozens hundreds thousands"
)
_NUMBER = re.compile(
    r"(?<![\w:.,])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:" + "|".join(_NUMBER_WORDS.split()) + r"))"
    r"(?![\w:])",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_DAY = re.compile(
    rf"\b(?:{_MONTHS}\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?"
    rf"|\d{{1,2}} {_MONTHS}(?: \d{{4}})?)\b"
)
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_PLACE = re.compile(r"\b(?:in|at|near) (?:the )?((?:[A-Z][a-z]+\.?)(?: [A-Z][a-z]+\.?){0,2})")
_SPEAKER = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+) (?:said|says|told)\b"
    r"|\b(?:said|says|told) ([A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+)\b"
)
_NEGATION = re.compile(r"\b(?:not|no|never|without|none|nobody)\b|n't\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")
_COUNTED = frozenset(
    "killed dead death people injured wounded hurt old magnitude mile kilometre month year "
    "hour minute million billion percent caliber officer men women children victim home "
    "house building village arrested point yard".split()
)
_SMALL_NUMBERS = {w: n for n, w in enumerate(_NUMBER_WORDS.split()[:20], start=1)}
_NOT_PLACES = frozenset(
    "The This That He She It They We His Her Its Their A An Mr Mrs Ms Dr "
    "January February March April May June July August September October November "
    "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
_STOP = frozenset(
    "that this with from have been were was will would they their them there than then what "
    "when where which while about after before into over said says also more most some such "
    "only other just being could should your year years time first last told according "
    "the and for but not are his her its our has had who whom all any can out".split()
)


@dataclass(frozen=True, slots=True)
class Side:
    """One statement: the sentence (a line of the article text) and the highlighted value."""

    article_id: str
    sentence_start: int
    sentence_end: int
    value_start: int
    value_end: int

    def record(self, text: str) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "value_start": self.value_start,
            "value_end": self.value_end,
            "sentence": text[self.sentence_start : self.sentence_end],
            "value": text[self.value_start : self.value_end],
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    story: str
    kind: str
    source: str
    left: Side
    right: Side


@dataclass(frozen=True, slots=True)
class Line:
    article_id: str
    start: int
    end: int
    text: str
    words: frozenset[str]


def _side(article: Article, start: int, end: int) -> Side | None:
    """The side whose sentence is the line(s) holding ``[start, end)``; None if out of the text."""
    spans = line_spans(article.text)
    first = next((s for s in spans if s[0] <= start <= s[1]), None)
    last = next((s for s in spans if s[0] <= end <= s[1]), None)
    if first is None or last is None or start >= end:
        return None
    return Side(article.id, first[0], last[1], start, end)


def _detector_kind(discrepancy: Discrepancy) -> str:
    if discrepancy.kind == "attribution":
        return "person"
    if discrepancy.kind == "entity_set":
        return "place" if discrepancy.summary.startswith("country") else "person"
    return discrepancy.kind


def detector_candidates(
    stories: dict[str, list[Article]], *, embeddings: bool, rng: random.Random
) -> list[Candidate]:
    """Up to two mention pairs (different articles, different values) per discrepancy."""
    embed = None
    if embeddings:
        from storytrace.embeddings import embed_texts

        embed = embed_texts
    per_story: dict[str, list[list[Candidate]]] = {}
    for story, articles in stories.items():
        by_id = {a.id: a for a in articles}
        result = analyze_claims(articles, lineage_of={a.id: a.id for a in articles}, embed=embed)
        groups: list[list[Candidate]] = []
        for discrepancy in result.discrepancies:
            if discrepancy.scope != "across_articles":
                continue
            pairs: list[Candidate] = []
            for first, second in itertools.combinations(discrepancy.variants, 2):
                if first.value == second.value:
                    continue
                for a, b in itertools.product(first.mentions, second.mentions):
                    if a.article_id == b.article_id or "title" in (a.field, b.field):
                        continue
                    left = _side(by_id[a.article_id], a.start, a.end)
                    right = _side(by_id[b.article_id], b.start, b.end)
                    if left and right:
                        kind = _detector_kind(discrepancy)
                        pairs.append(Candidate(story, kind, "detector", left, right))
            rng.shuffle(pairs)
            if pairs:
                groups.append(pairs[:2])
        rng.shuffle(groups)
        per_story[story] = groups
        print(f"detector {story}: {len(groups)} discrepancies", file=sys.stderr)
    # Round robin over stories, one discrepancy at a time, so that no story dominates.
    chosen: list[Candidate] = []
    while len(chosen) < DETECTOR_PAIRS and any(per_story.values()):
        for story in sorted(per_story):
            if per_story[story] and len(chosen) < DETECTOR_PAIRS:
                chosen.extend(per_story[story].pop(0))
    return chosen[:DETECTOR_PAIRS]


def _lines(article: Article) -> list[Line]:
    lines = []
    for start, end in line_spans(article.text):
        text = article.text[start:end]
        words = frozenset(
            w.lower() for w in _WORD.findall(text) if len(w) >= 4 and w.lower() not in _STOP
        )
        if text.strip():
            lines.append(Line(article.id, start, end, text, words))
    return lines


def _noun_key(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _values(line: Line, kind: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, key)`` of each value of ``kind`` in the line (offsets into the article)."""
    text = line.text
    if kind in ("number", "counted"):
        dates = [m.span() for m in _MONTH_DAY.finditer(text)]
        for match in _NUMBER.finditer(text):
            if re.fullmatch(r"(19|20)\d\d", match.group()):
                continue
            if any(s <= match.start() < e for s, e in dates):
                continue
            following = _WORD.findall(text[match.end() : match.end() + 40])[:3]
            for word in following:
                if len(word) >= 3 and word.lower() not in _STOP:
                    key = _noun_key(word)
                    if kind == "number" or key in _COUNTED:
                        yield line.start + match.start(), line.start + match.end(), key
    elif kind == "date":
        for match in itertools.chain(_MONTH_DAY.finditer(text), _WEEKDAY.finditer(text)):
            yield line.start + match.start(), line.start + match.end(), "date"
    elif kind == "place":
        for match in _PLACE.finditer(text):
            if match.group(1).split()[0].rstrip(".") not in _NOT_PLACES:
                yield line.start + match.start(1), line.start + match.end(1), "place"
    elif kind == "person":
        for match in _SPEAKER.finditer(text):
            group = 1 if match.group(1) else 2
            yield line.start + match.start(group), line.start + match.end(group), "person"
    elif kind == "polarity":
        for match in _NEGATION.finditer(text):
            yield line.start + match.start(), line.start + match.end(), "polarity"


def _number_value(text: str) -> float | None:
    text = text.lower().replace(",", "")
    if text in _SMALL_NUMBERS:
        return float(_SMALL_NUMBERS[text])
    try:
        return float(text)
    except ValueError:
        return None


def _overlap(first: Line, second: Line) -> float:
    if not first.words or not second.words:
        return 0.0
    return len(first.words & second.words) / min(len(first.words), len(second.words))


def _close_enough(kind: str, first: Line, second: Line) -> bool:
    """How similar two sentences must be to be worth comparing for this kind."""
    shared = len(first.words & second.words)
    if kind == "number":
        return True  # the shared noun is the link
    if kind == "polarity":
        return _overlap(first, second) >= 0.4 and shared >= 3
    if kind == "counted":
        return _overlap(first, second) >= 0.3 and shared >= 3
    return shared >= 2


def _sentence_pair(candidate: Candidate) -> tuple[str, int, str, int]:
    left, right = candidate.left, candidate.right
    return (left.article_id, left.sentence_start, right.article_id, right.sentence_start)


def independent_candidates(
    stories: dict[str, list[Article]], *, taken: set[tuple[str, int, str, int]], rng: random.Random
) -> list[Candidate]:
    """Pairs found by the regular expressions alone, drawn per kind across stories.

    ``taken`` holds the sentence pairs (article, sentence start, both ways) the
    detector already proposed; they are not drawn again.
    """
    pools: dict[str, dict[str, list[Candidate]]] = defaultdict(lambda: defaultdict(list))
    for story, articles in stories.items():
        lines = {a.id: _lines(a) for a in articles}
        for kind in INDEPENDENT_QUOTAS:
            values = {
                a.id: [(line, v) for line in lines[a.id] for v in _values(line, kind)]
                for a in articles
            }
            for a, b in itertools.combinations(articles, 2):
                for (line_a, (sa, ea, ka)), (line_b, (sb, eb, kb)) in itertools.product(
                    values[a.id], values[b.id]
                ):
                    if ka != kb or not _close_enough(kind, line_a, line_b):
                        continue
                    if (a.id, line_a.start, b.id, line_b.start) in taken:
                        continue
                    if kind == "counted":
                        first, second = _number_value(a.text[sa:ea]), _number_value(b.text[sb:eb])
                        if first is None or second is None or first == second:
                            continue
                    left = Side(a.id, line_a.start, line_a.end, sa, ea)
                    right = Side(b.id, line_b.start, line_b.end, sb, eb)
                    recorded = "number" if kind == "counted" else kind
                    pools[kind][story].append(
                        Candidate(story, recorded, "independent", left, right)
                    )
    chosen: list[Candidate] = []
    for kind, wanted in INDEPENDENT_QUOTAS.items():
        by_story = pools[kind]
        if kind == "counted":
            # Sentence pairs already drawn as plain ``number`` pairs are not drawn twice.
            drawn_before = {_sentence_pair(c) for c in chosen}
            by_story = {
                story: [c for c in pool if _sentence_pair(c) not in drawn_before]
                for story, pool in by_story.items()
            }
        drawn: list[Candidate] = []
        for story in sorted(by_story):
            pool = by_story[story]
            rng.shuffle(pool)
            # One pair per sentence pair, so a story's drawn pairs are not near copies.
            seen: set[tuple[str, int, str, int]] = set()
            kept = []
            for candidate in pool:
                key = _sentence_pair(candidate)
                if key not in seen:
                    seen.add(key)
                    kept.append(candidate)
            drawn.extend(kept[:PER_STORY])
        rng.shuffle(drawn)
        chosen.extend(drawn[:wanted])
        print(f"independent {kind}: {len(drawn[:wanted])} of {len(drawn)}", file=sys.stderr)
    return chosen


def records(candidates: Sequence[Candidate], texts: dict[str, str]) -> list[dict[str, object]]:
    """JSON records with neutral ids (``c0001`` ...) in a seeded random order."""
    out = []
    for number, candidate in enumerate(candidates, start=1):
        topic = int(candidate.story.split("/")[0])
        out.append(
            {
                "id": f"c{number:04d}",
                "story": candidate.story,
                "topic": topic,
                "split": "report" if topic % 2 else "tune",
                "kind": candidate.kind,
                "source": candidate.source,
                "left": candidate.left.record(texts[candidate.left.article_id]),
                "right": candidate.right.record(texts[candidate.right.article_id]),
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ecbplus", help="the ECB+ folder, e.g. ../shared/data/ecbplus")
    parser.add_argument("--out", type=Path, required=True, help="where to write the JSONL")
    parser.add_argument("--embeddings", action="store_true", help="run claims with MiniLM")
    arguments = parser.parse_args()
    started = time.perf_counter()
    corpus = load_ecbplus(arguments.ecbplus)
    stories: dict[str, list[Article]] = defaultdict(list)
    for document in corpus.documents:
        stories[document.story].append(document.article)
    # One generator per source, so that a change in what the detector flags does
    # not reshuffle the independent draws.
    detector = detector_candidates(
        stories, embeddings=arguments.embeddings, rng=random.Random(SEED)
    )
    taken = {
        key
        for c in detector
        for key in (
            (c.left.article_id, c.left.sentence_start, c.right.article_id, c.right.sentence_start),
            (c.right.article_id, c.right.sentence_start, c.left.article_id, c.left.sentence_start),
        )
    }
    independent = independent_candidates(stories, taken=taken, rng=random.Random(SEED + 1))
    candidates = detector + independent
    random.Random(SEED + 2).shuffle(candidates)
    texts = {a.id: a.text for a in corpus.articles}
    with arguments.out.open("w", encoding="utf-8") as handle:
        for record in records(candidates, texts):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    seconds = time.perf_counter() - started
    print(
        f"{len(detector)} detector + {len(independent)} independent candidates "
        f"-> {arguments.out} in {seconds:.0f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
