"""The spaCy model's weights are pinned: a changed file is refused, not silently used."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.claims import nlp
from storytrace.errors import ConfigurationError


def test_claims_model_weights_match_their_pinned_hashes() -> None:
    pipeline = nlp.load_pipeline(nlp.PINNED_MODEL)
    nlp._check_weights(Path(pipeline.path))


def test_claims_model_with_changed_weights_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ner").mkdir()
    (tmp_path / "ner" / "model").write_bytes(b"tampered")
    monkeypatch.setattr(nlp, "PINNED_WEIGHTS", {"ner/model": "0" * 64})
    with pytest.raises(ConfigurationError, match="not the pinned"):
        nlp._check_weights(tmp_path)
