"""Incremental against one-shot grouping: the measurement itself."""

from __future__ import annotations

import pytest

from storytrace.bench.incremental import measure_incremental_agreement
from storytrace.errors import ConfigurationError
from storytrace.models import Article

TEXTS = {
    "h": "A magnitude 7.0 earthquake struck Haiti on Tuesday, killing thousands in Port-au-Prince.",
    "c": "A magnitude 8.8 earthquake struck Chile on Saturday, killing hundreds near Concepcion.",
    "p": "Rescuers pulled twelve miners alive from a collapsed gold mine in northern Peru.",
}


def _articles() -> list[Article]:
    return [
        Article(
            id=f"{key}{i}",
            source=key,
            text=f"{text} Report {i}.",
            published=f"2010-0{1 + list(TEXTS).index(key)}-1{i}",
        )
        for key, text in TEXTS.items()
        for i in range(3)
    ]


@pytest.mark.parametrize("by_time", [False, True])
def test_bench_incremental_agrees_on_clear_stories(by_time: bool) -> None:
    agreement = measure_incremental_agreement(_articles(), batches=3, by_time=by_time)
    assert agreement.articles == 9 and agreement.batches == 3
    assert agreement.identical and agreement.articles_differing == 0
    assert agreement.agreement.f1 == pytest.approx(1.0)
    assert agreement.one_shot_seconds > 0


def test_bench_incremental_needs_two_batches() -> None:
    with pytest.raises(ConfigurationError, match="at least 2 batches"):
        measure_incremental_agreement(_articles(), batches=1)
