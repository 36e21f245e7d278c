"""Copy or not: quotations, statements and the relation of a pair that shares text."""

from __future__ import annotations

import pytest

from storytrace.models import Article
from storytrace.reuse import align_pair
from storytrace.reuse.quotes import quoted_words
from storytrace.reuse.relation import classify_relation
from storytrace.reuse.segments import prepare_text
from storytrace.reuse.settings import ReuseSettings


def _quoted(text: str) -> list[str]:
    prepared = prepare_text(Article("a", "a", text))
    return [w for w, q in zip(prepared.words, quoted_words(prepared), strict=True) if q]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said: "We will rebuild." Rain fell.', ["we", "will", "rebuild"]),
        ("\u00abNous reconstruirons\u00bb, a-t-il dit.", ["nous", "reconstruirons"]),
        ("\u201eWir bauen auf\u201c, sagte er.", ["wir", "bauen", "auf"]),
        ("She called it 'a disaster waiting to happen' on Monday.",
         ["a", "disaster", "waiting", "to", "happen"]),
        ("Haftar's forces and the workers' union met.", []),
        ('"The first paragraph of a long quote\nSecond line.', ["the", "first", "paragraph",
                                                               "of", "a", "long", "quote"]),
        ("The ministry said in a statement that the plane was lost. It rained.",
         ["the", "ministry", "said", "in", "a", "statement", "that", "the", "plane", "was",
          "lost"]),
        ("\u0642\u0627\u0644 \u0628\u064a\u0627\u0646 \u0627\u0644\u0648\u0632\u0627\u0631\u0629",
         ["\u0642\u0627\u0644", "\u0628\u064a\u0627\u0646",
          "\u0627\u0644\u0648\u0632\u0627\u0631\u0629"]),
        ("No quotation here at all.", []),
        ('Last words of a long quote." He left.', ["last", "words", "of", "a", "long",
                                                   "quote"]),
    ],
)  # fmt: skip
def test_quotes_mark_the_words_of_speakers_and_statements(text: str, expected: list[str]) -> None:
    assert _quoted(text) == expected


LEAD = (
    "A chemical tanker caught fire in the port of Lusk on Friday after a collision with a "
    "container ship in thick fog, and firefighters fought the blaze for most of the morning."
)
DETAIL = (
    "The harbour master closed the northern basin to all traffic and ordered two ferries to "
    "wait outside the breakwater until the smoke had cleared from the channel."
)
QUOTE = (
    '"This is the most serious incident this port has seen in a generation," said the port '
    "director, Tomas Brenner."
)
OWN_A = "Residents of the old town said they heard a loud bang shortly before dawn."
OWN_B = "Police have opened an inquiry, and the coast guard is questioning both crews."
INDEPENDENT = (
    "Fire crews in Lusk spent Friday morning battling flames aboard a tanker that had struck a "
    "freighter in fog at the harbour entrance."
)


def _relation(first: str, second: str, *, credited: bool = False) -> str:
    a, b = Article("a", "a", first), Article("b", "b", second)
    passages = align_pair(a, b)
    return classify_relation(
        prepare_text(a), prepare_text(b), passages, settings=ReuseSettings(), credited=credited
    ).relation


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (f"{LEAD}\n\n{DETAIL}\n\n{QUOTE}", f"{LEAD}\n\n{DETAIL}\n\n{OWN_B}", "copy"),
        (f"{LEAD}\n\n{QUOTE}\n\n{OWN_A}", f"{INDEPENDENT}\n\n{QUOTE}\n\n{OWN_B}",
         "shares_quotes"),
        (f"{LEAD}\n\n{OWN_A}", f"{INDEPENDENT}\n\n{OWN_B}", "independent"),
    ],
)  # fmt: skip
def test_relation_only_the_reporter_s_own_wording_makes_a_copy(
    first: str, second: str, expected: str
) -> None:
    assert _relation(first, second) == expected


_EDITED_LEAD = (
    "A chemical tanker caught fire at the port of Lusk on Friday following a collision "
    "with a container vessel in heavy fog, and fire crews fought the blaze for most of "
    "the morning."
)
_EDITED_DETAIL = DETAIL.replace("closed the northern basin", "shut the north basin").replace(
    "until the smoke had cleared", "until smoke cleared"
)


def test_relation_an_article_that_follows_another_in_other_words_is_a_rewrite() -> None:
    assert _relation(f"{LEAD}\n\n{DETAIL}", f"{_EDITED_LEAD}\n\n{_EDITED_DETAIL}") == "rewrite"


def test_relation_a_little_reworded_text_is_a_rewrite_only_with_a_credit() -> None:
    first = f"{LEAD}\n\n{DETAIL}\n\n{QUOTE}\n\n{OWN_A}"
    second = (
        f"{OWN_B}\n\n{_EDITED_LEAD}\n\n{_EDITED_DETAIL}\n\nA spokesman for the shipping "
        "company declined to "
        "comment on the cause of the accident or on the condition of the crew.\n\nInsurers "
        "expect claims from traders whose cargo was held up in the closed basin for days, "
        "and two shipping lines said they would send their vessels to the port of Estrin "
        "until the harbour master lifts the closure of the northern basin."
    )
    assert _relation(first, second) == "independent"
    assert _relation(first, second, credited=True) == "rewrite"


def test_relation_gives_its_measured_evidence() -> None:
    a = Article("a", "a", f"{LEAD}\n\n{DETAIL}")
    b = Article("b", "b", f"{OWN_A}\n\n{LEAD}\n\n{DETAIL}")
    found = classify_relation(prepare_text(a), prepare_text(b), align_pair(a, b),
                              settings=ReuseSettings())  # fmt: skip
    assert found.relation == "copy"
    assert found.copied_chars >= len(LEAD) + len(DETAIL) - 2
    assert "characters of the same wording outside quotations" in found.evidence[0]
