"""Loaded wording measured on text no one here wrote: BABE and CheckThat! 2025.

Three tasks, each beside plain baselines in the same run:

* **Biased words** (BABE, Spinde et al. 2021): the words :func:`loaded_phrases`
  marks against the annotators' ``biased_words``, precision, recall and F1 over
  word types per sentence (the MBIC/BABE word-level metric), on Biased sentences
  and on all sentences.
* **Sentence bias and opinion** (BABE): a sentence is predicted Biased (or
  opinionated) when it has at least ``min_hits`` loaded words, ``min_hits`` tuned
  on the tune split; macro-F1 against ``label_bias`` and against ``label_opinion``
  grouped as opinionated ("Expresses writer's opinion" and "Somewhat factual but
  also opinionated") vs "Entirely factual" (rows without agreement left out).
* **Subjectivity** (CheckThat! 2025 task 1, English): SUBJ when a sentence has at
  least ``min_hits`` loaded words, tuned on ``train_en`` + ``dev_en``; the official
  macro-F1 on ``dev_test_en`` and ``test_en_labeled``.

The declared BABE split: the sentences are shuffled with :data:`SPLIT_SEED`; even
positions are the tune split (where the lexicon thresholds and ``min_hits`` were
chosen: in-sample), odd positions the report split. The data stay in the shared
folder (AGPL-3.0 and CC BY-NC-SA 4.0): nothing is copied into the project.

>>> data = Path("../shared/data")
>>> checkthat = data / "checkthat2025-subjectivity"
>>> result = run_loaded_benchmark(data / "babe", checkthat)  # doctest: +SKIP
>>> round(result.report[0].bias_f1, 2)  # doctest: +SKIP
0.6
"""

from __future__ import annotations

import ast
import csv
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storytrace.claims.lexicon import TermHit, subjectivity_lexicon
from storytrace.claims.opinion import loaded_phrases
from storytrace.errors import ConfigurationError

SPLIT_SEED = 20250
"""Seed of the shuffle that splits BABE into tune (even positions) and report (odd)."""

MIN_HITS_CHOICES = (1, 2, 3)
"""Sentence thresholds (loaded words per sentence) tried on the tune data."""

_BABE_FILE = "final_labels_SG2.csv"
_CHECKTHAT_FOLDER = Path("data") / "english"
_OPINIONATED = frozenset(
    {"Expresses writer\u2019s opinion", "Somewhat factual but also opinionated"}
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")

Finder = Callable[[str], Sequence[TermHit]]


@dataclass(frozen=True, slots=True)
class WordScores:
    """Biased-word detection: counts of word types per sentence and the derived scores."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class MethodScores:
    """One method's figures on one split; ``min_hits`` are the thresholds it was run with."""

    method: str
    words_biased: WordScores | None
    words_all: WordScores | None
    bias_f1: float
    bias_min_hits: int
    opinion_f1: float
    opinion_min_hits: int
    checkthat_dev_test_f1: float
    checkthat_test_f1: float
    checkthat_min_hits: int


@dataclass(frozen=True, slots=True)
class LoadedBenchmarkResult:
    """Figures of every method on BABE's tune split (in-sample) and report split."""

    tune_sentences: int
    report_sentences: int
    checkthat_tune_sentences: int
    checkthat_dev_test_sentences: int
    checkthat_test_sentences: int
    tune: tuple[MethodScores, ...]
    report: tuple[MethodScores, ...]


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    label: str
    opinion: str | None
    biased_words: frozenset[str]


def _words(text: str) -> set[str]:
    return {match.group().casefold() for match in _WORD.finditer(text)}


def read_babe(babe_dir: Path) -> list[_Sentence]:
    """BABE's expert-labelled sentences (``final_labels_SG2.csv``) with a bias label."""
    path = babe_dir / _BABE_FILE
    if not path.is_file():
        raise ConfigurationError(f"{path} not found: give the BABE folder that holds {_BABE_FILE}")
    sentences: list[_Sentence] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if row["label_bias"] not in ("Biased", "Non-biased"):
                continue
            opinion = row["label_opinion"]
            grouped = (
                "opinionated"
                if opinion in _OPINIONATED
                else "factual"
                if opinion == "Entirely factual"
                else None
            )
            marked = ast.literal_eval(row["biased_words"] or "[]")
            words = frozenset(w for phrase in marked for w in _words(str(phrase)))
            sentences.append(_Sentence(row["text"], row["label_bias"], grouped, words))
    return sentences


def read_checkthat(checkthat_dir: Path, name: str) -> list[tuple[str, str]]:
    """(sentence, SUBJ or OBJ) pairs of one English CheckThat! 2025 file."""
    path = checkthat_dir / _CHECKTHAT_FOLDER / name
    if not path.is_file():
        raise ConfigurationError(
            f"{path} not found: give the checkthat2025-subjectivity folder (with data/english/)"
        )
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["sentence"], row["label"]) for row in rows]


def split_babe(sentences: Sequence[_Sentence]) -> tuple[list[_Sentence], list[_Sentence]]:
    """The declared split: shuffled with :data:`SPLIT_SEED`, even positions tune, odd report."""
    order = list(range(len(sentences)))
    random.Random(SPLIT_SEED).shuffle(order)
    tune = [sentences[i] for position, i in enumerate(order) if position % 2 == 0]
    report = [sentences[i] for position, i in enumerate(order) if position % 2 == 1]
    return tune, report


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Mean F1 over the gold labels (as CheckThat!'s scorer and BABE's paper compute it)."""
    scores: list[float] = []
    for label in sorted(set(gold)):
        hits = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        found, wanted = predicted.count(label), gold.count(label)
        total = found + wanted
        scores.append(2 * hits / total if total else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def _word_scores(sentences: Sequence[_Sentence], marked: Sequence[set[str]]) -> WordScores:
    tp = fp = fn = 0
    for sentence, words in zip(sentences, marked, strict=True):
        tp += len(words & sentence.biased_words)
        fp += len(words - sentence.biased_words)
        fn += len(sentence.biased_words - words)
    return WordScores(tp, fp, fn)


def _best_min_hits(counts: Sequence[int], gold: Sequence[str], yes: str, no: str) -> int:
    def score(k: int) -> float:
        return macro_f1(gold, [yes if c >= k else no for c in counts])

    return max(MIN_HITS_CHOICES, key=lambda k: (score(k), -k))


@dataclass(frozen=True, slots=True)
class _Counted:
    counts: list[int]
    marked: list[set[str]]


def _count(finder: Finder, texts: Sequence[str]) -> _Counted:
    counts: list[int] = []
    marked: list[set[str]] = []
    for text in texts:
        hits = finder(text)
        counts.append(len(hits))
        marked.append({w for hit in hits for w in _words(hit.text)})
    return _Counted(counts, marked)


def _babe_scores(
    sentences: Sequence[_Sentence], counted: _Counted, bias_k: int, opinion_k: int
) -> tuple[WordScores, WordScores, float, float]:
    biased = [i for i, s in enumerate(sentences) if s.label == "Biased"]
    words_biased = _word_scores([sentences[i] for i in biased], [counted.marked[i] for i in biased])
    words_all = _word_scores(sentences, counted.marked)
    bias = macro_f1(
        [s.label for s in sentences],
        ["Biased" if c >= bias_k else "Non-biased" for c in counted.counts],
    )
    rated = [i for i, s in enumerate(sentences) if s.opinion is not None]
    opinion = macro_f1(
        [sentences[i].opinion or "" for i in rated],
        ["opinionated" if counted.counts[i] >= opinion_k else "factual" for i in rated],
    )
    return words_biased, words_all, bias, opinion


def measure_finder(
    method: str,
    finder: Finder,
    babe: tuple[Sequence[_Sentence], Sequence[_Sentence]],
    checkthat: tuple[Sequence[tuple[str, str]], ...],
) -> tuple[MethodScores, MethodScores]:
    """One finder's scores on the tune and report splits, thresholds tuned on tune data only.

    ``checkthat`` is (tune, dev_test, test); the tune part is ``train_en`` + ``dev_en``.
    """
    tune, report = babe
    counted_tune = _count(finder, [s.text for s in tune])
    rated = [i for i, s in enumerate(tune) if s.opinion is not None]
    bias_k = _best_min_hits(counted_tune.counts, [s.label for s in tune], "Biased", "Non-biased")
    opinion_k = _best_min_hits(
        [counted_tune.counts[i] for i in rated],
        [tune[i].opinion or "" for i in rated],
        "opinionated",
        "factual",
    )
    ct_tune, ct_dev_test, ct_test = checkthat
    ct_counts = _count(finder, [text for text, _ in ct_tune]).counts
    ct_k = _best_min_hits(ct_counts, [label for _, label in ct_tune], "SUBJ", "OBJ")

    def subjectivity(rows: Sequence[tuple[str, str]]) -> float:
        counts = _count(finder, [text for text, _ in rows]).counts
        return macro_f1(
            [label for _, label in rows], ["SUBJ" if c >= ct_k else "OBJ" for c in counts]
        )

    ct_scores = (subjectivity(ct_tune), subjectivity(ct_dev_test), subjectivity(ct_test))
    results: list[MethodScores] = []
    for sentences, counted, ct_pair in (
        (tune, counted_tune, (ct_scores[0], ct_scores[0])),
        (report, _count(finder, [s.text for s in report]), (ct_scores[1], ct_scores[2])),
    ):
        words_biased, words_all, bias, opinion = _babe_scores(sentences, counted, bias_k, opinion_k)
        results.append(
            MethodScores(
                method=method,
                words_biased=words_biased,
                words_all=words_all,
                bias_f1=bias,
                bias_min_hits=bias_k,
                opinion_f1=opinion,
                opinion_min_hits=opinion_k,
                checkthat_dev_test_f1=ct_pair[0],
                checkthat_test_f1=ct_pair[1],
                checkthat_min_hits=ct_k,
            )
        )
    return results[0], results[1]


def _majority(
    babe: tuple[Sequence[_Sentence], Sequence[_Sentence]],
    checkthat: tuple[Sequence[tuple[str, str]], ...],
) -> tuple[MethodScores, MethodScores]:
    tune, _ = babe
    bias_label = max(("Biased", "Non-biased"), key=[s.label for s in tune].count)
    opinions = [s.opinion for s in tune if s.opinion is not None]
    opinion_label = max(("opinionated", "factual"), key=opinions.count)
    ct_labels = [label for _, label in checkthat[0]]
    ct_label = max(("SUBJ", "OBJ"), key=ct_labels.count)

    def constant(rows: Sequence[str], label: str) -> float:
        return macro_f1(rows, [label] * len(rows))

    def on(sentences: Sequence[_Sentence], ct: Sequence[Sequence[tuple[str, str]]]) -> MethodScores:
        ops = [s.opinion for s in sentences if s.opinion is not None]
        dev_test, test = ([label for _, label in rows] for rows in ct)
        return MethodScores(
            method="majority class",
            words_biased=None,
            words_all=None,
            bias_f1=constant([s.label for s in sentences], bias_label),
            bias_min_hits=0,
            opinion_f1=constant(ops, opinion_label),
            opinion_min_hits=0,
            checkthat_dev_test_f1=constant(dev_test, ct_label),
            checkthat_test_f1=constant(test, ct_label),
            checkthat_min_hits=0,
        )

    return on(babe[0], (checkthat[0], checkthat[0])), on(babe[1], checkthat[1:])


def plain_lexicon_hits(text: str) -> list[TermHit]:
    """The plain baseline: every word of the packaged lexicon with any polarity, no rules.

    >>> [hit.text for hit in plain_lexicon_hits("A new and brutal plan.")]
    ['new', 'brutal']
    """
    lexicon = subjectivity_lexicon()
    return [
        TermHit(m.start(), m.end(), m.group(), "plain")
        for m in _WORD.finditer(text)
        if (score := lexicon.get(m.group().casefold())) is not None and score.polarity != 0
    ]


def run_loaded_benchmark(babe_dir: Path, checkthat_dir: Path) -> LoadedBenchmarkResult:
    """Measure storytrace's loaded wording and the baselines on BABE and CheckThat! 2025."""
    babe = split_babe(read_babe(babe_dir))
    checkthat = (
        read_checkthat(checkthat_dir, "train_en.tsv") + read_checkthat(checkthat_dir, "dev_en.tsv"),
        read_checkthat(checkthat_dir, "dev_test_en.tsv"),
        read_checkthat(checkthat_dir, "test_en_labeled.tsv"),
    )
    measured = [
        measure_finder("storytrace loaded wording", loaded_phrases, babe, checkthat),
        measure_finder("plain lexicon (any polar word)", plain_lexicon_hits, babe, checkthat),
        _majority(babe, checkthat),
    ]
    return LoadedBenchmarkResult(
        tune_sentences=len(babe[0]),
        report_sentences=len(babe[1]),
        checkthat_tune_sentences=len(checkthat[0]),
        checkthat_dev_test_sentences=len(checkthat[1]),
        checkthat_test_sentences=len(checkthat[2]),
        tune=tuple(tune for tune, _ in measured),
        report=tuple(report for _, report in measured),
    )
