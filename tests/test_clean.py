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
        ("EPA PHOTO / JANE ROE", "credit"),
        ("(Photo: Reuters)", "credit"),
        (
            "Residents queue for water in the old town on Monday, 3 June 2024. "
            "AFP PHOTO / JOHN DOE",
            "caption",
        ),
        ("Firefighters at the scene on Tuesday. (Photo: Harbour Press)", "caption"),
        ("(Author: Harbour Courier Editorial Staff)", "byline"),
        ("By Maria Lund", "byline"),
        ("Share on Facebook  Share on Twitter", "share"),
        ("Tweet", "share"),
        ("Subscribe to our newsletter", "subscribe"),
        ("You might also like", "related"),
        ("Related articles", "related"),
        ("Submit a Correction", "correction_form"),
        ("Your correction has been submitted.", "correction_form"),
        ("Leave a comment", "comment_form"),
        ("Your email address will not be published. Required fields are marked *", "comment_form"),
        (
            "The views expressed in this column are those of the author and do not "
            "necessarily reflect the views of Northfield Gazette.",
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
    caption = "A girl waves a flag in the region's capital. AFP PHOTO / JOHN DOE"
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
    text = f"(Author: Harbour Courier Editorial Staff)\n{ARTICLE_LINE}"
    cleaned = assemble(mark_furniture(split_paragraphs(text)), title=None, with_offsets=True)
    assert cleaned.byline == "Harbour Courier Editorial Staff"


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
        ("Stay tuned to Radio Norte for the latest updates.", "subscribe"),
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


# Furniture families as many sites word them; every line is made up, none is a seed's.
@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Share this article on Facebook", "share"),
        ("Share via WhatsApp", "share"),
        ("Email | Print | Copy link", "share"),
        ("Follow us on Twitter", "subscribe"),
        ("Like us on Facebook", "subscribe"),
        ("Follow The Valley Ledger on Instagram, Facebook and YouTube.", "subscribe"),
        ("Sign up to our daily newsletter", "subscribe"),
        ("Morning Briefing Newsletter", "subscribe"),
        ("Get the top stories delivered to your inbox every morning.", "subscribe"),
        ("Want more? Sign up for the Metro Wire weekly digest.", "subscribe"),
        ("Subscribe now for unlimited access", "subscribe"),
        ("Stay with Radio Norte for the latest on the storm.", "subscribe"),
        ("Image caption, Firefighters worked through the night to save the old mill", "caption"),
        ("Image source, Getty Images", "credit"),
        ("Photo: Jane Roe / Getty", "credit"),
        ("Do you have a correction? Contact us", "correction_form"),
        ("Spotted an error? Let our editors know.", "correction_form"),
        ("Report a correction", "correction_form"),
        ("Thank you for your feedback.", "correction_form"),
        ("The views expressed in this article are the author's own.", "opinion_notice"),
        ("Want to have your say? Send us your letter to the editor.", "opinion_notice"),
        ("Read more: Flood defences to be reviewed", "related"),
        ("More from Business", "related"),
        ("\u00a9 2024 Example Media. All rights reserved.", "navigation"),
        ("Copyright 2023 Valley Ledger Inc.", "navigation"),
        ("This website uses cookies to improve your experience.", "navigation"),
        ("Order a reprint of this article", "navigation"),
        ("Advertisement", "advertisement"),
    ],
)
def test_clean_classifies_furniture_families_of_many_sites(line: str, kind: str) -> None:
    assert classify_line(line) == kind


# News sentences that mention networks, newsletters, photos or corrections are article text.
@pytest.mark.parametrize(
    "line",
    [
        "Facebook said on Tuesday it would share user data with academic researchers.",
        "Shares of Facebook fell 5% after the report.",
        "The newsletter, which has 40,000 readers, was sold to a rival publisher on Monday.",
        "Investors rushed to subscribe to the bond, the finance ministry said.",
        "The mayor urged residents to follow the council on Twitter for road closures.",
        "The paper issued a correction after the minister complained about the report.",
        "The photo of the flooded square was shared thousands of times online.",
        "Users who signed up for the service must now confirm their email address.",
        "Regulators said the website uses cookies without asking for consent.",
        "The views of residents were ignored, the opposition said.",
    ],
)
def test_clean_news_sentences_about_the_same_topics_are_not_furniture(line: str) -> None:
    assert classify_line(line) is None


def test_clean_form_messages_after_a_correction_form_belong_to_it() -> None:
    text = "\n".join(
        [
            ARTICLE_LINE,
            "Report an error",
            "Headline: Quake hits Port Elwin",
            "Something went wrong. Please try again later.",
            "We will use the details you give us only to review this article.",
        ]
    )
    kinds = [p.kind for p in mark_furniture(split_paragraphs(text))]
    assert kinds == [None] + ["correction_form"] * 4
