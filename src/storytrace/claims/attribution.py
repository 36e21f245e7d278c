"""Who says a claim and how: source, cue, quotation and hedging, read from the parse.

Rules over spaCy's dependency parse, in the tradition of quotation
attribution systems (Pareti 2016; Newell et al. 2018):

* a *cue* is a reporting verb (``said``, ``told``, ``explains``, ``suggest``)
  that governs a clause or a quotation, or that stands in a ``"...", said X``
  parenthetical; its grammatical subject (or its ``by`` agent when passive)
  is the *source*, kept whole with its apposition ("Mattia Toaldo, a senior
  policy fellow at the European Council on Foreign Relations");
* ``according to X`` names X as source with the cue ``according to``;
* a recipient (``told Middle East Eye``, ``explains to the MEE``) is kept as
  a ``recipient`` link, so the chain shows how the words reached the article;
* nested cues (``MEE reported that recordings show ...``) give a chain from the
  outermost to the innermost; the outermost speaker is the claim's source.

>>> ATTRIBUTION_CUES["told"]
'tell'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storytrace.claims.lexicon import find_terms
from storytrace.claims.records import Attribution, AttributionLink

_SAY = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "report": "report reports reported reporting",
    "explain": "explain explains explained explaining",
    "suggest": "suggest suggests suggested",
    "add": "add adds added adding",
    "note": "note notes noted noting",
    "state": "state states stated",
    "announce": "announce announces announced announcing",
    "confirm": "confirm confirms confirmed confirming",
    "claim": "claim claims claimed claiming",
    "warn": "warn warns warned warning",
    "reveal": "reveal reveals revealed revealing",
    "show": "show shows showed shown",
    "write": "write writes wrote written",
    "argue": "argue argues argued arguing",
    "insist": "insist insists insisted insisting",
    "deny": "deny denies denied denying",
    "admit": "admit admits admitted admitting",
    "acknowledge": "acknowledge acknowledges acknowledged",
    "allege": "allege alleges alleged",
    "assert": "assert asserts asserted",
    "declare": "declare declares declared",
    "estimate": "estimate estimates estimated",
    "indicate": "indicate indicates indicated",
    "predict": "predict predicts predicted",
    "testify": "testify testifies testified",
    "urge": "urge urges urged",
    "stress": "stress stresses stressed",
    "emphasise": "emphasise emphasises emphasised emphasize emphasizes emphasized",
    "conclude": "conclude concludes concluded",
    "tweet": "tweet tweets tweeted",
    "post": "post posts posted",
    "inform": "inform informs informed",
    "disclose": "disclose discloses disclosed",
    "describe": "describe describes described",
    "call": "call calls called",
    "believe": "believe believes believed",
    "think": "think thinks thought",
    "accuse": "accuse accuses accused",
    "maintain": "maintain maintains maintained",
    "reply": "reply replies replied",
    "respond": "respond responds responded",
    "recall": "recall recalls recalled",
    "quote": "quote quotes quoted",
    "sum": "sum sums summed",
    "point": "point points pointed",
    "ask": "ask asks asked",
    "cite": "cite cites cited",
    "mention": "mention mentions mentioned",
    "speculate": "speculate speculates speculated",
}
ATTRIBUTION_CUES: dict[str, str] = {
    form: lemma for lemma, forms in _SAY.items() for form in forms.split()
}
"""Reporting-verb forms and their lemma: the cues of attribution."""

_ALWAYS_CUES = frozenset({"say", "tell", "sum"})
_GENERIC_RECIPIENTS = frozenset(
    {"reporters", "journalists", "the media", "the press", "media", "a news conference", "us", "me"}
)
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_PARTICLE_CUES = {"sum": "up", "point": "out"}
_CLAUSAL = frozenset({"ccomp", "parataxis", "xcomp", "dobj"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_OPEN_QUOTES = '"\u201c\u2018\u00ab'
_CLOSE_QUOTES = '"\u201d\u2019\u00bb'
_QUOTED = re.compile(r"[\"\u201c\u00ab]([^\"\u201d\u00bb]{2,})[\"\u201d\u00bb]")
_EDGE = re.compile(
    r"^[\s,;:\"\u201c\u201d\u2018\u2019'()\u2014\u2013-]+|[\s,;:\"\u201c\u201d\u2018\u2019'()\u2014\u2013-]+$"
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of double-quoted passages (the quotation marks included)."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def _span_text(doc: Any, first: int, last: int) -> tuple[str, int, int]:
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    raw = doc.text[start:end]
    stripped = _EDGE.sub("", raw)
    if not stripped:
        return "", start, start
    offset = raw.find(stripped)
    end = start + offset + len(stripped)
    # "the Valdenian Coast Guard (VCG" keeps its closing parenthesis.
    if stripped.count("(") > stripped.count(")") and doc.text[end : end + 1] == ")":
        stripped, end = stripped + ")", end + 1
    return stripped, start + offset, end


def _subtree_range(token: Any) -> tuple[int, int]:
    indices = [t.i for t in token.subtree]
    return min(indices), max(indices)


def _depth(token: Any) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _is_cue(token: Any, has_quote: bool) -> bool:
    lemma = ATTRIBUTION_CUES.get(token.lower_)
    if lemma is None or token.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ in ("amod", "acl", "relcl") and lemma != "say":
        return False
    particle = _PARTICLE_CUES.get(lemma)
    if particle is not None and not any(c.lower_ == particle for c in token.children):
        return False
    if lemma in _ALWAYS_CUES or (lemma == "call" and has_quote):
        return True
    children = {child.dep_ for child in token.children}
    if children & {"ccomp", "parataxis"}:
        return True
    # "..., said X" / "... , the coast guard confirmed": the cue heads the sentence
    # and the reported clause hangs under it.
    return token.dep_ in ("ROOT", "parataxis") and has_quote


def _cue_text(token: Any) -> str:
    lemma = ATTRIBUTION_CUES.get(token.lower_, "")
    particle = _PARTICLE_CUES.get(lemma)
    if particle is not None:
        return f"{token.text} {particle}"
    return str(token.text)


def _links_of_cue(doc: Any, cue: Any) -> list[tuple[int, AttributionLink]]:
    links: list[tuple[int, AttributionLink]] = []
    depth = _depth(cue)
    subjects = [c for c in cue.children if c.dep_ in _SUBJECTS]
    # With two subjects (a misparse of "A did X, B said"), the nearer one speaks.
    subject = min(subjects, key=lambda c: abs(c.i - cue.i)) if subjects else None
    if subject is not None and subject.dep_ == "nsubjpass":
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        objects = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
        subject = objects[0] if objects else None
    for child in cue.children:
        recipient = None
        if child.dep_ in ("dative", "dobj") and ATTRIBUTION_CUES[cue.lower_] in ("tell", "inform"):
            recipient = child
        elif child.dep_ == "prep" and child.lower_ == "to":
            recipient = next((c for c in child.children if c.dep_ == "pobj"), None)
        if recipient is not None:
            text, start, end = _span_text(doc, *_subtree_range(recipient))
            if text and text.casefold() not in _GENERIC_RECIPIENTS:
                links.append(
                    (depth, AttributionLink(text, _cue_text(cue), "recipient", start, end))
                )
    if subject is not None:
        text, start, end = _span_text(doc, *_subtree_range(subject))
        if text:
            links.append((depth, AttributionLink(text, _cue_text(cue), "speaker", start, end)))
    return links


def _according_to(doc: Any) -> list[tuple[int, AttributionLink]]:
    links: list[tuple[int, AttributionLink]] = []
    for token in doc[:-1]:
        if token.lower_ != "according" or doc[token.i + 1].lower_ != "to":
            continue
        objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
        if not objects:
            continue
        text, start, end = _span_text(doc, *_subtree_range(objects[0]))
        if text:
            # The phrase qualifies the whole statement: it is the outermost link.
            links.append((-1, AttributionLink(text, "according to", "speaker", start, end)))
    return links


def _trailing(doc: Any) -> tuple[int, list[tuple[int, AttributionLink]]]:
    """``..., SOURCE said.`` or ``..., said SOURCE, title.`` at a sentence's end, from the surface.

    The small parser often misreads these news-style endings (it took "reveal" in
    "recordings obtained by Middle East Eye reveal." for a noun), so they are
    matched on tokens: after one of the last commas, either a cue followed by a
    source with no verb of its own, or a short source with no finite verb and a
    cue followed by at most a few words ("in a statement").
    Returns the cue's token index (or -1) and the link.
    """
    tokens = [t for t in doc if not t.is_punct or t.text == ","]
    commas = [k for k, t in enumerate(tokens) if t.text == ","]
    for comma in reversed(commas[-3:]):
        tail = tokens[comma + 1 :]
        found = _tail_link(doc, tail)
        if found is not None:
            return found[0], [(-1, found[1])]
    return -1, []


def _tail_link(doc: Any, tail: Sequence[Any]) -> tuple[int, AttributionLink] | None:
    if not tail:
        return None
    if tail[0].lower_ in ATTRIBUTION_CUES:
        # "..., adding four-finger gestures" and "..., cited by AFP" name no speaker.
        if tail[0].tag_ in ("VBG", "VBN") or (len(tail) > 1 and tail[1].lower_ == "by"):
            return None
        cue, source = tail[0], list(tail[1:])
        while source and source[-1].text == ",":
            source.pop()
        if not source or len(source) > 20:
            return None
        if any(t.tag_ in _FINITE_TAGS or t.tag_ == "VBG" for t in source):
            return None
    else:
        position = next(
            (k for k, t in enumerate(tail) if t.lower_ in ATTRIBUTION_CUES and k > 0), None
        )
        if position is None or "," in {t.text for t in tail[:position]}:
            return None
        cue, source, rest = tail[position], list(tail[:position]), tail[position + 1 :]
        if len(source) > 15 or len(rest) > 6 or any(t.tag_ in _FINITE_TAGS for t in source):
            return None
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in source):
        return None
    text, start, end = _span_text(doc, source[0].i, source[-1].i)
    if not text:
        return None
    return cue.i, AttributionLink(text, _cue_text(cue), "speaker", start, end)


def _named_speaker(doc: Any, cue: Any) -> AttributionLink | None:
    """A person or organisation named right before a cue ("... quarterback Tony Romo said")."""
    if cue.i == 0:
        return None
    before = doc[cue.i - 1]
    entity = next(
        (e for e in doc.ents if e.end == before.i + 1 and e.label_ in ("PERSON", "ORG")), None
    )
    if entity is None:
        return None
    first = entity.start
    while (
        first > 0
        and doc[first - 1].pos_ in ("PROPN", "NOUN", "ADJ")
        and doc[first - 1].dep_ != "nsubj"
    ):
        first -= 1
    text, start, end = _span_text(doc, first, entity.end - 1)
    return AttributionLink(text, _cue_text(cue), "speaker", start, end) if text else None


def attribute_sentence(doc: Any) -> tuple[AttributionLink, ...]:
    """The attribution chain of one parsed sentence, outermost link first.

    Offsets of the links are relative to the sentence text.
    """
    has_quote = bool(quoted_spans(doc.text))
    links = _according_to(doc)
    trailing_cue, trailing = _trailing(doc)
    links.extend(trailing)
    for token in doc:
        if token.i == trailing_cue or not _is_cue(token, has_quote):
            continue
        found = _links_of_cue(doc, token)
        if not any(link.role == "speaker" for _, link in found):
            named = _named_speaker(doc, token)
            if named is not None:
                found.append((_depth(token), named))
        links.extend(found)
    # A recipient comes before its speaker: the article heard it from the recipient.
    links.sort(key=lambda item: (item[0], item[1].role != "recipient", item[1].start))
    chain: list[AttributionLink] = []
    for _, link in links:
        if any(link.start < other.end and other.start < link.end for other in chain):
            continue
        chain.append(link)
    return tuple(chain)


def quote_state(text: str, open_before: bool) -> tuple[bool, bool]:
    """Whether a sentence is (partly) quoted, and whether a quotation is still open after it."""
    is_open = open_before
    quoted = open_before
    for char in text:
        if char in "\u201c\u00ab" or (char == '"' and not is_open):
            is_open, quoted = True, True
        elif char in "\u201d\u00bb" or (char == '"' and is_open):
            is_open = False
    return quoted, is_open


def _quoted_words(text: str) -> int:
    return max((len(text[s:e].split()) for s, e in quoted_spans(text)), default=0)


def hedges_in(text: str) -> tuple[str, ...]:
    """The hedging expressions found in ``text``, in order."""
    return tuple(hit.text for hit in find_terms("hedges", text))


def make_attribution(
    chain: Sequence[AttributionLink],
    unit_text: str,
    *,
    inside_quote: bool,
    resolved_source: str | None = None,
) -> Attribution:
    """The attribution of one unit from its sentence's chain and the unit's own text."""
    speaker = next((link for link in chain if link.role == "speaker"), None)
    source = resolved_source or (speaker.source if speaker is not None else None)
    hedges = hedges_in(unit_text)
    quote = inside_quote or _quoted_words(unit_text) >= 3
    return Attribution(
        source=source,
        cue=speaker.cue if speaker is not None else None,
        quote=quote,
        hedged=bool(hedges),
        hedges=hedges,
        chain=tuple(chain),
    )


def is_pronoun(source: str) -> bool:
    """Whether a source is a bare pronoun that needs the previous speaker."""
    return source.casefold() in _PRONOUNS


__all__ = [
    "ATTRIBUTION_CUES",
    "attribute_sentence",
    "hedges_in",
    "is_pronoun",
    "make_attribution",
    "quote_state",
    "quoted_spans",
]
