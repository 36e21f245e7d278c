"""Sentence vectors computed once per text and model, kept between stages and runs.

A :class:`VectorCache` wraps an embedding function (``texts -> one row per
text``) and answers each distinct text once: from its memory, from a
:class:`VectorStore` (the SQLite store keeps them between runs), or by
calling the model for the texts nobody has seen, in one batch. Keys are the
sha1 of the text and the model's name and version, so a changed text or a
new model version is computed afresh and nothing stale is reused.

Vectors are kept as float16, the form they are stored in, whether they come
from the model now or from an earlier run: a run that reuses stored vectors
gives the same results as the run that computed them.

A cache is an explicit object, one per run (or per Spark partition); nothing
is global.

>>> import numpy as np
>>> calls = []
>>> def model(texts):
...     calls.append(list(texts))
...     return np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2)
>>> cache = VectorCache("toy-1", model)
>>> cache(["a", "b", "a"]).shape
(3, 2)
>>> cache(["b", "c"]).shape, calls
((2, 2), [['a', 'b'], ['c']])
>>> cache.computed, cache.reused
(3, 2)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from storytrace.errors import ConfigurationError

Embed = Callable[[Sequence[str]], npt.NDArray[np.float32]]
"""Any sentence encoder: one row per text."""


def text_key(text: str) -> bytes:
    """The key a text's vector is kept under: the sha1 of its UTF-8 bytes."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass"), usedforsecurity=False).digest()


class VectorStore(Protocol):
    """Where vectors outlive a run (:class:`storytrace.store.Store` is one)."""

    def load_vectors(self, model: str, keys: Sequence[bytes]) -> Mapping[bytes, bytes]:
        """The stored float16 bytes of the ``keys`` that are stored for ``model``."""
        ...

    def save_vectors(self, model: str, vectors: Iterable[tuple[bytes, bytes]]) -> None:
        """Keep ``(key, float16 bytes)`` pairs for ``model``."""
        ...


class VectorCache:
    """An embedding function that computes each distinct text once per model.

    ``model`` names the encoder and its version (and any setting that changes
    its output, such as a token limit). ``store`` keeps vectors between runs;
    call :meth:`flush` to write the new ones.
    """

    def __init__(self, model: str, embed: Embed, *, store: VectorStore | None = None) -> None:
        if not model:
            raise ConfigurationError("a vector cache needs the model's name and version")
        self.model = model
        self._embed = embed
        self._store = store
        self._memory: dict[bytes, npt.NDArray[np.float16]] = {}
        self._unsaved: dict[bytes, npt.NDArray[np.float16]] = {}
        self._dimensions: int | None = None
        self.computed = 0
        """Texts this cache sent to the model."""
        self.reused = 0
        """Texts answered from memory or the store."""

    def __call__(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        keys = [text_key(text) for text in texts]
        missing = list(dict.fromkeys(key for key in keys if key not in self._memory))
        if missing and self._store is not None:
            for key, raw in self._store.load_vectors(self.model, missing).items():
                self._memory[key] = np.frombuffer(raw, dtype=np.float16)
            missing = [key for key in missing if key not in self._memory]
        if missing:
            first = dict(zip(keys, texts, strict=True))
            fresh = np.asarray(self._embed([first[key] for key in missing]), dtype=np.float32)
            if fresh.ndim != 2 or fresh.shape[0] != len(missing):
                raise ConfigurationError(
                    f"the {self.model} encoder returned shape {fresh.shape} for "
                    f"{len(missing)} texts; it must return one row per text"
                )
            for key, row in zip(missing, fresh.astype(np.float16), strict=True):
                self._memory[key] = row
                self._unsaved[key] = row
            self.computed += len(missing)
        self.reused += len(keys) - len(missing)
        if not keys:
            width = self._dimensions or np.asarray(self._embed([]), dtype=np.float32).shape[1]
            return np.zeros((0, width), dtype=np.float32)
        rows = np.stack([self._memory[key] for key in keys]).astype(np.float32)
        self._dimensions = rows.shape[1]
        return rows

    def flush(self) -> int:
        """Write the vectors computed since the last flush to the store; how many."""
        if self._store is None or not self._unsaved:
            count = 0
        else:
            count = len(self._unsaved)
            self._store.save_vectors(
                self.model, ((key, row.tobytes()) for key, row in self._unsaved.items())
            )
        self._unsaved.clear()
        return count
