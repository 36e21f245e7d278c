"""Loaded wording on BABE and CheckThat! 2025: pinned floors on the report split.

The data stay in the shared folder (AGPL-3.0, CC BY-NC-SA 4.0); without it the tests skip.
Floors sit a little below the figures measured when the lexicon was chosen (report split:
bias macro-F1 0.588, opinion 0.600, biased-word F1 0.202, CheckThat! 0.600 and 0.576).
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from storytrace.bench.loaded import LoadedBenchmarkResult, macro_f1, run_loaded_benchmark
from storytrace.cli import main
from tests.conftest import SHARED

DATA = SHARED / "data"


@pytest.fixture(scope="module")
def result() -> LoadedBenchmarkResult:
    if not (DATA / "babe").is_dir() or not (DATA / "checkthat2025-subjectivity").is_dir():
        pytest.skip(f"BABE and CheckThat! 2025 are not under {DATA}")
    return run_loaded_benchmark(DATA / "babe", DATA / "checkthat2025-subjectivity")


def test_bench_loaded_split_is_declared_and_complete(result: LoadedBenchmarkResult) -> None:
    assert (result.tune_sentences, result.report_sentences) == (1837, 1836)
    assert result.checkthat_tune_sentences == 830 + 462
    assert (result.checkthat_dev_test_sentences, result.checkthat_test_sentences) == (484, 300)
    assert [m.method for m in result.report] == [m.method for m in result.tune]


def test_bench_loaded_report_split_floors(result: LoadedBenchmarkResult) -> None:
    ours = result.report[0]
    assert ours.method == "storytrace loaded wording"
    assert ours.words_biased is not None and ours.words_biased.f1 >= 0.18
    assert ours.bias_f1 >= 0.56
    assert ours.opinion_f1 >= 0.57
    assert ours.checkthat_dev_test_f1 >= 0.57
    assert ours.checkthat_test_f1 >= 0.55


def test_bench_loaded_beats_the_plain_lexicon_and_the_majority_class(
    result: LoadedBenchmarkResult,
) -> None:
    ours, plain, majority = result.report
    assert ours.words_biased is not None and plain.words_biased is not None
    assert ours.words_biased.f1 > plain.words_biased.f1
    assert ours.bias_f1 > plain.bias_f1 > majority.bias_f1
    assert ours.opinion_f1 > plain.opinion_f1 > majority.opinion_f1
    assert ours.checkthat_test_f1 > majority.checkthat_test_f1


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        (["A", "B"], ["A", "B"], 1.0),
        (["A", "A", "B", "B"], ["A", "A", "A", "A"], (2 / 3 + 0.0) / 2),
        (["A", "B"], ["B", "A"], 0.0),
    ],
)
def test_bench_loaded_macro_f1(gold: list[str], predicted: list[str], expected: float) -> None:
    assert macro_f1(gold, predicted) == pytest.approx(expected)


def test_bench_loaded_cli_prints_both_splits_and_the_baselines(
    result: LoadedBenchmarkResult,
) -> None:
    outcome = CliRunner().invoke(main, ["bench", "loaded", "--shared", str(SHARED)])
    assert outcome.exit_code == 0, outcome.output
    for needle in ("tune ", "report ", "plain lexicon", "majority class", "in-sample"):
        assert needle in outcome.output
