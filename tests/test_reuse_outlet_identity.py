"""Specifications of outlet identity (storytrace.reuse.outlet_identity): one outlet across
its names, acronyms, domains, site names and editions in other languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.errors import NotFoundError
from storytrace.models import Article
from storytrace.reuse.outlet_editions import edition_base, name_spells_label
from storytrace.reuse.outlet_identity import OutletDirectory
from storytrace.reuse.outlet_sites import site_of_name, site_of_url

EDITION_STORY = Path(__file__).parent / "data" / "provenance" / "edition_story.jsonl"


def _article(article_id: str, url: str | None = None, outlet: str | None = None) -> Article:
    return Article(article_id, article_id, "Text.", url=url, outlet=outlet)


def _edition_story() -> list[Article]:
    rows = [json.loads(line) for line in EDITION_STORY.read_text(encoding="utf-8").splitlines()]
    return [_article(row["id"], row["url"], row["outlet"]) for row in rows]


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("MEE", "Middle East Eye"),
        ("the MEE", "Middle East Eye"),
        ("the Middle East Eye", "Middle East Eye"),
        ("Middle East Eye's", "Middle East Eye"),
        ("AFP", "Agence France-Presse"),
        ("NYT", "The New York Times"),
    ],
)
def test_reuse_outlet_identity_groups_names_by_key_acronym_and_known_alias(
    name: str, other: str
) -> None:
    directory = OutletDirectory.build([], [other, name])
    assert directory.identity_of_name(name) == directory.identity_of_name(other) is not None


@pytest.mark.parametrize(
    ("url", "other_url"),
    [
        ("https://www.middleeasteye.net/news/x", "https://middleeasteye.net/news/y"),
        ("https://www.middleeasteye.net/news/x", "https://fr.middleeasteye.net/x"),
        ("https://www.middleeasteye.net/news/x", "https://www.middleeasteye.net/ar/news/y"),
        ("https://www.middleeasteye.net/news/x", "https://www.middleeasteye.net/fr/actu/y"),
        ("https://edition.cnn.com/x", "https://arabic.cnn.com/y"),
        ("https://www.bbc.co.uk/news/x", "https://www.bbc.co.uk/arabic/y"),
        ("https://www.gulfcoasteye.example/x", "https://fr.gulfcoasteye.example/y"),
    ],
)
def test_reuse_outlet_identity_joins_articles_on_one_registered_domain(
    url: str, other_url: str
) -> None:
    directory = OutletDirectory.build([_article("a", url), _article("b", other_url)])
    assert directory.identity_of_article("a") == directory.identity_of_article("b") is not None


@pytest.mark.parametrize(
    ("url", "other_url"),
    [
        ("https://libyanvoice.blogspot.com/x", "https://tripolidiary.blogspot.com/y"),
        ("https://libyanvoice.blogspot.co.uk/x", "https://tripolidiary.blogspot.co.uk/y"),
        ("https://libyanvoice.wordpress.com/x", "https://tripolidiary.wordpress.com/y"),
        ("https://medium.com/@libyanvoice/x", "https://medium.com/@tripolidiary/y"),
        ("https://libyanvoice.substack.com/p/x", "https://tripolidiary.substack.com/p/y"),
        ("https://libyanvoice.github.io/x", "https://tripolidiary.github.io/y"),
        ("https://x.com/libyanvoice/status/1", "https://x.com/tripolidiary/status/2"),
    ],
)
def test_reuse_outlet_identity_keeps_users_of_a_shared_host_apart(url: str, other_url: str) -> None:
    directory = OutletDirectory.build([_article("a", url), _article("b", other_url)])
    assert directory.identity_of_article("a") != directory.identity_of_article("b")


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("https://www.middleeasteye.net/ar/news/x", "middleeasteye.net"),
        ("middleeasteye.net/news/x", "middleeasteye.net"),
        ("https://libyanvoice.blogspot.com/2024/x", "libyanvoice.blogspot.com"),
        ("https://medium.com/@libyanvoice/x", "medium.com/@libyanvoice"),
        ("https://medium.com/p/3f2a", None),
        ("http://127.0.0.1:8000/x", None),
        ("http://localhost/x", None),
    ],
)
def test_reuse_outlet_identity_site_of_a_url(url: str, address: str | None) -> None:
    site = site_of_url(url)
    assert (site.address if site else None) == address


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Middle East Eye", "middleeasteye"),
        ("The New York Times", "nytimes"),
        ("Wall Street Journal", "wsj"),
        ("Al-Wasat", "alwasat"),
        ("Libya Observer", "libyaobserver"),
        ("Le Monde", "lemonde"),
        ("The Guardian", "theguardian"),
        ("BBC", "bbc"),
        ("France 24", "france24"),
        ("Associated Press", "apnews"),
        ("Asharq Al-Awsat", "aawsat"),
        ("Hürriyet Daily News", "hurriyetdailynews"),
        ("Le Monde.fr", "lemonde"),
        ("Middle East Eye French edition", "middleeasteye"),
    ],
)
def test_reuse_outlet_identity_name_spells_a_domain_label(name: str, label: str) -> None:
    assert name_spells_label(name, label)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("The Times", "nytimes"),
        ("Eye", "middleeasteye"),
        ("Post", "washingtonpost"),
        ("AP", "apple"),
        ("Libya Herald", "libyaobserver"),
        ("Daily Lantern", "dailynews"),
        ("Daily News", "dailylantern"),
        ("The", "the"),
        ("ميدل إيست آي", "middleeasteye"),
    ],
)
def test_reuse_outlet_identity_part_of_a_name_spells_no_label(name: str, label: str) -> None:
    assert not name_spells_label(name, label)


@pytest.mark.parametrize(
    "name",
    [
        "middleeasteye.net",
        "www.middleeasteye.net",
        "Middleeasteye.net",
        "https://www.middleeasteye.net/news/x",
        "Middle East Eye",
        "MEE",
    ],
)
def test_reuse_outlet_identity_domain_named_in_text_is_that_outlet(name: str) -> None:
    article = _article("origin", "https://www.middleeasteye.net/news/x")
    directory = OutletDirectory.build([article], ["Middle East Eye", name])
    assert directory.articles_named(name) == ("origin",)


@pytest.mark.parametrize(
    ("name", "base"),
    [
        ("Middle East Eye French edition", "Middle East Eye"),
        ("Middle East Eye's French edition", "Middle East Eye"),
        ("MEE édition française", "MEE"),
        ("the French edition of Middle East Eye", "Middle East Eye"),
        ("l'édition française de Middle East Eye", "Middle East Eye"),
        ("Al Jazeera Arabic", "Al Jazeera"),
        ("Al Jazeera العربية", "Al Jazeera"),
        ("BBC Arabic", "BBC"),
        ("Le Monde in English", "Le Monde"),
        ("Le Monde en français", "Le Monde"),
        ("El País English Edition", "El País"),
        ("El País edición en inglés", "El País"),
        ("Die Zeit auf Deutsch", "Die Zeit"),
    ],
)
def test_reuse_outlet_identity_edition_in_another_language_is_the_base_outlet(
    name: str, base: str
) -> None:
    assert edition_base(name) == base


@pytest.mark.parametrize(
    "name",
    ["Voice of America", "The Irish Times", "Deutsche Welle", "Arab News", "English edition"],
)
def test_reuse_outlet_identity_keeps_names_that_only_look_like_editions(name: str) -> None:
    assert edition_base(name) == name


@pytest.mark.parametrize(
    ("credit", "published"),
    [
        ("GCE", ("origin", "edition")),
        ("Gulf Coast Eye", ("origin", "edition")),
        ("the Gulf Coast Eye", ("origin", "edition")),
        ("Gulf Coast Eye's French edition", ("origin", "edition")),
        ("GCE édition française", ("origin", "edition")),
        ("gulfcoasteye.example", ("origin", "edition")),
        ("Delta Observer", ("copy",)),
        ("Harbour Daily", ("republication",)),
        ("AFP", ()),
    ],
)
def test_reuse_outlet_identity_finds_the_articles_an_outlet_published(
    credit: str, published: tuple[str, ...]
) -> None:
    directory = OutletDirectory.build(_edition_story(), ["GCE", "Gulf Coast Eye", "AFP"])
    assert directory.articles_named(credit) == published


def test_reuse_outlet_identity_article_without_outlet_is_identified_by_its_url() -> None:
    [origin, edition, *_] = _edition_story()
    assert origin.outlet is None
    directory = OutletDirectory.build([origin, edition])
    assert directory.same_outlet_article("origin", "Gulf Coast Eye")
    assert directory.identity_of_article("origin") == directory.identity_of_article("edition")


@pytest.mark.parametrize("url", ["https://www.middleeasteye.net/news/x", None])
def test_reuse_outlet_identity_outlet_stored_as_its_domain_is_the_named_outlet(
    url: str | None,
) -> None:
    directory = OutletDirectory.build(
        [_article("a", url, "middleeasteye.net")], ["MEE", "Middle East Eye"]
    )
    assert directory.same_outlet_article("a", "Middle East Eye")
    assert directory.same_outlet_article("a", "MEE")


def test_reuse_outlet_identity_non_latin_site_name_joins_its_domain() -> None:
    articles = [
        _article("ar", "https://www.middleeasteye.net/ar/news/x", "ميدل إيست آي"),
        _article("en", "https://www.middleeasteye.net/news/x", "Middle East Eye"),
    ]
    directory = OutletDirectory.build(articles, ["ميدل إيست آي", "MEE"])
    identity = directory.identity_of_name("ميدل إيست آي")
    assert identity == directory.identity_of_name("MEE") == directory.identity_of_article("en")
    assert identity is not None
    assert directory.display(identity) == "Middle East Eye"


def test_reuse_outlet_identity_wire_services_stay_apart_from_outlets_crediting_them() -> None:
    articles = [
        _article("copy", "https://deltaobserver.example/x", "Delta Observer"),
        _article("syndicated", "https://www.france24.com/en/x", "AFP"),
        _article("wire", "https://www.afp.com/en/news/x", "AFP"),
    ]
    directory = OutletDirectory.build(articles, ["AFP", "Agence France-Presse", "Reuters"])
    assert directory.articles_named("Agence France-Presse") == ("wire",)
    assert not directory.same_outlet_article("copy", "AFP")
    assert directory.articles_named("Reuters") == ()


@pytest.mark.parametrize(
    ("name", "other", "site"),
    [
        ("Libya Observer", "Libya Herald", "https://libyaobserver.ly/news/x"),
        ("Daily Lantern", "Daily News", "https://dailylantern.example/x"),
    ],
)
def test_reuse_outlet_identity_outlets_sharing_a_word_stay_distinct(
    name: str, other: str, site: str
) -> None:
    directory = OutletDirectory.build([_article("a", site)], [name, other])
    assert directory.articles_named(name) == ("a",)
    assert directory.articles_named(other) == ()
    assert directory.identity_of_name(name) != directory.identity_of_name(other)


@pytest.mark.parametrize(
    ("articles", "short", "expected"),
    [
        ([("a", "https://islandexpress.com/x", None)], "the Express", ("a",)),
        ([("a", "https://www.nytimes.com/x", "The New York Times")], "the Times", ("a",)),
        ([("a", "https://www.washingtonpost.com/x", "The Washington Post"),
          ("b", "https://www.jpost.com/x", "The Jerusalem Post")], "the Post", ()),
    ],
)  # fmt: skip
def test_reuse_outlet_identity_a_short_name_joins_the_one_story_outlet_ending_so(
    articles: list[tuple[str, str, str | None]], short: str, expected: tuple[str, ...]
) -> None:
    directory = OutletDirectory.build([_article(*row) for row in articles], [short])
    assert directory.articles_named(short) == expected


def test_reuse_outlet_identity_name_spelling_two_sites_joins_neither() -> None:
    articles = [
        _article("blog", "https://libyanvoice.wordpress.com/x"),
        _article("post", "https://medium.com/@libyanvoice/y"),
    ]
    directory = OutletDirectory.build(articles, ["Libyan Voice"])
    assert directory.articles_named("Libyan Voice") == ()


def test_reuse_outlet_identity_aggregator_pages_join_no_outlet() -> None:
    articles = [
        _article("origin", "https://www.middleeasteye.net/news/x", "Middle East Eye"),
        _article("carried", "https://news.yahoo.com/x", "Middle East Eye"),
        _article("wire", "https://news.yahoo.com/y", "Reuters"),
    ]
    directory = OutletDirectory.build(articles, ["MEE", "Reuters"])
    assert directory.articles_named("MEE") == ("origin",)
    assert directory.articles_named("Reuters") == ()


def test_reuse_outlet_identity_site_name_that_spells_nothing_is_its_sites() -> None:
    directory = OutletDirectory.build(
        [_article("a", "https://abcnews.go.com/International/x", "ABC News")], ["ABC News"]
    )
    assert directory.articles_named("ABC News") == ("a",)


@pytest.mark.parametrize(
    ("article_id", "name", "reason"),
    [
        (
            "edition",
            "GCE",
            "GCE is the acronym of Gulf Coast Eye; the address gulfcoasteye.example spells "
            "Gulf Coast Eye; article edition was published on gulfcoasteye.example",
        ),
        (
            "origin",
            "Gulf Coast Eye's French edition",
            "Gulf Coast Eye's French edition is an edition of Gulf Coast Eye; the address "
            "gulfcoasteye.example spells Gulf Coast Eye; article origin was published on "
            "gulfcoasteye.example",
        ),
        ("copy", "GCE", None),
    ],
)
def test_reuse_outlet_identity_reason_says_why_in_plain_words(
    article_id: str, name: str, reason: str | None
) -> None:
    directory = OutletDirectory.build(_edition_story(), ["GCE"])
    assert directory.reason(article_id, name) == reason


@pytest.mark.parametrize(
    ("articles", "names", "display"),
    [
        ([_article("a", "https://www.nytimes.com/x")], ["NYT"], "The New York Times"),
        ([_article("a", "https://www.middleeasteye.net/x", "ميدل إيست آي")], ["MEE",
          "Middle East Eye"], "Middle East Eye"),
        ([_article("a", "https://www.middleeasteye.net/x")], [], "middleeasteye.net"),
        ([_article("a", None, "Middle East Eye French edition")], [], "Middle East Eye"),
    ],
)  # fmt: skip
def test_reuse_outlet_identity_display_is_the_best_human_name(
    articles: list[Article], names: list[str], display: str
) -> None:
    directory = OutletDirectory.build(articles, names)
    identity = directory.identity_of_article("a")
    assert identity is not None
    assert directory.display(identity) == display


def test_reuse_outlet_identity_article_with_neither_url_nor_outlet_has_no_identity() -> None:
    directory = OutletDirectory.build([_article("bare")], ["MEE"])
    assert directory.identity_of_article("bare") is None
    assert not directory.same_outlet_article("bare", "MEE")


def test_reuse_outlet_identity_unknown_ids_fail_with_what_exists() -> None:
    directory = OutletDirectory.build([_article("a", "https://www.middleeasteye.net/x")])
    with pytest.raises(NotFoundError, match=r"'zz'.*holds a\)"):
        directory.identity_of_article("zz")
    with pytest.raises(ValueError, match="identities 0 to 0"):
        directory.display(7)


def test_reuse_outlet_identity_domain_name_needs_a_known_suffix() -> None:
    assert site_of_name("St.Louis") is None
    assert site_of_name("U.S.") is None


_LABELS = st.sampled_from(["middleeasteye", "libyaobserver", "alwasat", "nytimes"])
_SUBDOMAINS = st.sampled_from(["", "www.", "fr.", "arabic.", "edition."])
_PATHS = st.sampled_from(["/news/x", "/fr/x", "/ar/news/y", "/"])


@given(st.lists(st.tuples(_SUBDOMAINS, _LABELS, _PATHS), min_size=1, max_size=6))
def test_reuse_outlet_identity_articles_share_an_identity_exactly_when_they_share_a_domain(
    pages: list[tuple[str, str, str]],
) -> None:
    articles = [
        _article(str(n), f"https://{sub}{label}.net{path}")
        for n, (sub, label, path) in enumerate(pages)
    ]
    directory = OutletDirectory.build(articles)
    for first, (_, label, _) in enumerate(pages):
        for second, (_, other, _) in enumerate(pages):
            same = directory.identity_of_article(str(first)) == directory.identity_of_article(
                str(second)
            )
            assert same == (label == other)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tapes obtained by Middle East Eye show strikes.", "Middle East Eye"),
        ("More on middleeasteye.net tomorrow.", "middleeasteye.net"),
        ("The MEE first reported it.", "MEE"),
        ("The mee of the matter.", None),  # an acronym names the outlet in capitals only
        ("Middle Eastern eyes turned to the base.", None),
    ],
)
def test_reuse_outlet_identity_finds_where_a_text_names_an_outlet(
    text: str, found: str | None
) -> None:
    article = _article("a", "https://www.middleeasteye.net/x", "Middle East Eye")
    directory = OutletDirectory.build([article], ["MEE"])
    identity = directory.identity_of_article("a")
    assert identity is not None
    span = directory.mention_in(identity, text)
    assert (text[span[0] : span[1]] if span else None) == found
