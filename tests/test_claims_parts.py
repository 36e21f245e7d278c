"""Specifications of the claims stage's parts: units, attribution, countries, figures, times."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.claims.attribution import attribute_sentence, hedges_in, quote_state
from storytrace.claims.countries import find_country
from storytrace.claims.entities import acronym_pairs, person_key
from storytrace.claims.lexicon import find_terms, read_lexicon
from storytrace.claims.nlp import parse_texts
from storytrace.claims.opinion import article_opinion, loaded_phrases
from storytrace.claims.quantities import find_quantities
from storytrace.claims.records import ClaimSettings
from storytrace.claims.times import find_times
from storytrace.claims.units import split_sentences, units_of
from storytrace.models import Article, Removed

ATTRIBUTIONS = [
    (
        '"It is over," said Tomas Brenner, the port\'s director.',
        "Tomas Brenner, the port's director",
        "said",
    ),
    (
        "Two ships collided, the Valdenian Coast Guard (VCG) said.",
        "the Valdenian Coast Guard (VCG)",
        "said",
    ),
    ("At least 23 were hurt, according to the coast guard.", "the coast guard", "according to"),
    (
        "Recordings obtained by Middle East Eye reveal that jets flew.",
        "Recordings obtained by Middle East Eye",
        "reveal",
    ),
    ("Lawmakers rejected the deal, one of them said.", "one of them", "said"),
    (
        "Haftar forces were backed by French jets, Middle East Eye reported",
        "Middle East Eye",
        "reported",
    ),
    ("Toaldo sums up the problem: \u201cIt will have to explain.\u201d", "Toaldo", "sums up"),
]


@pytest.mark.parametrize(("sentence", "source", "cue"), ATTRIBUTIONS)
def test_claims_attribution_finds_source_and_cue(sentence: str, source: str, cue: str) -> None:
    chain = attribute_sentence(parse_texts([sentence])[sentence])
    speaker = next(link for link in chain if link.role == "speaker")
    assert (speaker.source, speaker.cue) == (source, cue)
    assert sentence[speaker.start : speaker.end] == speaker.source


def test_claims_attribution_names_the_speaker_the_parser_misses() -> None:
    sentence = "Dallas Cowboys quarterback Tony Romo said he did not anticipate any problem."
    chain = attribute_sentence(parse_texts([sentence])[sentence])
    speaker = next(link for link in chain if link.role == "speaker")
    assert "Tony Romo" in speaker.source and speaker.cue == "said"


def test_claims_attribution_keeps_the_recipient_in_the_chain() -> None:
    sentence = "Mattia Toaldo, a fellow at the council, told Middle East Eye that support grew."
    chain = attribute_sentence(parse_texts([sentence])[sentence])
    assert [(link.source, link.role) for link in chain] == [
        ("Middle East Eye", "recipient"),
        ("Mattia Toaldo, a fellow at the council", "speaker"),
    ]


def test_claims_attribution_no_cue_no_source() -> None:
    sentence = "The arms embargo imposed by the UN has reported shipments to factions."
    assert attribute_sentence(parse_texts([sentence])[sentence]) == ()


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ("The ship reportedly lost steering.", ("reportedly",)),
        ("The tapes appear to confirm it.", ("appear to",)),
        ("It is widely known and documented that he left.", ("It is widely known and documented",)),
        ("He allegedly paid.", ("allegedly",)),
        ("The fire is out.", ()),
    ],
)
def test_claims_attribution_hedges(text: str, hedges: tuple[str, ...]) -> None:
    assert hedges_in(text) == hedges


def test_claims_attribution_quotation_state_spans_sentences() -> None:
    assert quote_state('"We will rebuild.', False) == (True, True)
    assert quote_state('It will take years," she said.', True) == (True, False)
    assert quote_state("No quotes here.", False) == (False, False)


@pytest.mark.parametrize(
    ("name", "label", "country"),
    [
        ("US", "GPE", "United States"),
        ("U.S.", None, "United States"),
        ("United States", None, "United States"),
        ("American", "NORP", "United States"),
        ("Americans", None, "United States"),
        ("British", "NORP", "United Kingdom"),
        ("the United Kingdom", None, "United Kingdom"),
        ("Italian", None, "Italy"),
        ("Libya's", None, "Libya"),
    ],
)
def test_claims_countries_names_codes_and_nationalities(
    name: str, label: str | None, country: str
) -> None:
    found = find_country(name, label=label)
    assert found is not None and found.name == country


@pytest.mark.parametrize(("name", "label"), [("us", "GPE"), ("IT", None), ("Benghazi", "GPE")])
def test_claims_countries_refuse_non_countries(name: str, label: str | None) -> None:
    assert find_country(name, label=label) is None


def test_claims_entities_person_keys_drop_titles() -> None:
    assert person_key("General Haftar") == ("haftar",)
    assert person_key("Dr. Lena Hartl") == ("lena", "hartl")


def test_claims_entities_acronyms_from_parentheses() -> None:
    pairs = acronym_pairs(["He rejects the UN-backed Government of National Accord (GNA) and IS."])
    assert pairs == {"GNA": "Government of National Accord"}


@pytest.mark.parametrize(
    ("text", "key", "low", "high"),
    [
        ("At least 23 people were taken to hospital", "people/injured", 23.0, 26.45),
        ("23 hurt, two missing", "people/injured", 23.0, 23.0),
        ("No injuries reported", "people/injured", 0.0, 0.0),
        ("Twenty-three people were taken to hospital.", "people/injured", 23.0, 23.0),
        ("an estimated 380 tonnes of styrene", "tonne", 361.0, 399.0),
        ("dozens of people were killed", "people/dead", 24.0, 99.0),
        ("which total just under an hour in length", "hour", 0.85, 1.0),
    ],
)
def test_claims_quantities_intervals(text: str, key: str, low: float, high: float) -> None:
    [quantity] = [q for q in find_quantities(text) if q.key == key]
    assert (quantity.low, quantity.high) == pytest.approx((low, high))


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("23 people were hurt", "32 people were hurt", False),
        ("366 people died", "dozens of people died", False),
        ("just under an hour", "an hour", True),
        ("about 4,200 residents", "some 4,200 residents", True),
        ("More than 4,000 residents", "about 4,200 residents", True),
    ],
)
def test_claims_quantities_agreement(first: str, second: str, agree: bool) -> None:
    [a], [b] = find_quantities(first), find_quantities(second)
    assert a.agrees_with(b) is agree and b.agrees_with(a) is agree


def test_claims_quantities_revision_roles() -> None:
    text = "revised its estimate to about 410 tonnes, up from 380 tonnes on Friday."
    assert [(q.text, q.role) for q in find_quantities(text)] == [
        ("about 410", "current"),
        ("380", "previous"),
    ]


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("about 2:40 a.m. local time", "around 3:40 a.m. local time", False),
        ("2:40 a.m.", "2:42 a.m.", True),
        ("0140 GMT", "2:40 a.m. local time", True),
        ("on Friday", "on Saturday", False),
        ("March 13", "13 March 2026", True),
        ("October 19, 2015", "October 20, 2015", False),
    ],
)
def test_claims_times_agreement(first: str, second: str, agree: bool) -> None:
    [a], [b] = find_times(first), find_times(second)
    assert a.agrees_with(b) is agree


@given(
    st.text(alphabet=st.sampled_from(list("0123456789 ,.:-aAmpMtoleasbuMarchFriday")), max_size=60)
)
def test_claims_slots_spans_point_inside_the_text(text: str) -> None:
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.low <= quantity.high
    for time in find_times(text):
        assert text[time.start : time.end] == time.text


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_claims_quantities_agreement_is_symmetric(first: int, second: int) -> None:
    [a] = find_quantities(f"about {first} tonnes")
    [b] = find_quantities(f"{second} tonnes")
    assert a.agrees_with(b) == b.agrees_with(a)


def test_claims_units_split_sentences_and_clauses() -> None:
    article = Article(
        id="a",
        source="a.txt",
        title="Port fire",
        text=(
            "At least 32 people were injured and two sailors are missing. Calm returned.\nNew line."
        ),
    )
    sentences = [s.text for s in split_sentences(article.text)]
    docs = parse_texts([*sentences, "Port fire"])
    units = [u.text for u, _ in units_of(article, docs, min_clause_tokens=4)]
    assert units == [
        "Port fire",
        "At least 32 people were injured",
        "two sailors are missing.",
        "Calm returned.",
        "New line.",
    ]


def test_claims_units_skip_removed_furniture() -> None:
    caption = "A boy holds a portrait. AFP PHOTO"
    article = Article(
        id="a",
        source="a.txt",
        text=f"{caption}\nThe base was hit.",
        removed=(Removed("caption", caption),),
    )
    docs = parse_texts([s.text for s in split_sentences(article.text)])
    assert [u.text for u, _ in units_of(article, docs, min_clause_tokens=4)] == [
        "The base was hit."
    ]


@pytest.mark.parametrize("name", ["hedges", "loaded", "aliases"])
def test_claims_lexicon_files_load(name: str) -> None:
    assert read_lexicon(name)


def test_claims_lexicon_unknown_name_fails_loudly() -> None:
    from storytrace.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="valid lexicons"):
        find_terms("slang", "text")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An absurd plan.", ["absurd"]),
        ("A brutal crackdown followed.", ["brutal"]),
        ("It was clearly a brilliant idea.", ["clearly", "brilliant"]),
        ("The so-called reform passed.", ["so-called"]),
    ],
)
def test_claims_opinion_general_evaluative_words_are_loaded(text: str, expected: list[str]) -> None:
    assert [h.text for h in loaded_phrases(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        'The union called the plan "absurd".',
        "\u201cIt was a brutal night,\u201d she said.",
    ],
)
def test_claims_opinion_quoted_words_are_not_loaded(text: str) -> None:
    assert loaded_phrases(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The ship docked at 3 p.m. on Friday, the port authority said.",
        "Police said 23 people were taken to hospital after the collision on Thursday night.",
        "The central bank raised its main rate by a quarter point to 4.5 percent.",
    ],
)
def test_claims_opinion_neutral_wire_sentences_have_no_loaded_words(text: str) -> None:
    assert loaded_phrases(text) == []


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Opinion: The port needs a new plan", None),
        ("Editorial: The port needs a new plan", None),
        ("The port needs a new plan", "https://news.example/opinion/2026/port-plan"),
    ],
)
def test_claims_opinion_declared_label_makes_an_opinion_piece(title: str, url: str | None) -> None:
    article = Article(
        id="a", source="a.html", title=title, url=url, text="The port opened in 1990."
    )
    opinion = article_opinion(article, ClaimSettings())
    assert opinion.is_opinion and opinion.reasons
    assert opinion.loaded == ()


def test_claims_opinion_unlabelled_neutral_report_is_not_an_opinion_piece() -> None:
    text = "The ship docked at 3 p.m. on Friday, the port authority said. " * 5
    opinion = article_opinion(Article(id="a", source="a.txt", text=text), ClaimSettings())
    assert not opinion.is_opinion and opinion.loaded == ()


def test_claims_opinion_other_languages_get_no_loaded_wording() -> None:
    text = "Un plan absurd et brutal, clearly."
    article = Article(id="a", source="a.txt", text=text, language="fr")
    assert article_opinion(article, ClaimSettings()).loaded == ()
    english = Article(id="b", source="b.txt", text=text, language="en")
    assert len(article_opinion(english, ClaimSettings()).loaded) == 3


def test_claims_opinion_first_person_inside_a_long_quotation_is_the_speaker_s() -> None:
    quote = "\u201cWe ran. I left the ovens on. I did not even think about it.\u201d"
    text = f"{quote} She was among 4,200 people moved out. It was a brutal, absurd night."
    opinion = article_opinion(Article(id="a", source="a.txt", text=text), ClaimSettings())
    assert not any(r.startswith("first-person") for r in opinion.reasons)


@given(st.text(alphabet=st.sampled_from(list('Ab c.\n?!"Ms')), max_size=80))
def test_claims_units_sentence_spans_point_inside_the_text(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert "\n" not in sentence.text
