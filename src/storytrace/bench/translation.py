"""Translation benchmark: translated copies of ECB+ articles, with sentence-level gold.

No public news corpus pairs articles with their translations at passage level,
so ``tests/data/translations/translations.jsonl`` (README beside it) holds
hand translations of 27 ECB+ articles into seven languages (French, Spanish,
German, Italian, Arabic, Russian, Portuguese), written as a foreign outlet
re-reports: about one line in five left out, two neighbouring lines swapped,
one or two sentences of the outlet's own added. Every translated sentence names
the line of the English article it translates, which gives PAN-style gold cases.

For each translated article ``T`` of English article ``X``:

* **positive pair** ``(X, T)``: each translated sentence is a case (its line of
  ``X``, its sentence of ``T``); PAN's character precision, recall,
  granularity and plagdet measure the passages found;
* **negative pair** ``(Y, T)``, ``Y`` the English article of the *other* event
  of the same ECB+ topic (same kind of event, same vocabulary, not a source of
  ``T``): any passage found is a false alarm;
* **direction**: :func:`storytrace.reuse.trace_story` on ``[X, T]`` without
  dates, credits or outlets must still make ``X`` the source (from containment).

Thresholds are cross-validated by topic: the grid below is searched on topics
1 to 7 and the best point reported on topics 8 to 14, then the other way
round. The best point has the fewest negative pairs with a passage, then the
highest plagdet, then the loosest anchor. The defaults of
:class:`storytrace.reuse.ReuseSettings` are the best point on all topics.

>>> gold = TranslatedArticle("1_2ecb", "fr", ((0, "Une phrase."), (None, "La nôtre.")))
>>> gold.text
'Une phrase.\\nLa nôtre.'
>>> gold.sentence_spans()
[(0, 11), (12, 21)]
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import numpy as np
import numpy.typing as npt

from storytrace.bench.ecbplus import EcbPlusDocument, line_spans, load_ecbplus
from storytrace.bench.pan import Alignment, PanScore, pan_score
from storytrace.claims.translated_numbers import number_change, numbers
from storytrace.errors import InputError
from storytrace.models import Article, Story
from storytrace.reuse import Embed, ReuseSettings, align_pair, trace_story
from storytrace.stories import group_stories
from storytrace.stories.translations import join_translations

FIRST_HALF = frozenset(str(topic) for topic in range(1, 8))
"""ECB+ topics 1 to 7: one fold of the cross-validation; topics 8 to 14 are the other."""

GRID: tuple[tuple[float, float, float], ...] = tuple(
    (anchor, seed, 0.4) for anchor in (0.65, 0.7, 0.75) for seed in (0.5, 0.55, 0.6)
)
"""``(translation_anchor_similarity, translation_similarity, translation_extend_similarity)``."""


@dataclass(frozen=True, slots=True)
class TranslatedArticle:
    """One hand translation: its English source, language and sentences in order.

    ``sentences`` holds ``(line, text)``: ``line`` is the line of the English
    article (as rebuilt by :func:`storytrace.bench.ecbplus.read_document`) the
    sentence translates, ``None`` for the outlet's own sentences.
    """

    source: str
    language: str
    sentences: tuple[tuple[int | None, str], ...]

    @property
    def topic(self) -> str:
        return self.source.split("_", 1)[0]

    @property
    def text(self) -> str:
        return "\n".join(text for _, text in self.sentences)

    def sentence_spans(self) -> list[tuple[int, int]]:
        """``[start, end)`` of each sentence in :attr:`text` (one per line)."""
        return line_spans(self.text)


def load_translations(path: str | Path) -> tuple[TranslatedArticle, ...]:
    """Read the gold translations (one JSON object per line)."""
    items: list[TranslatedArticle] = []
    for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            sentences = tuple(
                (item["source_line"], str(item["text"])) for item in record["sentences"]
            )
            items.append(TranslatedArticle(str(record["source"]), str(record["language"]),
                                           sentences))  # fmt: skip
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(f"{path}:{number}: not a translation record ({error})") from error
    return tuple(items)


@dataclass(frozen=True, slots=True)
class LanguageScore:
    """PAN measures on the positive pairs of one language (or ``all``)."""

    language: str
    pairs: int
    score: PanScore


@dataclass(frozen=True, slots=True)
class TranslationScore:
    """What one setting of the thresholds gives on some translations."""

    thresholds: tuple[float, float, float]
    languages: tuple[LanguageScore, ...]
    negative_pairs: int
    negative_pairs_with_passages: int
    negative_characters: int
    direction_right: int
    direction_decided: int
    direction_pairs: int

    @property
    def overall(self) -> PanScore:
        return self.languages[-1].score


@dataclass(frozen=True, slots=True)
class Fold:
    """Thresholds chosen on ``tuned_on`` topics, scored on the ``reported_on`` topics."""

    tuned_on: str
    reported_on: str
    tuned: TranslationScore
    reported: TranslationScore


@dataclass(frozen=True, slots=True)
class GroupingScore:
    """Where story grouping puts each translation, among the articles of its ECB+ topic.

    A translation is *placed* when its story holds articles and most of them
    report its event; ``wrong_companions`` counts articles of the other event
    in translations' stories.
    """

    translations: int
    placed_by_grouping: int
    wrong_by_grouping: int
    placed_after_join: int
    wrong_after_join: int
    with_source_in_corpus: tuple[int, int] = (0, 0)
    """In the whole corpus at once: translations in their source article's story,
    after grouping and after joining translations."""


@dataclass(frozen=True, slots=True)
class NumberChangeScore:
    """Figures changed in translation: injected into gold sentence pairs, then looked for.

    ``injected`` translated sentences with a figure had one figure changed
    (doubled plus one, written as the translation writes figures);
    ``controls`` are all gold pairs unchanged.
    """

    injected: int
    found: int
    controls: int
    false_alarms: int


def score_number_changes(
    items: Sequence[TranslatedArticle], english: Mapping[str, Article]
) -> NumberChangeScore:
    """Recall on injected figure changes and false alarms on the unchanged gold pairs."""
    injected = found = controls = false_alarms = 0
    for item in items:
        lines = english[item.source].text.split("\n")
        for line, text in item.sentences:
            if line is None:
                continue
            controls += 1
            false_alarms += number_change(lines[line], text) is not None
            figures = numbers(text)
            if not figures:
                continue
            value, written = next(iter(figures.items()))
            changed = str(int(float(value)) * 2 + 1)
            start = text.index(written)
            altered = text[:start] + changed + text[start + len(written) :]
            injected += 1
            change = number_change(lines[line], altered)
            found += change is not None and changed in change[1]
    return NumberChangeScore(injected, found, controls, false_alarms)


@dataclass(frozen=True, slots=True)
class TranslationBenchResult:
    """Both folds of the cross-validation, the defaults on every topic, and grouping."""

    folds: tuple[Fold, ...]
    defaults: TranslationScore
    seconds_per_pair: float
    grouping: GroupingScore
    numbers: NumberChangeScore


def _settings(base: ReuseSettings, thresholds: tuple[float, float, float]) -> ReuseSettings:
    anchor, seed, extend = thresholds
    return replace(
        base,
        translation_anchor_similarity=anchor,
        translation_similarity=seed,
        translation_extend_similarity=extend,
    )


def _target(item: TranslatedArticle) -> Article:
    return Article(
        id=f"{item.source}-{item.language}",
        source=f"translation of {item.source}",
        text=item.text,
        language=item.language,
    )


def evaluate_translations(
    items: Sequence[TranslatedArticle],
    english: Mapping[str, Article],
    *,
    translate: Embed,
    settings: ReuseSettings,
) -> TranslationScore:
    """PAN measures, false alarms and direction of ``items`` under ``settings``."""
    cases: dict[str, list[Alignment]] = {}
    detections: dict[str, list[Alignment]] = {}
    pairs: dict[str, int] = {}
    negatives = negatives_hit = negative_chars = 0
    right = decided = 0
    for item in items:
        source = english[item.source]
        target = _target(item)
        key = item.language
        pairs[key] = pairs.get(key, 0) + 1
        lines = line_spans(source.text)
        for (line, _), span in zip(item.sentences, item.sentence_spans(), strict=True):
            if line is not None:
                cases.setdefault(key, []).append(Alignment(target.id, lines[line], span))
        for passage in align_pair(source, target, settings=settings, translate=translate):
            detections.setdefault(key, []).append(
                Alignment(target.id, (passage.source_span.start, passage.source_span.end),
                          (passage.target_span.start, passage.target_span.end))
            )  # fmt: skip
        traced = trace_story([source, target], settings=settings, translate=translate)
        if traced.directions:
            decided += 1
            right += traced.directions[0].source_id == source.id
        for other in other_event(item, english):
            negatives += 1
            found = align_pair(other, target, settings=settings, translate=translate)
            negatives_hit += bool(found)
            negative_chars += sum(p.target_span.length for p in found)
    scores = [
        LanguageScore(language, pairs[language],
                      pan_score(cases.get(language, []), detections.get(language, [])))
        for language in sorted(pairs)
    ]  # fmt: skip
    every = [a for rows in cases.values() for a in rows]
    found_all = [a for rows in detections.values() for a in rows]
    scores.append(LanguageScore("all", sum(pairs.values()), pan_score(every, found_all)))
    return TranslationScore(
        thresholds=(
            settings.translation_anchor_similarity,
            settings.translation_similarity,
            settings.translation_extend_similarity,
        ),
        languages=tuple(scores),
        negative_pairs=negatives,
        negative_pairs_with_passages=negatives_hit,
        negative_characters=negative_chars,
        direction_right=right,
        direction_decided=decided,
        direction_pairs=len(items),
    )


def _best(scores: Sequence[TranslationScore]) -> TranslationScore:
    return min(
        scores,
        key=lambda s: (s.negative_pairs_with_passages, -s.overall.plagdet, s.thresholds),
    )


def _cached(embed: Embed) -> Embed:
    """``embed`` with a memory of the sentences it has seen (the grid re-aligns the same texts)."""
    memory: dict[str, npt.NDArray[np.float32]] = {}

    def cached(texts: list[str]) -> npt.NDArray[np.float32]:
        missing = list(dict.fromkeys(t for t in texts if t not in memory))
        if missing:
            memory.update(zip(missing, embed(missing), strict=True))
        if not texts:
            return np.asarray(embed([]), dtype=np.float32)
        return np.stack([memory[t] for t in texts]).astype(np.float32)

    return cached


def _placement(
    stories: Sequence[Story], article_id: str, gold: Mapping[str, str]
) -> tuple[int, int]:
    [story] = [s for s in stories if article_id in s.article_ids]
    mates = [a for a in story.article_ids if a != article_id]
    right = sum(gold[a] == gold[article_id] for a in mates)
    return int(bool(mates) and right * 2 >= len(mates)), len(mates) - right


def score_grouping(
    documents: Sequence[EcbPlusDocument], items: Sequence[TranslatedArticle], *, translate: Embed
) -> GroupingScore:
    """Group each translation with the articles of its topic, then join translations."""
    by_topic: dict[str, list[EcbPlusDocument]] = {}
    for document in documents:
        by_topic.setdefault(document.topic, []).append(document)
    totals = [0, 0, 0, 0]
    for item in items:
        target = _target(item)
        members = by_topic[item.topic]
        gold = {d.article.id: d.story for d in members}
        gold[target.id] = gold[item.source]
        articles = [*(d.article for d in members), target]
        grouped = group_stories(articles)
        joined = join_translations(grouped, articles, translate=translate)
        for offset, stories in ((0, grouped), (2, joined)):
            placed, wrong = _placement(stories, target.id, gold)
            totals[offset] += placed
            totals[offset + 1] += wrong
    targets = [_target(item) for item in items]
    everything = [*(d.article for d in documents), *targets]
    grouped = group_stories(everything)
    joined = join_translations(grouped, everything, translate=translate)
    together = []
    for stories in (grouped, joined):
        story_of = {a: s.id for s in stories for a in s.article_ids}
        together.append(
            sum(story_of[t.id] == story_of[i.source] for t, i in zip(targets, items, strict=True))
        )
    return GroupingScore(
        translations=len(items),
        placed_by_grouping=totals[0],
        wrong_by_grouping=totals[1],
        placed_after_join=totals[2],
        wrong_after_join=totals[3],
        with_source_in_corpus=(together[0], together[1]),
    )


def run_translation_benchmark(
    ecbplus: str | Path,
    translations: str | Path,
    *,
    translate: Embed | None = None,
    grid: Sequence[tuple[float, float, float]] = GRID,
) -> TranslationBenchResult:
    """Cross-validate the translation thresholds by topic halves and score the defaults."""
    if translate is None:
        from storytrace.multilingual import embed_multilingual

        translate = embed_multilingual
    translate = _cached(translate)
    documents = load_ecbplus(ecbplus).documents
    english = {d.article.id: d.article for d in documents}
    items = load_translations(translations)
    missing = sorted({item.source for item in items} - set(english))
    if missing:
        raise InputError(f"translations name ECB+ documents not in {ecbplus}: {missing}")
    halves = {
        "topics 1-7": [i for i in items if i.topic in FIRST_HALF],
        "topics 8-14": [i for i in items if i.topic not in FIRST_HALF],
    }
    base = ReuseSettings()
    score = partial(evaluate_translations, english=english, translate=translate)
    started = time.perf_counter()
    defaults = score(items, settings=base)
    seconds = (time.perf_counter() - started) / max(len(items), 1)
    folds = []
    for tuned_on, reported_on in (("topics 1-7", "topics 8-14"), ("topics 8-14", "topics 1-7")):
        best = _best([score(halves[tuned_on], settings=_settings(base, point)) for point in grid])
        reported = score(halves[reported_on], settings=_settings(base, best.thresholds))
        folds.append(Fold(tuned_on, reported_on, best, reported))
    grouping = score_grouping(documents, items, translate=translate)
    changes = score_number_changes(items, english)
    return TranslationBenchResult(tuple(folds), defaults, round(seconds, 3), grouping, changes)


def other_event(item: TranslatedArticle, english: Mapping[str, Article]) -> list[Article]:
    """English articles of the other event of the item's topic (at most two, stable order)."""
    other = "ecb" if item.source.endswith("ecbplus") else "ecbplus"
    names = [
        name for name in english
        if name.startswith(f"{item.topic}_") and name.removeprefix(f"{item.topic}_")
        .removesuffix(other).isdigit() and name.endswith(other)
    ]  # fmt: skip
    names.sort(key=lambda name: int(name.split("_")[1].removesuffix(other)))
    return [english[name] for name in names[:2]]


def _score_lines(title: str, score: TranslationScore) -> list[str]:
    anchor, seed, extend = score.thresholds
    lines = [f"{title} (anchor {anchor}, seed {seed}, extend {extend}):"]
    for row in score.languages:
        s = row.score
        lines.append(
            f"  {row.language:<4} {row.pairs:>3} pair(s)  precision {s.precision:.3f}  "
            f"recall {s.recall:.3f}  granularity {s.granularity:.3f}  plagdet {s.plagdet:.3f}"
        )
    lines.append(
        f"  negatives: {score.negative_pairs_with_passages} of {score.negative_pairs} "
        f"same-topic pairs of another event got a passage ({score.negative_characters} characters)"
    )
    lines.append(
        f"  direction from the text alone (no dates, no credits): {score.direction_right} right "
        f"of {score.direction_decided} decided, {score.direction_pairs} pairs"
    )
    return lines


def format_translation_result(result: TranslationBenchResult) -> str:
    """The figures as text, one line each."""
    lines: list[str] = []
    for fold in result.folds:
        lines.extend(
            _score_lines(f"tuned on {fold.tuned_on}, reported on {fold.reported_on}",
                         fold.reported)
        )  # fmt: skip
    lines.extend(_score_lines("defaults on all topics (tuned on them: optimistic)",
                              result.defaults))  # fmt: skip
    lines.append(f"{result.seconds_per_pair:.2f} s per translated article (both alignments)")
    g = result.grouping
    lines.append(
        f"story grouping with the articles of its topic: {g.placed_by_grouping} of "
        f"{g.translations} translations in their event's story ({g.wrong_by_grouping} wrong "
        f"companions); after joining translations: {g.placed_after_join} of {g.translations} "
        f"({g.wrong_after_join} wrong companions)"
    )
    before, after = g.with_source_in_corpus
    lines.append(
        f"story grouping of all ECB+ and the translations at once: {before} of {g.translations} "
        f"translations in their source's story; after joining translations: {after}"
    )
    n = result.numbers
    lines.append(
        f"figures changed in translation: {n.found} of {n.injected} injected changes found; "
        f"{n.false_alarms} false alarm(s) on {n.controls} unchanged sentence pairs"
    )
    return "\n".join(lines)
