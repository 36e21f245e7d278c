"""spaCy parses computed once per sentence and model, kept between stories and runs.

A :class:`ParseCache` answers :func:`storytrace.claims.nlp.parse_texts` from
its memory, from a :class:`ParseStore` (the SQLite store), or by parsing the
sentences nobody has parsed, in one ``nlp.pipe`` call. A stored parse is the
``Doc`` serialised without its tensor (the claims stage reads tokens, tags,
dependencies, sentences and entities, never the tensor); reading one back
takes a fraction of parsing it. Keys are the sha1 of the text and the model
name with its pinned weights, so a new model parses afresh.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from storytrace.claims.nlp import PINNED_MODEL, PINNED_WEIGHTS, load_pipeline, parse_texts
from storytrace.vectors import text_key

_EXCLUDE = ["tensor", "user_data"]


class ParseStore(Protocol):
    """Where parses outlive a run (:class:`storytrace.store.Store` is one)."""

    def load_parses(self, model: str, keys: Sequence[bytes]) -> Mapping[bytes, bytes]: ...

    def save_parses(self, model: str, parses: Iterable[tuple[bytes, bytes]]) -> None: ...


def parser_name(model: str) -> str:
    """The cache name of a spaCy model: its name, and its weights' digest if pinned."""
    if model == PINNED_MODEL:
        return f"{model}:{PINNED_WEIGHTS['parser/model'][:16]}"
    return model


class ParseCache:
    """``parse_texts`` that parses each distinct sentence once per model and store.

    Parses are not kept in memory between calls (a run's parses would not
    fit); without a store this is ``parse_texts``.
    """

    def __init__(
        self, model: str, *, batch_size: int = 256, store: ParseStore | None = None
    ) -> None:
        self.model = model
        self.name = parser_name(model)
        self._batch_size = batch_size
        self._store = store
        self._unsaved: dict[bytes, bytes] = {}
        self.parsed = 0
        """Sentences this cache sent to spaCy."""
        self.reused = 0
        """Sentences read back from the store."""

    def __call__(self, texts: Iterable[str]) -> dict[str, Any]:
        unique = list(dict.fromkeys(texts))
        docs: dict[str, Any] = {}
        if self._store is not None and unique:
            keys = {text: text_key(text) for text in unique}
            stored = self._store.load_parses(self.name, list(keys.values()))
            if stored:
                from spacy.tokens import Doc

                vocab = load_pipeline(self.model).vocab
                for text in unique:
                    raw = stored.get(keys[text])
                    if raw is not None:
                        docs[text] = Doc(vocab).from_bytes(zlib.decompress(raw))
        missing = [text for text in unique if text not in docs]
        if missing:
            fresh = parse_texts(missing, model=self.model, batch_size=self._batch_size)
            docs.update(fresh)
            if self._store is not None:
                for text, doc in fresh.items():
                    self._unsaved[text_key(text)] = zlib.compress(doc.to_bytes(exclude=_EXCLUDE))
        self.parsed += len(missing)
        self.reused += len(unique) - len(missing)
        return {text: docs[text] for text in unique}

    def flush(self) -> int:
        """Write the parses made since the last flush to the store; how many."""
        count = len(self._unsaved)
        if self._store is not None and self._unsaved:
            self._store.save_parses(self.name, self._unsaved.items())
        self._unsaved.clear()
        return count
