"""Specifications of joining translations to the stories they translate."""

from __future__ import annotations

from pathlib import Path

from storytrace.models import Article, Story
from storytrace.multilingual import embed_multilingual
from storytrace.stories.translations import join_translations, translation_links

ENGLISH = (
    "Firefighters battled a blaze at the chemical plant in Harwick for eight hours on Tuesday.\n"
    "The fire started in a storage hall shortly after midnight, the company said.\n"
    "Two workers were taken to hospital with burns and were later released.\n"
    "Residents living nearby were told to keep their windows closed until noon."
)
RUSSIAN = (
    "Пожарные восемь часов во вторник боролись с огнём на химическом заводе в Харвике.\n"  # noqa: RUF001
    "По словам компании, пожар начался в складском помещении вскоре после полуночи.\n"
    "Двое рабочих были госпитализированы с ожогами и позже выписаны.\n"  # noqa: RUF001
    "Жителям близлежащих домов велели держать окна закрытыми до полудня."
)
OTHER = (
    "The city council approved a new budget for public libraries on Monday evening.\n"
    "The plan adds two mobile libraries and extends opening hours on weekends.\n"
    "Council members said the money comes from savings in road maintenance."
)
SPANISH = (
    "El ayuntamiento inauguró el jueves un nuevo parque infantil junto al río.\n"
    "Las obras costaron medio millón de euros y duraron cuatro meses.\n"
    "Los vecinos pidieron más bancos y una fuente de agua potable."
)


def _articles() -> list[Article]:
    return [
        Article("en-fire", "en-fire.txt", ENGLISH, language="en"),
        Article("en-council", "en-council.txt", OTHER, language="en"),
        Article("ru-fire", "ru-fire.txt", RUSSIAN, language="ru"),
        Article("es-park", "es-park.txt", SPANISH, language="es"),
    ]


def _alone(articles: list[Article]) -> tuple[Story, ...]:
    return tuple(Story(f"s-{a.id}", (a.id,), title=a.id) for a in articles)


def test_a_translation_in_a_story_of_its_own_joins_the_story_it_translates() -> None:
    articles = _articles()
    joined = join_translations(_alone(articles), articles, translate=embed_multilingual)
    assert sorted(s.article_ids for s in joined) == [
        ("en-council",), ("en-fire", "ru-fire"), ("es-park",)
    ]  # fmt: skip
    [story] = [s for s in joined if "ru-fire" in s.article_ids]
    [evidence] = [e for e in story.explanation if e.kind == "translation"]
    russian, english = evidence.mentions
    assert russian.article_id == "ru-fire" and english.article_id == "en-fire"
    assert RUSSIAN[russian.start : russian.end].startswith("Пожарные")
    assert ENGLISH[english.start : english.end].startswith("Firefighters")


def test_stories_that_translate_nothing_come_back_as_they_were() -> None:
    articles = _articles()
    stories = _alone(articles)
    joined = join_translations(stories, articles, translate=embed_multilingual)
    for story in stories:
        if story.id not in ("s-en-fire", "s-ru-fire"):
            assert story in joined


def test_a_corpus_in_one_language_is_not_embedded_at_all() -> None:
    calls: list[list[str]] = []

    def recording(texts: list[str]) -> object:
        calls.append(texts)
        raise AssertionError("no embedding expected")

    articles = [a for a in _articles() if a.language == "en"]
    stories = _alone(articles)
    assert join_translations(stories, articles, translate=recording) == stories
    assert calls == []


def test_translations_far_apart_in_time_are_not_linked() -> None:
    articles = [
        Article("en-fire", "a", ENGLISH, language="en", published="2026-01-01"),
        Article("ru-fire", "b", RUSSIAN, language="ru", published="2026-06-01"),
    ]
    assert translation_links(_alone(articles), articles, translate=embed_multilingual) == []
    assert translation_links(
        _alone(articles), articles, translate=embed_multilingual, window_days=365
    )


def test_analyze_puts_a_translation_with_what_it_translates_and_aligns_them(
    tmp_path: Path,
) -> None:
    from storytrace.pipeline import analyze
    from storytrace.settings import Settings

    (tmp_path / "fire-en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "fire-ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "council-en.txt").write_text(OTHER, encoding="utf-8")
    report = analyze([str(tmp_path)], settings=Settings())
    by_source = {a.source.rsplit("/", 1)[-1]: a for a in report.articles}
    assert by_source["fire-ru.txt"].language == "ru"
    [story] = [s for s in report.stories if by_source["fire-ru.txt"].id in s.story.article_ids]
    assert by_source["fire-en.txt"].id in story.story.article_ids
    assert {p.kind for r in story.reuse for p in r.passages} == {"translation"}


COUNCIL_ES = (
    "El ayuntamiento aprobó el lunes por la tarde un nuevo presupuesto para las bibliotecas "
    "públicas.\n"
    "El plan añade dos bibliotecas móviles y amplía el horario de apertura los fines de semana.\n"
    "Los concejales dijeron que el dinero procede de ahorros en el mantenimiento de carreteras."
)


def test_two_translations_grouped_together_part_for_their_own_sources() -> None:
    articles = [
        Article("en-fire", "a", ENGLISH, language="en"),
        Article("en-council", "b", OTHER, language="en"),
        Article("en-third", "c", SPANISH.replace("El ayuntamiento", "The mayor"), language="en"),
        Article("ru-fire", "d", RUSSIAN, language="ru"),
        Article("es-council", "e", COUNCIL_ES, language="es"),
    ]
    stories = (
        Story("s-fire", ("en-fire",)),
        Story("s-council", ("en-council",)),
        Story("s-third", ("en-third",)),
        Story("s-foreign", ("es-council", "ru-fire")),
    )
    joined = join_translations(stories, articles, translate=embed_multilingual)
    assert sorted(s.article_ids for s in joined) == [
        ("en-council", "es-council"), ("en-fire", "ru-fire"), ("en-third",)
    ]  # fmt: skip


def test_a_translation_grouped_with_the_wrong_story_moves_to_what_it_translates() -> None:
    articles = _articles()
    stories = (
        Story("s-council", ("en-council", "ru-fire")),
        Story("s-fire", ("en-fire",)),
        Story("s-park", ("es-park",)),
    )
    joined = join_translations(stories, articles, translate=embed_multilingual)
    assert sorted(s.article_ids for s in joined) == [
        ("en-council",), ("en-fire", "ru-fire"), ("es-park",)
    ]  # fmt: skip


def test_a_translation_of_its_own_story_stays_there() -> None:
    articles = _articles()
    stories = (Story("s-fire", ("en-fire", "ru-fire")), Story("s-council", ("en-council",)))
    assert join_translations(stories, articles, translate=embed_multilingual) == stories


def test_candidates_beyond_the_cap_are_the_farthest_in_time() -> None:
    articles = [
        Article("en-fire", "a", ENGLISH, language="en", published="2026-01-01"),
        Article("en-council", "b", OTHER, language="en", published="2026-01-02"),
        Article("ru-fire", "c", RUSSIAN, language="ru", published="2026-01-02"),
    ]
    stories = _alone(articles)
    near = translation_links(stories, articles, translate=embed_multilingual, max_candidates=1)
    assert near == []  # only the council article, published the same day, is a candidate
    both = translation_links(stories, articles, translate=embed_multilingual, max_candidates=2)
    assert [(link.foreign_id, link.source_id) for link in both] == [("ru-fire", "en-fire")]
