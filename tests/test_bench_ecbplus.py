"""The ECB+ loader: text rebuilt from tokens, URL kept apart, gold story from the file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.bench.ecbplus import detokenize, load_ecbplus, read_document
from storytrace.errors import InputError
from tests.conftest import SHARED

ECBPLUS = SHARED / "data" / "ecbplus"


def _write(folder: Path, name: str, sentences: list[list[str]]) -> Path:
    tokens = []
    number = 1
    for sentence, words in enumerate(sentences):
        for position, word in enumerate(words):
            tokens.append(
                f'<token t_id="{number}" sentence="{sentence}" number="{position}">{word}</token>'
            )
            number += 1
    path = folder / name
    path.write_text(f'<Document doc_name="{name}">{"".join(tokens)}</Document>', "utf-8")
    return path


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        (["He", "said", "``", "no", "''", "."], 'He said "no".'),
        (["Lohan", "\u2019", "s", "lawyer"], "Lohan\u2019s lawyer"),
        (["at", "4", ":", "59", "PM"], "at 4:59 PM"),
        (
            ["(", "AP", ")", "Quake", "hits", "$", "5", "million", "%"],
            "(AP) Quake hits $5 million%",
        ),
        (['"', "Yes", ",", '"', "she", "said"], '"Yes," she said'),
        (["did", "n't", "go", "?"], "didn't go?"),
        ([], ""),
    ],
)
def test_ecbplus_detokenize_spacing(tokens: list[str], text: str) -> None:
    assert detokenize(tokens) == text


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        (["a", "6", ".", "1", "-", "magnitude", "quake"], "a 6.1 - magnitude quake"),
        (["170", ",", "000", "people"], "170,000 people"),
        (["5", ",", "184", ",", "000", "pixels"], "5,184,000 pixels"),
        (["$2", ".", "6", "million", "(", "\u00a31", ".", "7m", ")"], "$2.6 million (\u00a31.7m)"),
        (["$", "1", ",", "199", "and", "2", ".", "7GHz"], "$1,199 and 2.7GHz"),
        (["fell", "2", ",", "000ft"], "fell 2,000ft"),
        (["at", "8", ".", "40am"], "at 8.40am"),
        (["on", "08", ".", "07", ".", "2012"], "on 08.07.2012"),
        # Left apart: a year then a clock time, a height then a weight, lists, dates.
        (["July", "23", ",", "2008", ".", "4", ":", "49", "pm"], "July 23, 2008. 4:49 pm"),
        (["6", "-", "foot", "-", "8", ",", "225", "-", "pound"], "6 - foot - 8, 225 - pound"),
        (["5", "-", "11", ",", "220"], "5 - 11, 220"),
        (["March", "2", ",", "2013"], "March 2, 2013"),
        (["IE6", ",", "7", ",", "8"], "IE6, 7, 8"),
        (["from", "10", ",", "12", "years"], "from 10, 12 years"),
        (["No", ".", "1"], "No. 1"),
        (["in", "2009", "."], "in 2009."),
    ],
)
def test_ecbplus_detokenize_rejoins_split_numbers(tokens: list[str], text: str) -> None:
    assert detokenize(tokens) == text


def test_ecbplus_read_document_keeps_sentences_apart_at_numbers(tmp_path: Path) -> None:
    path = _write(tmp_path, "3_7ecb.xml", [["It", "hit", "in", "2009", "."], ["5", "died", "."]])
    assert read_document(path).article.text == "It hit in 2009.\n5 died."


def test_ecbplus_read_document_keeps_url_apart(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "3_7ecbplus.xml",
        [["http", ":", "/", "/", "x", ".", "com"], ["Quake", "hits", "."], ["Dozens", "dead", "."]],
    )
    document = read_document(path)
    assert document.article.url == "http://x.com"
    assert document.article.text == "Quake hits.\nDozens dead."
    assert (document.topic, document.story, document.article.id) == ("3", "3/ecbplus", "3_7ecbplus")
    assert document.article.title is None


def test_ecbplus_read_document_ecb_keeps_first_sentence(tmp_path: Path) -> None:
    document = read_document(_write(tmp_path, "3_7ecb.xml", [["Quake", "hits", "."]]))
    assert document.article.url is None
    assert document.article.text == "Quake hits."
    assert document.story == "3/ecb"


def test_ecbplus_refuses_unknown_names(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not an ECB\\+ document name"):
        read_document(_write(tmp_path, "notes.xml", [["x"]]))
    with pytest.raises(InputError, match="no ECB\\+ documents"):
        load_ecbplus(tmp_path)


def test_ecbplus_load_real_corpus() -> None:
    if not ECBPLUS.is_dir():
        pytest.skip(f"ECB+ is not at {ECBPLUS}")
    corpus = load_ecbplus(ECBPLUS)
    assert len(corpus.documents) == 982
    assert len(set(corpus.gold_stories())) == 86
    assert len(corpus.topics()) == 43
    plus = [d for d in corpus.documents if d.story.endswith("ecbplus")]
    assert all(d.article.url and d.article.url.startswith("http") for d in plus)
    assert all(not d.article.text.startswith("http") for d in plus)
    assert len(corpus.restricted_to(["1", "3"]).documents) < 100
