"""Which language an article is written in, identified with py3langid's bundled model.

>>> identify_language("Le gouvernement a annoncé mardi de nouvelles mesures.")
'fr'
"""

from __future__ import annotations

from functools import cache
from typing import Any

MIN_LETTERS = 20
"""Below this many letters a guess is noise, so none is made."""


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> str | None:
    """An ISO 639-1 code for ``text``, or ``None`` when there is too little text to tell."""
    sample = text[:3000]
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None
    code, _probability = _identifier().classify(sample)
    return str(code)
