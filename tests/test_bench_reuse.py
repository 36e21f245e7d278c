"""The reuse benchmark: PAN's measures, and quality floors pinned on part of the corpus."""

from __future__ import annotations

from math import log2
from pathlib import Path

import pytest

from storytrace.bench.pan import Alignment, pan_score
from storytrace.bench.reuse import ReuseBenchResult, format_reuse_result, run_reuse_benchmark

ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus"


def _a(pair: str, source: tuple[int, int], target: tuple[int, int]) -> Alignment:
    return Alignment(pair, source, target)


def test_bench_reuse_pan_perfect_detection_scores_one() -> None:
    cases = [_a("p", (0, 100), (50, 150)), _a("q", (10, 20), (10, 20))]
    score = pan_score(cases, cases)
    assert (score.precision, score.recall, score.granularity, score.plagdet) == (1, 1, 1, 1)


def test_bench_reuse_pan_split_detection_is_penalised_by_granularity() -> None:
    case = _a("p", (0, 100), (0, 100))
    halves = [_a("p", (0, 50), (0, 50)), _a("p", (50, 100), (50, 100))]
    score = pan_score([case], halves)
    assert (score.precision, score.recall, score.granularity) == (1, 1, 2)
    assert score.plagdet == round(1 / log2(3), 4)


def test_bench_reuse_pan_detection_must_overlap_both_sides() -> None:
    case = _a("p", (0, 100), (0, 100))
    wrong_source = _a("p", (500, 600), (0, 100))
    other_pair = _a("q", (0, 100), (0, 100))
    score = pan_score([case], [wrong_source, other_pair])
    assert (score.precision, score.recall, score.plagdet) == (0, 0, 0)


def test_bench_reuse_pan_half_precision() -> None:
    case = _a("p", (0, 100), (0, 100))
    wide = _a("p", (0, 200), (0, 200))
    score = pan_score([case], [wide])
    assert (score.precision, score.recall) == (0.5, 1)


def test_bench_reuse_pan_no_detections() -> None:
    assert pan_score([_a("p", (0, 1), (0, 1))], []).plagdet == 0
    assert pan_score([], []).precision == 1


@pytest.fixture(scope="module")
def result() -> ReuseBenchResult:
    if not (ECBPLUS / "ECB+").is_dir():
        pytest.skip(f"ECB+ is not at {ECBPLUS}")
    return run_reuse_benchmark(ECBPLUS, split="test", max_stories=10, timings=False)


@pytest.mark.parametrize(("group", "floor"), [("verbatim", 0.97), ("edited", 0.97)])
def test_bench_reuse_floor_plagdet(result: ReuseBenchResult, group: str, floor: float) -> None:
    [row] = [g for g in result.groups if g.name == group]
    assert row.score.plagdet >= floor


def test_bench_reuse_floor_rule_rewording(result: ReuseBenchResult) -> None:
    [row] = [o for o in result.operations if o.name == "paraphrase_rules"]
    assert row.score.plagdet >= 0.95


def test_bench_reuse_floor_provenance(result: ReuseBenchResult) -> None:
    provenance = result.provenance
    assert provenance.direction_accuracy >= 0.95
    assert provenance.origin_accuracy >= 0.95
    assert provenance.edge_precision >= 0.85
    assert provenance.lineages.f1 >= 0.9
    assert provenance.own_precision >= 0.85 and provenance.own_recall >= 0.85


def test_bench_reuse_floor_negatives_stay_nearly_clean(result: ReuseBenchResult) -> None:
    for negative in result.negatives:
        assert negative.pairs_with_passages <= max(1, negative.pairs // 5)


def test_bench_reuse_prints_every_figure(result: ReuseBenchResult) -> None:
    text = format_reuse_result(result)
    for needle in ("plagdet", "paragraph_copy", "direction accuracy", "origin accuracy", "B-cubed"):
        assert needle in text
