"""The web app, in process: every page and its JSON twin, errors, corrections, uploads, safety."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from storytrace import pipeline
from storytrace.models import Correction
from storytrace.store import Store
from storytrace.web import bind_warning, create_app, is_loopback, pages
from tests.handmade import fill_store, hostile_report, two_story_report
from tests.safety import assert_inert

LOCAL = ("127.0.0.1", 50000)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with Store(path) as store:
        fill_store(store, two_story_report())
    return path


@pytest.fixture
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path), base_url="http://127.0.0.1", client=LOCAL) as c:
        yield c


def _csrf(client: TestClient, path: str = "/stories") -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(path).text)
    assert found is not None
    return found.group(1)


PAGES = [
    "/stories",
    "/stories?q=fire&outlet=Wire+Agency&language=en&since=2026-03-01&until=2026-03-13",
    "/stories/s1",
    "/stories/s2",
    "/stories/s1/compare",
    "/stories/s1/compare?a=a2&b=a3",
    "/articles/a1",
    "/articles/b1",
    "/corrections",
    "/analyze",
]


@pytest.mark.parametrize("path", PAGES)
def test_web_every_page_renders_and_has_a_json_twin(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    base, _, query = path.partition("?")
    twin = client.get(base + ".json" + ("?" + query if query else ""))
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    accepted = client.get(path, headers={"accept": "application/json"})
    assert accepted.json() == twin.json()
    assert f'href="{base}.json' in page.text


@pytest.mark.parametrize(
    ("path", "build"),
    [
        ("/stories.json", lambda s: pages.story_list(s, pages.StoryQuery())),
        ("/stories/s1.json", lambda s: pages.story_page(s, "s1")),
        ("/stories/s1/compare.json", lambda s: pages.compare_page(s, "s1", None, None)),
        ("/articles/a2.json", lambda s: pages.article_page(s, "a2")),
        ("/corrections.json", pages.corrections_page),
    ],
)
def test_web_json_twin_is_the_page_record_as_json(
    client: TestClient, store_path: Path, path: str, build: Any
) -> None:
    with Store(store_path) as store:
        expected = asdict(build(store))
    assert client.get(path).json() == _jsonish(expected)


def _jsonish(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonish(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonish(v) for v in value]
    return value


def test_web_root_leads_to_the_story_list(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 302 and response.headers["location"] == "/stories"


def test_web_story_page_shows_graph_matrix_comparison_and_correction_buttons(
    client: TestClient,
) -> None:
    text = client.get("/stories/s1").text
    for needle in (
        'class="graph-svg"',
        'class="matrix"',
        "data-compare",
        'data-action="split"',
        'data-action="merge"',
        'href="/articles/a2"',
        'action="/stories/s1/compare"',
    ):
        assert needle in text


def test_web_story_list_searches_titles_text_outlets_languages_and_dates(
    client: TestClient,
) -> None:
    def ids(query: str) -> list[str]:
        return [s["id"] for s in client.get("/stories.json?" + query).json()["stories"]]

    assert ids("") == ["s2", "s1"]
    assert ids("q=harbour+reopened") == ["s2"]
    assert ids("q=Italy") == ["s1"]
    assert ids("outlet=Radio+One") == ["s1"]
    assert ids("since=2026-03-15") == ["s2"]
    assert ids("until=2026-03-13") == ["s1"]
    assert ids("language=fr") == []


def test_web_story_list_pages(store_path: Path) -> None:
    with Store(store_path) as store:
        first = pages.story_list(store, pages.StoryQuery(), per_page=1)
        second = pages.story_list(store, pages.StoryQuery(page=2), per_page=1)
    assert first.has_next and not second.has_next
    assert [s.id for s in (*first.stories, *second.stories)] == ["s2", "s1"]


@pytest.mark.parametrize(
    ("path", "status", "kind"),
    [
        ("/stories/nope.json", 404, "not_found"),
        ("/articles/nope.json", 404, "not_found"),
        ("/no/such/page.json", 404, "not_found"),
        ("/stories.json?since=yesterday", 400, "bad_request"),
        ("/stories.json?page=0", 400, "bad_request"),
        ("/stories.json?page=x", 400, "bad_request"),
        ("/stories/s1/compare.json?a=a1&b=a1", 400, "bad_request"),
        ("/stories/s1/compare.json?a=a1&b=b1", 404, "not_found"),
        ("/stories/s2/compare.json", 400, "bad_request"),
        ("/static/other.js", 404, "not_found"),
    ],
)
def test_web_errors_have_one_json_shape(
    client: TestClient, path: str, status: int, kind: str
) -> None:
    response = client.get(path, headers={"accept": "application/json"})
    assert response.status_code == status
    body = response.json()
    assert list(body) == ["error"] and set(body["error"]) == {"status", "type", "message"}
    assert body["error"]["status"] == status and body["error"]["type"] == kind
    assert body["error"]["message"]


def test_web_errors_are_pages_for_browsers(client: TestClient) -> None:
    response = client.get("/stories/nope")
    assert response.status_code == 404 and "no story with id nope" in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_web_wrong_method_is_refused_in_the_same_shape(client: TestClient) -> None:
    response = client.delete("/stories.json")
    assert response.status_code == 405
    assert response.json()["error"]["type"] == "method_not_allowed"


@pytest.mark.parametrize("path", ["/stories", "/stories.json", "/static/storytrace.css", "/nope"])
def test_web_every_response_carries_a_strict_content_security_policy(
    client: TestClient, path: str
) -> None:
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe" not in policy and "frame-ancestors 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"


def test_web_refuses_other_host_names(store_path: Path) -> None:
    with TestClient(create_app(store_path), base_url="http://evil.example", client=LOCAL) as c:
        response = c.get("/stories.json")
    assert response.status_code == 400 and "not served here" in response.json()["error"]["message"]


def test_web_serves_its_own_assets(client: TestClient) -> None:
    assert client.get("/static/storytrace.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/storytrace.css").headers["content-type"].startswith("text/css")


@pytest.fixture
def corrections(monkeypatch: pytest.MonkeyPatch) -> list[Correction]:
    applied: list[Correction] = []

    def correct(store: Store, correction: Correction) -> None:
        store.add_correction(correction)
        applied.append(correction)

    monkeypatch.setattr(pipeline, "correct", correct, raising=False)
    return applied


def test_web_merge_button_merges_the_chosen_stories(
    client: TestClient, corrections: list[Correction]
) -> None:
    response = client.post(
        "/corrections",
        data={"kind": "merge", "story_ids": ["s1", "s2"], "csrf": _csrf(client)},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/stories/s1"
    assert corrections == [Correction("merge", ("a1", "a2", "a3", "b1"))]
    assert client.get("/corrections.json").json()["corrections"][0]["kind"] == "merge"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"kind": "split", "article_ids": ["a3"]}, Correction("split", ("a3",))),
        ({"kind": "move", "article_ids": "a3", "target": "s2"}, Correction("move", ("a3",), "b1")),
        ({"kind": "move", "article_ids": "b1", "target": "a2"}, Correction("move", ("b1",), "a2")),
        ({"kind": "merge", "story_ids": ["s1"], "article_ids": ["b1"]}, None),
    ],
)
def test_web_split_and_move_buttons_call_the_pipeline(
    client: TestClient,
    corrections: list[Correction],
    fields: dict[str, Any],
    expected: Correction | None,
) -> None:
    response = client.post("/corrections.json", json=fields)
    assert response.status_code == 200, response.text
    assert response.json()["kind"] == fields["kind"]
    if expected is not None:
        assert corrections == [expected]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "swap", "article_ids": ["a1"]}, "use one of merge, split, move"),
        ({"kind": "merge", "story_ids": ["s1"]}, "at least two stories"),
        ({"kind": "split"}, "tick at least one"),
        ({"kind": "move", "article_ids": ["a1", "a2"], "target": "s2"}, "exactly one"),
        ({"kind": "move", "article_ids": ["a1"]}, "needs a target"),
        ({"kind": "move", "article_ids": ["a1"], "target": "zz"}, "no story or article"),
        ({"kind": "split", "article_ids": [1]}, "list of id strings"),
    ],
)
def test_web_bad_corrections_say_what_to_fix(
    client: TestClient, corrections: list[Correction], fields: dict[str, Any], message: str
) -> None:
    response = client.post("/corrections.json", json=fields)
    assert response.status_code in (400, 404)
    assert message in response.json()["error"]["message"]
    assert corrections == []


def test_web_forms_without_the_anti_forgery_field_are_refused(
    client: TestClient, corrections: list[Correction]
) -> None:
    response = client.post("/corrections", data={"kind": "split", "article_ids": "a1"})
    assert response.status_code == 403
    cross = client.post(
        "/corrections.json",
        json={"kind": "split", "article_ids": ["a1"]},
        headers={"origin": "http://evil.example", "sec-fetch-site": "cross-site"},
    )
    assert cross.status_code == 403 and corrections == []


def test_web_writes_from_other_machines_need_a_token(
    store_path: Path, corrections: list[Correction]
) -> None:
    fields = {"kind": "split", "article_ids": ["a1"]}
    remote = ("192.0.2.7", 50000)
    with TestClient(create_app(store_path), base_url="http://127.0.0.1", client=remote) as c:
        refused = c.post("/corrections.json", json=fields)
        assert c.get("/stories.json").status_code == 200
    assert refused.status_code == 403 and "--token" in refused.json()["error"]["message"]
    app = create_app(store_path, token="s3cret", allowed_hosts=["*"])
    with TestClient(app, base_url="http://192.0.2.1", client=remote) as c:
        assert c.post("/corrections.json", json=fields).status_code == 403
        wrong = {"authorization": "Bearer nope"}
        assert c.post("/corrections.json", json=fields, headers=wrong).status_code == 403
        right = {"authorization": "Bearer s3cret"}
        assert c.post("/corrections.json", json=fields, headers=right).status_code == 200
        assert 'name="token"' in c.get("/stories/s1").text
    assert len(corrections) == 1


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True), ("0.0.0.0", False)],
)
def test_web_knows_which_hosts_are_this_machine(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
    assert (bind_warning(host) is None) is loopback


def test_web_upload_analyses_files_into_the_store(client: TestClient, store_path: Path) -> None:
    text = (
        "Ferry strike\n\nFerry workers in Corvenna walked out on Tuesday over pay, the union said."
    )
    response = client.post(
        "/analyze.json",
        data={"csrf": _csrf(client, "/analyze"), "urls": ""},
        files=[
            ("files", ("../../ferry strike.txt", text.encode(), "text/plain")),
            ("files", ("empty.txt", b"", "text/plain")),
        ],
    )
    assert response.status_code == 200, response.text
    result = response.json()
    assert [a["title"] for a in result["articles"]] == ["Ferry strike"]
    assert [reason for _, reason in result["rejected"]] == ["empty file (0 bytes)"]
    with Store(store_path) as store:
        assert store.article(result["articles"][0]["id"]).title == "Ferry strike"
    page = client.post(
        "/analyze",
        data={"csrf": _csrf(client, "/analyze")},
        files=[("files", ("again.txt", text.encode(), "text/plain"))],
    )
    assert page.status_code == 200 and "Ferry strike" in page.text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"urls": "javascript:alert(1)"}, "not an http(s) URL"),
        ({"urls": "file:///etc/passwd"}, "not an http(s) URL"),
        ({}, "nothing to analyse"),
    ],
)
def test_web_upload_refuses_what_it_cannot_analyse(
    client: TestClient, fields: dict[str, str], message: str
) -> None:
    response = client.post("/analyze.json", data={**fields, "csrf": _csrf(client, "/analyze")})
    assert response.status_code == 400 and message in response.json()["error"]["message"]


def test_web_upload_refuses_files_over_the_size_limit(store_path: Path) -> None:
    from storytrace.settings import Settings

    app = create_app(store_path, settings=Settings(max_bytes=10))
    with TestClient(app, base_url="http://127.0.0.1", client=LOCAL) as c:
        response = c.post(
            "/analyze.json",
            headers={"x-storytrace": "1"},
            files=[("files", ("big.txt", b"x" * 100, "text/plain"))],
        )
    assert response.status_code == 413


@pytest.fixture
def hostile_client(tmp_path: Path) -> Iterator[TestClient]:
    path = tmp_path / "hostile.db"
    with Store(path) as store:
        fill_store(store, hostile_report())
    with TestClient(create_app(path), base_url="http://127.0.0.1", client=LOCAL) as c:
        yield c


@pytest.mark.parametrize(
    "path",
    [
        "/stories",
        "/stories?q=%3Cscript%3E&outlet=%3Cimg+src%3Dx%3E",
        "/stories/s1",
        "/stories/s1/compare?a=a1&b=a2",
        "/articles/a1",
        "/articles/a2",
        "/stories/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/corrections",
    ],
)
def test_web_pages_render_nothing_an_article_brings(hostile_client: TestClient, path: str) -> None:
    page = hostile_client.get(path)
    assert page.status_code in (200, 404)
    assert_inert(page.text, allowed_scripts=["/static/storytrace.js"])
    assert "<script>alert" not in page.text
