"""In a real browser (Debian's Chromium driven by Playwright): the report and the app.

Skipped, with the reason, when /usr/bin/chromium or Playwright is missing
(CI installs both). Screenshots go to ``test-artifacts/`` (or
``$STORYTRACE_ARTIFACTS``), which git ignores.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storytrace import pipeline
from storytrace.models import Article, Correction, Report, Story, StoryAnalysis
from storytrace.report.html import write_html
from storytrace.settings import Settings
from storytrace.store import Store
from storytrace.web import create_app
from tests.handmade import demo_story, demo_story_b, fill_store, hostile_report

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).parents[1]
ARTIFACTS = Path(os.environ.get("STORYTRACE_ARTIFACTS", ROOT / "test-artifacts"))
DEMO = ROOT / "src" / "storytrace" / "demo" / "corpus"

if not CHROMIUM.exists():
    pytest.skip(
        f"browser tests need Debian's Chromium at {CHROMIUM}: apt-get install chromium",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="browser tests need Playwright: pip install -e '.[test]'"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


class Watched:
    """A page whose requests, dialogs and policy violations are recorded."""

    def __init__(self, browser: Any, *, width: int = 1280) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", self._console)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def shot(self, name: str, selector: str | None = None) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        target = self.page.locator(selector).first if selector else self.page
        kwargs = {} if selector else {"full_page": True}
        target.screenshot(path=str(ARTIFACTS / f"{name}.png"), **kwargs)

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def demo_articles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Article, ...]:
    folder = tmp_path_factory.mktemp("demo")
    with Store(folder / "demo.db") as store:
        return pipeline.analyze([str(DEMO)], settings=Settings(), store=store).articles


@pytest.fixture(scope="module")
def demo_report(demo_articles: tuple[Article, ...]) -> Report:
    stories = [demo_story(demo_articles)]
    story_b = demo_story_b(demo_articles)
    if story_b is not None:
        stories.append(story_b)
    return Report(articles=demo_articles, stories=tuple(stories))


def _pick(page: Any, side: str, outlet: str) -> None:
    select = page.locator(f'[data-compare] select[data-side="{side}"]').first
    label = next(o for o in select.locator("option").all_inner_texts() if o.startswith(outlet))
    select.select_option(label=label)


def _labels(page: Any, side: str) -> list[tuple[str, str]]:
    """The numbered passages of one column with their colours, in passage order."""
    spans = page.locator(f'[data-column="{side}"] [data-n]')
    found = [
        (spans.nth(i).get_attribute("data-n"), spans.nth(i).get_attribute("data-c"))
        for i in range(spans.count())
    ]
    return sorted(found, key=lambda item: int(item[0]))


def test_browser_demo_report_shows_graph_matrix_and_side_by_side_offline(
    browser: Any, demo_report: Report, tmp_path: Path
) -> None:
    path = write_html(demo_report, tmp_path / "demo")
    watched = Watched(browser)
    watched.page.goto(path.as_uri())
    story = watched.page.locator("#story-1")
    graph = story.locator("svg.graph-svg")
    assert graph.is_visible()
    assert graph.locator("g.node").count() == len(demo_report.stories[0].story.article_ids)
    assert (
        graph.locator("g.node.origin text.node-label").first.text_content()
        == "Meridian Press Agency"
    )
    assert graph.locator("g.edge-copy").count() == len(demo_report.stories[0].provenance)
    matrix = story.locator("table.matrix")
    assert matrix.locator("tbody tr").count() == len(demo_report.stories[0].claims)
    assert matrix.locator("td.cell-contradicted").count() >= 1
    _pick(story, "right", "WorldBrief 24")
    note = story.locator("[data-pair-note]:visible")
    assert "WorldBrief 24 shares" in note.inner_text()
    left, right = _labels(story, "left"), _labels(story, "right")
    assert len(left) >= 3 and left == right
    assert story.locator('[data-column="right"] .seg.own').count() >= 1
    assert watched.requests == [path.as_uri()]
    assert watched.dialogs == [] and watched.errors == []
    watched.shot("report-graph", "#story-1 figure.graph")
    watched.shot("report-matrix", "#story-1 table.matrix")
    watched.shot("report-side-by-side", "#story-1 [data-compare]")
    watched.shot("report-story-b", "#story-2")
    watched.page.set_viewport_size({"width": 390, "height": 844})
    watched.shot("report-phone")
    watched.page.emulate_media(media="print")
    watched.shot("report-print")
    watched.close()


def test_browser_report_runs_nothing_an_article_brings(browser: Any, tmp_path: Path) -> None:
    path = write_html(hostile_report(), tmp_path / "hostile")
    watched = Watched(browser)
    watched.page.goto(path.as_uri())
    watched.page.locator("details").evaluate_all("all => all.forEach(d => d.open = true)")
    watched.page.locator("svg.graph-svg a").first.hover()
    assert watched.page.locator("img, iframe, object, embed").count() == 0
    assert (
        watched.page.evaluate(
            "() => document.querySelectorAll('[onerror],[onload],[onclick]').length"
        )
        == 0
    )
    assert watched.dialogs == [] and watched.errors == []
    assert watched.requests == [path.as_uri()]
    watched.shot("report-hostile")
    watched.close()


def test_browser_seed_report_makes_no_network_request(
    browser: Any, seeds: Path, tmp_path: Path
) -> None:
    with Store(tmp_path / "seeds.db") as store:
        report = pipeline.analyze([str(seeds)], settings=Settings(), store=store)
    path = write_html(report, tmp_path / "seeds")
    watched = Watched(browser)
    watched.page.goto(path.as_uri())
    watched.page.wait_for_load_state("networkidle")
    assert watched.requests == [path.as_uri()]
    assert watched.errors == []
    watched.shot("report-seeds")
    watched.close()


def test_browser_seed_report_shows_one_story_its_cited_origin_and_the_discrepancy(
    browser: Any, seeds: Path, tmp_path: Path
) -> None:
    with Store(tmp_path / "seeds.db") as store:
        report = pipeline.analyze([str(seeds)], settings=Settings(), store=store)
    if not report.stories or not report.stories[0].reuse or not report.stories[0].claims:
        pytest.skip("pipeline.analyze has no reuse or claims stage yet (they come later)")
    path = write_html(report, tmp_path / "seeds")
    watched = Watched(browser)
    watched.page.goto(path.as_uri())
    story = watched.page.locator("#story-1")
    assert story.locator("details.article-block").count() == len(report.articles) == 2
    assert story.locator('[data-column="left"] [data-c]').count() >= 1
    assert story.locator('[data-column="right"] [data-c]').count() >= 1
    origins = story.locator("h3:has-text('Origin') + ul").inner_text()
    assert "Middle East Eye" in origins and "cited, not in the corpus" in origins
    discrepancies = story.locator(".discrepancy").all_inner_texts()
    assert any("France" in d and "Italy" in d for d in discrepancies)
    watched.shot("report-seeds-story")
    watched.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(path: Path) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture
def demo_server(demo_report: Report, tmp_path: Path) -> Iterator[str]:
    path = tmp_path / "app.db"
    with Store(path) as store:
        fill_store(store, demo_report)
    yield from _serve(path)


def _merge(store: Store, correction: Correction) -> None:
    """A stand-in for pipeline.correct: keeps the correction and merges the stories."""
    store.add_correction(correction)
    merged = StoryAnalysis(
        Story(id="merged", article_ids=correction.article_ids, title="Merged story")
    )
    store.save_stories([merged])


def test_browser_app_shows_a_story_and_merges_two(
    browser: Any, demo_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "correct", _merge, raising=False)
    watched = Watched(browser)
    page = watched.page
    page.goto(demo_server + "/stories")
    assert page.locator(".story-list li").count() == 2
    watched.shot("app-story-list")
    page.locator(".story-list a.title").first.click()
    assert page.locator("svg.graph-svg g.node").count() >= 2
    assert page.locator("table.matrix").is_visible()
    _pick(page, "right", "WorldBrief 24")
    assert page.locator('[data-column="right"] [data-c]').count() >= 3
    watched.shot("app-story")
    page.goto(demo_server + "/stories")
    boxes = page.locator('.story-list input[name="story_ids"]')
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.locator('button[data-action="merge"]').click()
    page.wait_for_url("**/stories/merged")
    assert page.locator("h1").inner_text() == "Merged story"
    page.goto(demo_server + "/stories")
    assert page.locator(".story-list li").count() == 1
    watched.shot("app-after-merge")
    outside = [u for u in watched.requests if not u.startswith(demo_server)]
    assert outside == [] and watched.dialogs == [] and watched.errors == []
    watched.close()


@pytest.fixture
def hostile_server(tmp_path: Path) -> Iterator[str]:
    path = tmp_path / "hostile.db"
    with Store(path) as store:
        fill_store(store, hostile_report())
    yield from _serve(path)


def test_browser_app_runs_nothing_an_article_brings(browser: Any, hostile_server: str) -> None:
    watched = Watched(browser)
    for path in ("/stories", "/stories/s1", "/stories/s1/compare?a=a1&b=a2", "/articles/a2"):
        watched.page.goto(hostile_server + path)
        watched.page.locator("details").evaluate_all("all => all.forEach(d => d.open = true)")
        assert watched.page.locator("img, iframe, object, embed").count() == 0
    watched.shot("app-hostile-article")
    assert watched.dialogs == [] and watched.errors == []
    watched.close()
