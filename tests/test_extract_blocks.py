"""Visible text blocks of a page and the left-out list: nothing shown on the page is lost."""

from __future__ import annotations

import html

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.extract.blocks import TextIndex, left_out_blocks, page_blocks, word_key


def _blocks(markup: str) -> list[str]:
    return [block.text for block in page_blocks(lxml.html.fromstring(markup))]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<html><body><p>One <b>bold</b> word.</p></body></html>", ["One bold word."]),
        ("<html><body><div>Lead<p>Para</p>tail</div></body></html>", ["Lead", "Para", "tail"]),
        ("<html><body><p>Line one<br>line two</p></body></html>", ["Line one", "line two"]),
        ("<html><body><ul><li>A</li><li>B</li></ul></body></html>", ["A", "B"]),
        ("<html><body><p>  spaced \n\t out  </p></body></html>", ["spaced out"]),
        (
            "<html><head><title>T</title></head><body><script>x()</script><style>p{}</style>"
            "<noscript>N</noscript><template>T</template><!-- c --><p>Shown</p></body></html>",
            ["Shown"],
        ),
        ("<html><body><p>Before<script>x()</script>after</p></body></html>", ["Beforeafter"]),
    ],
)
def test_blocks_are_the_visible_text_between_block_boundaries(
    markup: str, expected: list[str]
) -> None:
    assert _blocks(markup) == expected


@pytest.mark.parametrize(
    ("block", "contained"),
    [
        ("quake hit the city at dawn", True),
        ("Quake hit the  CITY, at dawn", True),
        ("quake hit thecity at dawn", True),
        ("the city at dawn. Homes", False),
        ("Weather", True),
        ("the city", False),
        ("Homes", False),
        ("", True),
    ],
)
def test_blocks_text_index_matches_words_not_spacing(block: str, contained: bool) -> None:
    text = "The quake hit the city at dawn.\nHomes fell in the weather.\nWeather"
    assert TextIndex(text).contains(block) is contained


def test_blocks_left_out_lists_each_repeated_text_once() -> None:
    page = lxml.html.fromstring(
        "<html><body><nav>Home</nav><p>Story text here.</p><footer>Home</footer></body></html>"
    )
    assert left_out_blocks(page_blocks(page), "Story text here.") == ("Home",)


_words = st.text(alphabet="abcdefghij", min_size=1, max_size=8)
_paragraphs = st.lists(
    st.lists(_words, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=12
)


@given(paragraphs=_paragraphs, kept=st.lists(st.booleans(), min_size=12, max_size=12))
def test_blocks_every_block_is_in_the_text_or_left_out(
    paragraphs: list[str], kept: list[bool]
) -> None:
    markup = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    blocks = page_blocks(lxml.html.fromstring(f"<html><body>{markup}</body></html>"))
    text = "\n".join(p for p, keep in zip(paragraphs, kept, strict=False) if keep)
    left_out = left_out_blocks(blocks, text)
    index = TextIndex(text)
    for block in blocks:
        assert index.contains(block.text) or block.text in left_out
    for piece in left_out:
        assert not index.contains(piece)


def test_blocks_word_key_folds_case_and_punctuation() -> None:
    assert word_key("Quake, hits  CITY!") == "quake hits city"
