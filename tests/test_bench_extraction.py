"""The extraction benchmark: its metric replicates evaluate.py, and a quality gate on 30 pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.bench.extraction import (
    load_bodies,
    run_extraction_benchmark,
    score_page,
    score_predictions,
)
from storytrace.errors import ConfigurationError, InputError

BENCHMARK = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-benchmark"

GATE_PAGES = 30
"""The quality gate runs on the first pages in id order: a fixed subset, a few seconds."""

GATE_FLOORS = {"extract": 0.970, "storytrace": 0.950}
"""Pinned F1 floors on the gate pages (measured: extract 0.978, storytrace 0.962)."""


@pytest.fixture
def benchmark() -> Path:
    if not (BENCHMARK / "ground-truth.json").is_file():
        pytest.skip(f"the article extraction benchmark is not at {BENCHMARK}")
    return BENCHMARK


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("a b c d e", "a b c d e", (1.0, 0.0, 0.0)),
        ("a b c d e", "", (0.0, 0.0, 1.0)),
        ("a b c d e f", "a b c d", (1 / 3, 0.0, 2 / 3)),
        ("a b c d", "x a b c d", (0.5, 0.5, 0.0)),
        ("a b", "a b", (1.0, 0.0, 0.0)),
        ("", "", (0.0, 0.0, 0.0)),
        ("a, b; c! d?", "A b c d", (0.0, 0.5, 0.5)),
    ],
)
def test_bench_extraction_scores_shingles_like_evaluate_py(
    gold: str, predicted: str, expected: tuple[float, float, float]
) -> None:
    score = score_page(gold, predicted)
    assert (score.true_positive, score.false_positive, score.false_negative) == pytest.approx(
        expected
    )


def test_bench_extraction_averages_precision_only_over_pages_with_a_prediction() -> None:
    scores = score_predictions(
        {"1": "a b c d e", "2": "a b c d e f g h"}, {"1": "a b c d e", "2": ""}
    )
    assert scores.precision == 1.0
    assert scores.recall == 0.5
    assert scores.f1 == pytest.approx(2 / 3)
    assert scores.accuracy == 0.5
    assert [s.exact for s in scores.pages] == [True, False]


def test_bench_extraction_refuses_predictions_for_other_pages() -> None:
    with pytest.raises(ValueError, match="missing"):
        score_predictions({"1": "a", "2": "b"}, {"1": "a", "3": "b"})


def test_bench_extraction_reads_plain_and_wrapped_output_files(tmp_path: Path) -> None:
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps({"1": {"articleBody": "text", "url": "u"}, "2": {}}))
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"version": "2.0", "output": {"1": {"articleBody": None}}}))
    assert load_bodies(plain) == {"1": "text", "2": ""}
    assert load_bodies(wrapped) == {"1": ""}


def test_bench_extraction_says_what_is_wrong_with_a_bad_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"1": {"articleBody": "cut sho')
    with pytest.raises(InputError, match="cannot read benchmark file"):
        load_bodies(broken)


@pytest.mark.parametrize(
    ("options", "message"),
    [({"mode": "fast"}, "expected one of storytrace, extract"), ({"limit": 0}, "limit=0")],
)
def test_bench_extraction_refuses_bad_options(
    tmp_path: Path, options: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigurationError, match=message):
        run_extraction_benchmark(tmp_path, **options)  # type: ignore[arg-type]


def test_bench_extraction_explains_a_folder_that_is_not_the_benchmark(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"ground-truth\.json"):
        run_extraction_benchmark(tmp_path)


@pytest.mark.parametrize(
    ("name", "f1"),
    [
        ("AutoExtract", 0.970),
        ("rs_trafilatura", 0.970),
        ("trafilatura", 0.958),
        ("news_please", 0.948),
        ("readability_js", 0.947),
        ("justext", 0.804),
    ],
)
def test_bench_extraction_reproduces_the_published_figures(
    benchmark: Path, name: str, f1: float
) -> None:
    gold = load_bodies(benchmark / "ground-truth.json")
    output = benchmark / "output" / f"{name}.json"
    if not output.is_file():
        pytest.skip(f"no published output {output}")
    assert round(score_predictions(gold, load_bodies(output)).f1, 3) == f1


def test_bench_extraction_reproduces_autoextract_precision_recall_accuracy(
    benchmark: Path,
) -> None:
    gold = load_bodies(benchmark / "ground-truth.json")
    scores = score_predictions(gold, load_bodies(benchmark / "output" / "AutoExtract.json"))
    assert (round(scores.precision, 3), round(scores.recall, 3), round(scores.accuracy, 3)) == (
        0.984,
        0.956,
        0.470,
    )


@pytest.mark.parametrize("mode", ["extract", "storytrace"])
def test_bench_extraction_quality_gate(benchmark: Path, mode: str) -> None:
    result = run_extraction_benchmark(benchmark, mode=mode, limit=GATE_PAGES)  # type: ignore[arg-type]
    assert result.pages == GATE_PAGES
    assert result.rejected == ()
    worst = ", ".join(f"{s.id[:10]} F1={s.f1:.2f}" for s in result.scores[:5])
    assert result.f1 >= GATE_FLOORS[mode], f"{mode} F1 {result.f1:.3f}; worst pages: {worst}"
