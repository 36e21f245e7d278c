"""How a news article credits another outlet, in the many ways real articles do.

Written for the benchmark from how news is credited in practice, and kept
apart from anything the detector reads, so that recognising a credit is
measured rather than given. A credit is worked into a sentence ("..., the
Herald reported."), opens the lead ("As first reported by ..."), heads the
first paragraph as a dateline ("(AFP) - ..."), stands as a sentence of its
own in the body ("The Post broke the story on Tuesday.") or as a line at the
top or the end ("h/t ...", "This article originally appeared on ...").

>>> import random
>>> form = CREDIT_FORMS[1]
>>> form.position, lead_credit("Police said two people died.", "the Herald", form, random.Random(1))
('lead', 'As first reported by the Herald, police said two people died.')
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

CreditPosition = Literal["lead", "clause", "sentence", "line"]
"""``lead`` opens the first body sentence, ``clause`` ends a body sentence, ``sentence``
is a sentence of its own among the body paragraphs, ``line`` a line of its own at the
top or the end."""


@dataclass(frozen=True, slots=True)
class CreditForm:
    """One way of crediting an outlet; ``{x}`` is the outlet, ``{s}`` the sentence it joins."""

    position: CreditPosition
    template: str


CREDIT_FORMS: tuple[CreditForm, ...] = (
    CreditForm("lead", "According to a report in {x}, {s}"),
    CreditForm("lead", "As first reported by {x}, {s}"),
    CreditForm("lead", "{x} reported on {day} that {s}"),
    CreditForm("lead", "In a report published on {day}, {x} said {s}"),
    CreditForm("lead", "Local media, citing {x}, reported that {s}"),
    CreditForm("lead", "A report by {x} said {s}"),
    CreditForm("lead", "{x}, which first reported the news, said {s}"),
    CreditForm("lead", "({x}) - {S}"),
    CreditForm("lead", "{x} - {S}"),
    CreditForm("lead", "{x}'s report said {s}"),
    CreditForm("clause", "{t}, {x} reported."),
    CreditForm("clause", "{t}, according to {x}."),
    CreditForm("clause", "{t}, {x} said in a report published on {day}."),
    CreditForm("clause", "{t}, as first reported by {x}."),
    CreditForm("clause", "{t}, {x} reported, citing people familiar with the matter."),
    CreditForm("clause", "{t}, according to a report in {x}."),
    CreditForm("clause", "{t}, {x} revealed on {day}."),
    CreditForm("clause", "{t} (via {x})."),
    CreditForm("sentence", "{x} broke the story on {day}."),
    CreditForm("sentence", "The news was first reported by {x}."),
    CreditForm("sentence", "{x} was the first to report the news."),
    CreditForm("sentence", "The story was first reported by {x} earlier on {day}."),
    CreditForm("sentence", "Details were first published by {x}."),
    CreditForm("sentence", "{x} first reported the news earlier on {day}."),
    CreditForm("line", "Source: {x}"),
    CreditForm("line", "Via {x}"),
    CreditForm("line", "h/t {x}"),
    CreditForm("line", "This article originally appeared on {x}."),
    CreditForm(
        "line", "This article was first published by {x} and is republished here with permission."
    ),
    CreditForm("line", "Originally published by {x}."),
    CreditForm("line", "With reporting by {x}."),
    CreditForm("line", "{x} contributed to this report."),
    CreditForm("line", "Additional reporting by {x}."),
    CreditForm("line", "Read the original story at {x}."),
    CreditForm("line", "Copyright {year} {x}. All rights reserved."),
    CreditForm("line", "Material from {x} was used in this report."),
    CreditForm("line", "Story first published on {x}."),
)

CONTRIBUTION_FORMS: tuple[CreditForm, ...] = tuple(
    form
    for form in CREDIT_FORMS
    if form.template.startswith(("With reporting", "Additional reporting", "Material from"))
    or "contributed" in form.template
)
"""Lines that credit an agency for part of a report (an origin may carry one)."""

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _fill(template: str, name: str, rng: random.Random, year: int, **parts: str) -> str:
    text = template.format(x=name, day=rng.choice(_DAYS), year=year, **parts)
    # An outlet's name opening a sentence is capitalised ("The Times"); "h/t" is not.
    return text[:1].upper() + text[1:] if template.startswith("{") else text


def _lowered(sentence: str) -> str:
    """The sentence as the rest of a longer one: first letter lowered unless a name or acronym."""
    first = sentence.split(" ", 1)[0]
    if first.lower() in _SENTENCE_OPENERS and not first[1:2].isupper():
        return sentence[:1].lower() + sentence[1:]
    return sentence


_SENTENCE_OPENERS = frozenset(
    "the a an police officials authorities it he she they this that there on in at after "
    "before when while some many more two three four five several according".split()
)


def lead_credit(
    sentence: str, name: str, form: CreditForm, rng: random.Random, year: int = 2016
) -> str:
    """``sentence`` opened, or headed, by a credit of ``name``."""
    body = sentence.strip()
    return _fill(form.template, name, rng, year, s=_lowered(body), S=body)


def clause_credit(
    sentence: str, name: str, form: CreditForm, rng: random.Random, year: int = 2016
) -> str:
    """``sentence`` closed by a clause crediting ``name``."""
    stem = sentence.strip()
    if stem[-1:] in ".!?":
        stem = stem[:-1]
    return _fill(form.template, name, rng, year, t=stem)


def standalone_credit(name: str, form: CreditForm, rng: random.Random, year: int = 2016) -> str:
    """A credit of ``name`` that stands alone: a sentence or a line."""
    return _fill(form.template, name, rng, year)


def apply_credit(
    sentence: str, name: str, form: CreditForm, rng: random.Random, year: int = 2016
) -> str:
    """The credit in ``form``: joined to ``sentence`` (lead, clause) or standing alone."""
    if form.position == "lead":
        return lead_credit(sentence, name, form, rng, year)
    if form.position == "clause":
        return clause_credit(sentence, name, form, rng, year)
    return standalone_credit(name, form, rng, year)
