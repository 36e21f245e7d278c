"""Specifications of numbers as French, Spanish, German, Italian and Arabic news write them.

Every sentence here is invented; none comes from the annotated set in
``tests/data/claims_multilingual``.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.claims.written_numbers import WrittenNumber, find_numbers


def read(text: str, language: str | None) -> list[tuple[str, float]]:
    return [(number.text, number.value) for number in find_numbers(text, language)]


def indic(text: str) -> str:
    """``text`` with Arabic-Indic digits and the Arabic decimal and thousands marks."""
    return text.translate(
        str.maketrans(
            "0123456789.,",
            "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u066b\u066c",
        )
    )


QUANTITIES = [
    ("fr", "Selon la police, 3 millions d'euros et vingt-deux blessés le 17 mars à 14h30.",
     [("3 millions", 3e6), ("vingt-deux", 22)]),
    ("fr", "Un budget de 2 340 000 euros, soit 4,2 milliards en tout.",
     [("2 340 000", 2340000), ("4,2 milliards", 4.2e9)]),
    ("fr", "Le taux atteint 37 % et la température -5 degrés.", [("37", 37), ("5", 5)]),
    ("fr", "Une douzaine d'élèves et la moitié des profs.",
     [("Une douzaine", 12), ("la moitié", 0.5)]),
    ("es", "Según fuentes policiales, dos de los detenidos tienen 19 años.",
     [("dos", 2), ("19", 19)]),
    ("es", "Hubo 12 mil 310 votos y 24.518 casos, 7 mil millones de pesos.",
     [("12 mil 310", 12310), ("24.518", 24518), ("7 mil millones", 7e9)]),
    ("es", "Veintiún heridos y un tercio de los votos.", [("Veintiún", 21), ("un tercio", 1 / 3)]),
    ("de", "Der 47-Jährige wurde dreistündig verhört, zwei Tage lang.",
     [("47", 47), ("drei", 3), ("zwei", 2)]),
    ("de", "Mindestens 25 Menschen, 1,5 Milliarden Euro und 300 Mio. Euro.",
     [("25", 25), ("1,5 Milliarden", 1.5e9), ("300 Mio.", 3e8)]),
    ("de", "Jeder Zweite zahlt 24.518 Euro, ein Dutzend zahlt nichts.",
     [("Jeder Zweite", 0.5), ("24.518", 24518), ("ein Dutzend", 12)]),
    ("it", "Il governo ha stanziato 2,5 miliardi e 20 mila euro a 1.200 famiglie.",
     [("2,5 miliardi", 2.5e9), ("20 mila", 20000), ("1.200", 1200)]),
    ("it", "Ventidue feriti, tre quarti dei voti, il 30 per cento.",
     [("Ventidue", 22), ("tre quarti", 0.75), ("30", 30)]),
    ("ar", f"وقال المتحدث إن ثلاثة أشخاص أصيبوا و{indic('25')} آخرين نقلوا إلى المستشفى.",
     [("ثلاثة", 3), (indic("25"), 25)]),
    ("ar", "خمسة وعشرون شخصا وثلاثة آلاف وخمسمئة جنيه.",
     [("خمسة وعشرون", 25), ("ثلاثة آلاف وخمسمئة", 3500)]),
    ("ar", f"بلغت الصادرات 4.2 مليار دولار و{indic('12,500')} طن و{indic('2.5')} مليون برميل.",
     [("4.2 مليار", 4.2e9), (indic("12,500"), 12500), (f"{indic('2.5')} مليون", 2.5e6)]),
    ("ar", f"التذكرة بـ{indic('1500')} جنيه لمدة أحد عشر يوما ونصف الجمهور.",
     [(indic("1500"), 1500), ("أحد عشر", 11), ("نصف", 0.5)]),
    ("en", "At least 2,000 people and 2.5 million dollars, a dozen eggs.",
     [("2,000", 2000), ("2.5 million", 2.5e6), ("a dozen", 12)]),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "expected"), QUANTITIES)
def test_claims_written_numbers_reads_quantities_with_their_values(
    language: str, text: str, expected: list[tuple[str, float]]
) -> None:
    found = read(text, language)
    assert [t for t, _ in found] == [t for t, _ in expected]
    assert [v for _, v in found] == pytest.approx([v for _, v in expected])


EXCLUDED = [
    ("fr", "Le G20 se réunira le 4 mai à Rome pour la 15e fois."),
    ("fr", "Rendez-vous le 1er janvier, du 17 au 19 mars ou le 24.04.2020, à 14 heures."),
    ("fr", "La Covid-19, la 5G, l'A7 et la saison 11 depuis les années 80."),
    ("fr", "Appelez le 01 23 45 67 89 ou le +33 6 12 34 56 78."),
    ("fr", "Des dizaines de blessés, un mois plus tôt, seulement un candidat."),
    ("es", "Dijo que volverá en 2021, el 1° de mayo, a las 9:40 p.m."),
    ("es", "Miles de personas en los años 80, el Decreto 45/2020 y la ruta 40."),
    ("es", "Es uno de los países con unas semanas de segundo mandato."),
    ("de", "Am 24.4. und am 3. Oktober um 7 Uhr, zum 2. Mal, Platz vier."),
    ("de", "Mehrere Menschen kamen von 2003 bis 2009 einmal im Jahr."),
    ("it", "Il 15 marzo alle 18:30, negli anni '80, per la 12ª edizione."),
    ("it", "Se sei uno di loro, secondo il ministro, il primo gruppo."),
    ("ar", "يوم الاثنين 13 أبريل 2020 الساعة 9 مساء في الدورة الخامسة."),
    ("ar", "عشرات الآلاف وآلاف الأشخاص في كوفيد-19 خلال الربع الأول."),
    ("en", "At 7 pm on March 17, the iPhone team met in the 1980s."),
]


@pytest.mark.parametrize(("language", "text"), EXCLUDED)
def test_claims_written_numbers_leaves_out_dates_times_ordinals_codes_and_vague_words(
    language: str, text: str
) -> None:
    assert read(text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Un seul cas, une semaine plus tard.", [("Un", 1)]),
        ("fr", "5 camions, une ambulance et 4 voitures.", [("5", 5), ("une", 1), ("4", 4)]),
        ("es", "Con sólo un caso, uno de cada diez.", [("un", 1), ("uno", 1), ("diez", 10)]),
        ("de", "Der Bub war erst eine Stunde alt, vor knapp einem Jahr.", [("eine", 1),
                                                                        ("einem", 1)]),
        ("de", "Ein 28-jähriger Mann und eine Frau.", [("28", 28)]),
        ("it", "Quattro donne e una bambina, uno su dieci.", [("Quattro", 4), ("una", 1),
                                                               ("uno", 1), ("dieci", 10)]),
    ],
)  # fmt: skip
def test_claims_written_numbers_counts_an_article_only_when_it_is_the_numeral_one(
    language: str, text: str, expected: list[tuple[str, float]]
) -> None:
    assert read(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("fr", "2,5", 2.5),
        ("fr", "24.518", 24518),
        ("fr", "2\u202f340\u00a0000", 2340000),
        ("es", "1,500", 1500),
        ("es", "2,5 y 1,500", 1.5),
        ("de", "1.234.567,89", 1234567.89),
        ("ar", "60.000", 60000),
        ("ar", "14.50", 14.5),
        ("en", "1,234.5", 1234.5),
        (None, "\u06f1\u06f2\u06f5", 125),
    ],
)
def test_claims_written_numbers_reads_separators_in_the_text_s_convention(
    language: str | None, text: str, value: float
) -> None:
    assert find_numbers(text, language)[-1].value == pytest.approx(value)


def test_claims_written_numbers_spans_leave_out_sign_and_unit() -> None:
    text = "La hausse est de +37 % soit 12 km."
    assert [(n.start, n.end, n.text) for n in find_numbers(text, "fr")] == [
        (18, 20, "37"),
        (28, 30, "12"),
    ]


@pytest.mark.parametrize("text", ["", "   ", "9" * 5000, "1,2,3,4", "mille " * 300, indic(".,")])
def test_claims_written_numbers_reads_what_it_can_of_odd_input(text: str) -> None:
    assert all(isinstance(n, WrittenNumber) for n in find_numbers(text, "fr"))


WORDS = st.sampled_from(
    [
        *"un une deux trois cent mille millions uno dos mil ein eine zwei Millionen tre mila "
        "ثلاثة آلاف مليون وعشرون عشر أحد la moitié jeder Zweite seul nur 14h30 2019 mars Uhr "
        "le à , . - % 1.000 2,5".split(),
        indic("1500"),
        indic("."),
        indic(","),
    ]
)
TEXTS = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(WORDS, st.integers(0, 10**30).map(str)), max_size=30).map(" ".join),
)


@settings(deadline=None)  # the first call per language reads Babel's locale data
@given(TEXTS, st.sampled_from(["fr", "es", "de", "it", "ar", "en", None, "xx", "pt-BR"]))
def test_claims_written_numbers_never_raises_and_spans_point_inside_the_text(
    text: str, language: str | None
) -> None:
    numbers = find_numbers(text, language)
    for number in numbers:
        assert 0 <= number.start < number.end <= len(text)
        assert text[number.start : number.end] == number.text
    assert [n.start for n in numbers] == sorted(n.start for n in numbers)
    assert all(a.end <= b.start for a, b in itertools.pairwise(numbers))
