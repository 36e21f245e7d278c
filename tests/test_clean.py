from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.clean import (
    Paragraph,
    assemble,
    classify_line,
    mark_furniture,
    mark_templates,
    split_paragraphs,
    template_lines,
)

ARTICLE_LINE = (
    "Rescue teams checked the harbour district through the morning and found no one "
    "trapped, the council said."
)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Photo: AFP", "credit"),
        ("AFP PHOTO / ABDULLAH DOMA", "credit"),
        ("(Photo: Reuters)", "credit"),
        (
            "A boy holds a portrait of the general in a public square in Benghazi late on "
            "October 19, 2015. AFP PHOTO / ABDULLAH DOMA",
            "caption",
        ),
        ("Firefighters at the scene on Tuesday. (Photo: Harbour Press)", "caption"),
        ("(Author: Libyan Gazette Editorial Staff)", "byline"),
        ("By Maria Lund", "byline"),
        ("Share on Facebook  Share on Twitter", "share"),
        ("Tweet", "share"),
        ("Subscribe to our newsletter", "subscribe"),
        ("You might also like", "related"),
        ("Related articles", "related"),
        ("Submit a Correction", "correction_form"),
        ("Your suggestion have been successfully submitted", "correction_form"),
        ("Leave a comment", "comment_form"),
        ("Your email address will not be published. Required fields are marked *", "comment_form"),
        (
            "The views expressed in Op-Ed pieces are those of the author and do not purport "
            "to reflect the opinions or views of Libyan Express.",
            "opinion_notice",
        ),
        ("Advertisement", "advertisement"),
        ("We use cookies to improve your experience.", "navigation"),
        ("Published: 3 February 2026, 08:00", "metadata"),
        (ARTICLE_LINE, None),
        ("By Tuesday evening, the water had receded from most streets.", None),
        ("The photo shows the damaged tower.", None),
        ("Readers can share their own pictures with the council.", None),
    ],
)
def test_clean_classifies_page_furniture_lines(line: str, kind: str | None) -> None:
    assert classify_line(line) == kind


def test_clean_correction_form_block_takes_its_short_lines() -> None:
    text = "\n".join(
        [
            ARTICLE_LINE,
            "Submit a Correction",
            "For: Quake hits Port Elwin",
            "There was an error while trying to send your request. Please try again.",
        ]
    )
    kinds = [p.kind for p in mark_furniture(split_paragraphs(text))]
    assert kinds == [None, "correction_form", "correction_form", "correction_form"]


def test_clean_block_ends_at_a_long_paragraph() -> None:
    text = "You might also like\nStorm closes ferry line\n" + ARTICLE_LINE * 2
    kinds = [p.kind for p in mark_furniture(split_paragraphs(text))]
    assert kinds == ["related", "related", None]


def test_clean_repeated_caption_with_other_quotes_is_a_duplicate() -> None:
    caption = "A boy holds a portrait in Libya's capital. AFP PHOTO / ABDULLAH DOMA"
    text = caption + "\n" + caption.replace("'", "\u2019") + "\n" + ARTICLE_LINE
    kinds = [p.kind for p in mark_furniture(split_paragraphs(text))]
    assert kinds == ["caption", "duplicate", None]


def test_clean_repeated_article_paragraph_is_a_duplicate() -> None:
    text = f"{ARTICLE_LINE}\n{ARTICLE_LINE}"
    kinds = [p.kind for p in mark_furniture(split_paragraphs(text))]
    assert kinds == [None, "duplicate"]


def _article(*lines: str) -> tuple[Paragraph, ...]:
    return split_paragraphs("\n".join(lines))


def test_clean_template_lines_recur_across_different_articles_of_an_outlet() -> None:
    slogan = "Coast Daily: the voice of the coast"
    first = _article("Quake damages lighthouse in Port Elwin today.", slogan)
    second = _article("Ferry line reopens after the storm passes.", slogan)
    templates = template_lines([first, second], min_articles=2)
    assert [p.kind for p in mark_templates(second, templates)] == [None, "template"]


def test_clean_versions_of_one_article_share_no_template() -> None:
    page = _article("Quake damages lighthouse.", "Nobody was hurt, officials said.", "Slogan")
    assert template_lines([page, page, page], min_articles=2) == frozenset()


def test_clean_assemble_takes_a_headline_first_line_as_title() -> None:
    text = f"Quake hits Port Elwin\n\nPhoto: AFP\n\n{ARTICLE_LINE}"
    cleaned = assemble(mark_furniture(split_paragraphs(text)), title=None, with_offsets=True)
    assert cleaned.title == "Quake hits Port Elwin"
    assert cleaned.text == ARTICLE_LINE
    assert [(r.kind, r.start, r.end) for r in cleaned.removed] == [
        ("headline", 0, 21),
        ("credit", 23, 33),
    ]


def test_clean_assemble_keeps_a_first_sentence_that_is_no_headline() -> None:
    cleaned = assemble(split_paragraphs(ARTICLE_LINE), title=None, with_offsets=True)
    assert cleaned.title is None
    assert cleaned.text == ARTICLE_LINE


def test_clean_assemble_sets_aside_a_first_line_repeating_the_title() -> None:
    text = f"Quake Hits Port Elwin\n{ARTICLE_LINE}"
    cleaned = assemble(split_paragraphs(text), title="Quake hits Port Elwin", with_offsets=False)
    assert cleaned.text == ARTICLE_LINE
    assert cleaned.removed[0].kind == "headline"
    assert cleaned.removed[0].start is None


def test_clean_assemble_reads_the_byline_name() -> None:
    text = f"(Author: Libyan Gazette Editorial Staff)\n{ARTICLE_LINE}"
    cleaned = assemble(mark_furniture(split_paragraphs(text)), title=None, with_offsets=True)
    assert cleaned.byline == "Libyan Gazette Editorial Staff"


LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Photo: AFP",
                "You might also like",
                "Submit a Correction",
                "Share",
                "Subscribe to our newsletter",
                ARTICLE_LINE,
                "Short headline here",
                "",
            ]
        ),
        st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=80),
    ),
    max_size=30,
)


@given(LINES)
def test_clean_accounts_for_every_non_blank_input_line(lines: list[str]) -> None:
    text = "\n".join(lines)
    cleaned = assemble(mark_furniture(split_paragraphs(text)), title=None, with_offsets=True)
    kept = cleaned.text.split("\n\n") if cleaned.text else []
    removed = [piece.text for piece in cleaned.removed]
    for piece in cleaned.removed:
        assert piece.start is not None and piece.end is not None
        assert text[piece.start : piece.end] == piece.text
    expected = [line.strip() for line in text.splitlines() if line.strip()]
    found = kept + removed
    assert sorted(found) == sorted(expected)


def test_clean_assemble_sets_aside_a_closing_author_bio() -> None:
    text = f"{ARTICLE_LINE}\nMiriam Solt is a former harbour pilot and chairs the residents' group."
    cleaned = assemble(split_paragraphs(text), title=None, with_offsets=True, byline="Miriam Solt")
    assert cleaned.text == ARTICLE_LINE
    assert cleaned.removed[0].kind == "byline"


def test_clean_assemble_finds_the_repeated_headline_below_a_section_label() -> None:
    text = f"Monde \u2022 Catastrophe maritime\nQuake hits Port Elwin\n{ARTICLE_LINE}"
    paragraphs = mark_furniture(split_paragraphs(text))
    cleaned = assemble(paragraphs, title="Quake hits Port Elwin", with_offsets=False)
    assert [r.kind for r in cleaned.removed] == ["navigation", "headline"]
    assert cleaned.text == ARTICLE_LINE


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Updated 9:10 a.m. with the number of people taken to hospital.", "metadata"),
        ("12 March 2026, 15:05", "metadata"),
        ("Friday, March 13, 2026 at 9:10 AM EST", "metadata"),
        ("Publi\u00e9 le 13 mars 2026 \u00e0 15h20", "metadata"),
        ("Laisser un commentaire", "comment_form"),
        ("Lire aussi : Le port rouvre", "related"),
        ("Home / News / World", "navigation"),
        ("Stay with EBR for updates throughout the day on 94.2 FM.", "subscribe"),
        ("Updated figures show that 40 people died in the floods on the coast.", None),
    ],
)
def test_clean_classifies_dates_promos_and_other_languages(line: str, kind: str | None) -> None:
    assert classify_line(line) == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("(Reporting by Jane Roe; Editing by John Doe)", "byline"),
        ("Associated Press writers Ann Lee and Bo Chen contributed to this report.", "byline"),
        ("Write to Al Root at al.root@example.com", "byline"),
        ("paul.takahashi@chron.example", "byline"),
        ("This copy is for your personal, non-commercial use only.", "navigation"),
        ("https://www.example.com/news/story-123", "navigation"),
        ("Filed under: Politics", "metadata"),
        ("Tempo de leitura: 1 minuto", "metadata"),
        ("| 1 | Kyle Busch | 5040 | 5 |", None),
        ("Reporting by the agency suggests the port will reopen next week, officials said.", None),
    ],
)
def test_clean_classifies_credits_contacts_and_widgets(line: str, kind: str | None) -> None:
    assert classify_line(line) == kind


def test_clean_short_repeats_and_list_items_are_not_duplicates() -> None:
    text = "- Eat every 2-3 hours\n- Eat every 2-3 hours\nWhat happened next?\nWhat happened next?"
    assert [p.kind for p in mark_furniture(split_paragraphs(text))] == [None] * 4
