"""Sentence vectors are computed once per text and model, and kept in the store."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from storytrace.encoders import analysis_fingerprint, run_encoders
from storytrace.errors import ConfigurationError
from storytrace.settings import Settings
from storytrace.store import Store
from storytrace.stories.settings import StorySettings
from storytrace.vectors import VectorCache, text_key


class _Model:
    """A stand-in encoder that records what it was asked to embed."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls.append(list(texts))
        vectors = np.zeros((len(texts), 3), dtype=np.float32)
        for row, text in enumerate(texts):
            vectors[row, len(text) % 3] = 1.0
        return vectors


def test_each_distinct_text_goes_to_the_model_once() -> None:
    model = _Model()
    cache = VectorCache("toy-1", model)
    first = cache(["quake hits city", "quake hits city", "rescuers arrive"])
    second = cache(["rescuers arrive", "aid pledged"])
    assert model.calls == [["quake hits city", "rescuers arrive"], ["aid pledged"]]
    assert np.array_equal(first[2], second[0])
    assert (cache.computed, cache.reused) == (3, 2)


def test_vectors_come_back_as_float16_rounded_whether_fresh_or_stored(tmp_path: Path) -> None:
    """A run reusing stored vectors must see exactly what the run that computed them saw."""

    def model(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return np.full((len(texts), 2), 0.123456789, dtype=np.float32)

    with Store(tmp_path / "s.db") as store:
        cache = VectorCache("toy-1", model, store=store)
        fresh = cache(["a"])
        assert cache.flush() == 1
    with Store(tmp_path / "s.db") as store:
        again = VectorCache("toy-1", _Model(), store=store)
        stored = again(["a"])
        assert again.computed == 0
    assert np.array_equal(fresh, stored)
    assert fresh.dtype == np.float32
    assert fresh[0, 0] == np.float32(np.float16(0.123456789))


def test_a_store_keeps_vectors_per_model_and_text(tmp_path: Path) -> None:
    model = _Model()
    with Store(tmp_path / "s.db") as store:
        cache = VectorCache("toy-1", model, store=store)
        cache(["one", "two"])
        assert cache.flush() == 2
        assert cache.flush() == 0
        assert store.vector_count("toy-1") == 2
        other_version = VectorCache("toy-2", model, store=store)
        other_version(["one"])
        assert model.calls[-1] == ["one"]
        assert set(store.load_vectors("toy-1", [text_key("one"), text_key("three")])) == {
            text_key("one")
        }


def test_an_empty_request_keeps_the_models_width() -> None:
    cache = VectorCache("toy-1", _Model())
    assert cache([]).shape == (0, 3)


def test_a_model_returning_the_wrong_shape_is_refused() -> None:
    cache = VectorCache("bad-1", lambda texts: np.zeros((1, 3), dtype=np.float32))
    with pytest.raises(ConfigurationError, match="one row per text"):
        cache(["a", "b"])


def test_a_run_has_one_cache_per_model() -> None:
    encoders = run_encoders(Settings())
    assert encoders.grouping is encoders.translations  # grouping uses the multilingual model
    assert encoders.sentences is not None
    assert len(encoders.caches) == 2
    minilm = run_encoders(Settings(stories=StorySettings(embedding_model="minilm")))
    assert minilm.grouping is not None and minilm.sentences is not None
    assert minilm.grouping.model != minilm.sentences.model  # a shorter token limit


def test_settings_that_change_an_analysis_change_its_fingerprint() -> None:
    base = analysis_fingerprint(Settings())
    assert analysis_fingerprint(Settings(timeout=5.0, workers=3)) == base
    assert analysis_fingerprint(Settings(embeddings=False)) != base
    assert analysis_fingerprint(Settings(stories=StorySettings(embedding_model="none"))) != base
