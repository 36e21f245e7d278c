"""The local web app: the report's views over the SQLite store, plus search,
corrections and uploads.

Built on Starlette with Jinja2 templates rendered on the server: Starlette is
small, maintained and typed, and it adds no model layer (pydantic) that the
frozen view records would duplicate. Every page is one function in
:mod:`storytrace.web.pages` (or :mod:`~storytrace.web.actions`) returning a
record; the handler renders it as HTML, or as JSON for the page's twin (the
same path ending in ``.json``, or ``Accept: application/json``). Errors have
one JSON shape::

    {"error": {"status": 404, "type": "not_found", "message": "no story with id s9 in ..."}}

Safety: every response carries a strict Content-Security-Policy (scripts and
styles only from the app itself); requests for another host name are
refused (against DNS rebinding); write actions need the form's anti-forgery
field (or a JSON body or an ``X-Storytrace`` header, which other sites
cannot send), and a token when one is set or the client is not on this
machine.
"""

from __future__ import annotations

import hmac
import json
import secrets
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, is_dataclass, replace
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from jinja2 import Environment, PackageLoader
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, MutableHeaders, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storytrace import __version__
from storytrace.errors import (
    ConfigurationError,
    InputError,
    NotFoundError,
    StoreError,
    StorytraceError,
)
from storytrace.report.templating import asset, environment
from storytrace.settings import Settings
from storytrace.store import Store
from storytrace.web import actions, pages

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
ERROR_TYPES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    500: "internal_error",
}
UPLOAD_CHUNK = 1 << 16
# Starlette's own wording for routing errors, replaced by ours.
_DEFAULT_DETAILS = {"Not Found", "Method Not Allowed"}

View = TypeVar("View")


@dataclass(frozen=True, slots=True)
class ErrorView:
    status: int
    type: str
    message: str


def error_document(status: int, message: str) -> dict[str, Any]:
    """The one JSON shape of every error the app returns."""
    kind = ERROR_TYPES.get(status, "bad_request" if status < 500 else "internal_error")
    return {"error": {"status": status, "type": kind, "message": message}}


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or address) is this machine only."""
    bare = host.strip("[]")
    return bare in LOOPBACK_HOSTS or bare.startswith("127.")


def _host_name(header: str) -> str:
    """The host of a Host header, without its port (IPv6 addresses unbracketed)."""
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def to_json(view: object) -> Any:
    """A view record as JSON-ready data: the JSON twin of the page showing it."""
    if is_dataclass(view) and not isinstance(view, type):
        return asdict(view)
    raise TypeError(f"{type(view).__name__} is not a view record")


def wants_json(request: Request) -> bool:
    """Whether the client asked for a page's JSON twin."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


class _Guard:
    """Refuses unknown Host names and adds the security headers to every response."""

    def __init__(self, app: ASGIApp, allowed_hosts: Sequence[str]) -> None:
        self.app = app
        self.allowed = {h.strip("[]").lower() for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        host = ""
        for name, value in scope.get("headers", []):
            if name == b"host":
                host = _host_name(value.decode("latin-1")).lower()
        if "*" not in self.allowed and host not in self.allowed:
            message = (
                f"host {host or '(none)'} is not served here; open the app as "
                f"http://127.0.0.1 or start it with --host {host or 'HOST'}"
            )
            response = JSONResponse(error_document(400, message), status_code=400)
            await response(scope, receive, secured)
            return
        await self.app(scope, receive, secured)


class _Site:
    """The app's handlers, sharing the store path, secrets and templates."""

    def __init__(self, store_path: Path, token: str | None, settings: Settings) -> None:
        self.store_path = store_path
        self.token = token
        self.settings = settings
        self.csrf = secrets.token_urlsafe(24)
        self.env: Environment = environment(PackageLoader("storytrace.web", "templates"))

    # Rendering

    def render(self, request: Request, template: str, view: object, status: int = 200) -> Response:
        if wants_json(request):
            return JSONResponse(to_json(view), status_code=status)
        path = request.url.path
        twin = (path.rstrip("/") or "/stories") + ".json"
        if request.url.query:
            twin += "?" + request.url.query
        html = self.env.get_template(template).render(
            page=view,
            request_path=path,
            json_href=twin,
            csrf=self.csrf,
            token_required=self.token is not None,
            version=__version__,
            article_href=article_href,
            story_href=story_href,
        )
        return HTMLResponse(html, status_code=status)

    def error(self, request: Request, status: int, message: str) -> Response:
        if wants_json(request):
            return JSONResponse(error_document(status, message), status_code=status)
        kind = error_document(status, message)["error"]["type"]
        return self.render(request, "error.html", ErrorView(status, kind, message), status)

    def read(self, work: Callable[[Store], View]) -> View:
        with Store(self.store_path) as store:
            return work(store)

    # Pages

    def stories(self, request: Request) -> Response:
        params = request.query_params
        try:
            page = int(params.get("page") or 1)
        except ValueError:
            raise ConfigurationError(
                f"page={params.get('page')!r} is not a page number; use 1, 2, ..."
            ) from None
        query = pages.StoryQuery(
            query=params.get("q") or None,
            outlet=params.get("outlet") or None,
            language=params.get("language") or None,
            since=params.get("since") or None,
            until=params.get("until") or None,
            page=page,
        )
        view = self.read(lambda store: pages.story_list(store, query))
        return self.render(request, "stories.html", view)

    def story(self, request: Request) -> Response:
        story_id = request.path_params["story_id"]
        view = self.read(lambda store: pages.story_page(store, story_id))
        return self.render(request, "story.html", view)

    def compare(self, request: Request) -> Response:
        story_id = request.path_params["story_id"]
        left, right = request.query_params.get("a"), request.query_params.get("b")
        view = self.read(lambda store: pages.compare_page(store, story_id, left, right))
        return self.render(request, "compare.html", view)

    def article(self, request: Request) -> Response:
        article_id = request.path_params["article_id"]
        view = self.read(lambda store: pages.article_page(store, article_id))
        return self.render(request, "article.html", view)

    def corrections(self, request: Request) -> Response:
        view = self.read(pages.corrections_page)
        return self.render(request, "corrections.html", view)

    def analyze_form(self, request: Request) -> Response:
        return self.render(request, "analyze.html", actions.analyze_form(self.settings))

    # Write actions

    def check_write(self, request: Request, fields: Mapping[str, Any]) -> None:
        """Refuse forged or unauthorised writes, saying how to make an allowed one."""
        site = request.headers.get("sec-fetch-site")
        origin = request.headers.get("origin")
        # A browser that hides the origin sends "null"; the form's field still has to match.
        if site in ("cross-site", "same-site") or (
            origin
            and origin != "null"
            and origin.split("://", 1)[-1] != request.headers.get("host", "")
        ):
            raise HTTPException(403, "write requests from other sites are refused")
        is_json = request.headers.get("content-type", "").startswith("application/json")
        own_form = hmac.compare_digest(str(fields.get("csrf", "")), self.csrf)
        if not (own_form or is_json or "x-storytrace" in request.headers):
            raise HTTPException(
                403,
                "this form has expired (the app restarted); reload the page and try again, or "
                "send JSON or an X-Storytrace header from scripts",
            )
        client = request.client.host if request.client else ""
        if self.token is not None:
            given = str(fields.get("token", ""))
            bearer = request.headers.get("authorization", "")
            if bearer.lower().startswith("bearer "):
                given = bearer[7:].strip()
            if not hmac.compare_digest(given, self.token):
                raise HTTPException(403, "this action needs the token given to storytrace serve")
        elif not is_loopback(client):
            raise HTTPException(
                403,
                "write actions from other machines need a token; restart with "
                "storytrace serve --token SECRET",
            )

    async def correct(self, request: Request) -> Response:
        fields = await _fields(request)
        self.check_write(request, fields)

        def work(store: Store) -> actions.CorrectionResult:
            correction = actions.correction_from_fields(
                store,
                kind=str(fields.get("kind", "")),
                story_ids=_strings(fields, "story_ids"),
                article_ids=_strings(fields, "article_ids"),
                target=str(fields["target"]) if fields.get("target") else None,
            )
            return actions.apply_correction(store, correction)

        result = await run_in_threadpool(self.read, work)
        if wants_json(request):
            return JSONResponse(to_json(result))
        where = story_href(result.story_id) if result.story_id else "/stories"
        return RedirectResponse(where, status_code=303)

    async def analyze(self, request: Request) -> Response:
        limit = self.settings.max_bytes
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > limit * 5:
            raise HTTPException(413, f"an upload may hold at most {limit * 5} bytes in all")
        async with request.form(max_files=actions.MAX_FILES, max_fields=50) as form:
            self.check_write(request, _form_fields(form))
            urls = actions.check_urls(str(form.get("urls") or ""))
            fetch = form.get("fetch") in ("on", "true", "1")
            with tempfile.TemporaryDirectory(prefix="storytrace-upload-") as folder:
                files = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
                saved = 0
                for number, upload in enumerate(files, start=1):
                    if not upload.filename:
                        continue
                    target = Path(folder) / actions.upload_name(upload.filename, number)
                    await _save(upload, target, limit)
                    saved += 1
                inputs = ([folder] if saved else []) + urls
                if not inputs:
                    raise ConfigurationError("nothing to analyse: choose files or give URLs")
                settings = replace(self.settings, fetch=fetch)
                result = await run_in_threadpool(
                    self.read,
                    lambda store: actions.analyze_inputs(store, inputs, settings=settings),
                )
        return self.render(request, "analyzed.html", result)

    # Assets

    def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        kinds = {"storytrace.css": "text/css", "storytrace.js": "text/javascript"}
        if name not in kinds:
            raise NotFoundError(f"no static file {name}")
        return Response(
            asset(name),
            media_type=kinds[name],
            headers={"cache-control": "public, max-age=300"},
        )


async def _save(upload: UploadFile, path: Path, limit: int) -> None:
    written = 0
    with path.open("wb") as out:
        while chunk := await upload.read(UPLOAD_CHUNK):
            written += len(chunk)
            if written > limit:
                raise HTTPException(
                    413,
                    f"{upload.filename} is larger than {limit} bytes; split it or raise max_bytes",
                )
            out.write(chunk)


def _form_fields(form: FormData) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key, value in form.multi_items():
        if isinstance(value, str):
            fields.setdefault(key, []).append(value)
    return {k: v[0] if len(v) == 1 else v for k, v in fields.items()}


async def _fields(request: Request) -> dict[str, Any]:
    """A write's fields, from a JSON object body or a form."""
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            body = await request.json()
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise ConfigurationError(f"the request body is not JSON: {error}") from None
        if not isinstance(body, dict):
            raise ConfigurationError("the request body must be a JSON object of fields")
        return body
    async with request.form(max_files=0, max_fields=5000) as form:
        return _form_fields(form)


def _strings(fields: Mapping[str, Any], name: str) -> list[str]:
    value = fields.get(name, [])
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) for v in values):
        raise ConfigurationError(f"{name} must be a list of id strings")
    return [v for part in values for v in part.split()]


def article_href(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def story_href(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


_STATUS = {
    NotFoundError: 404,
    ConfigurationError: 400,
    InputError: 400,
    StoreError: 500,
}


def create_app(
    store_path: str | Path,
    *,
    token: str | None = None,
    allowed_hosts: Sequence[str] | None = None,
    settings: Settings | None = None,
) -> ASGIApp:
    """The web app over the store at ``store_path`` (created if missing).

    ``token``, when given, is required by every write action; without it,
    writes are allowed from this machine only. ``allowed_hosts`` are the host
    names the app answers to (default: 127.0.0.1, localhost, ::1; ``"*"`` for
    any, when serving to other machines).

    Example: ``uvicorn.run(create_app("storytrace.db"), host="127.0.0.1", port=8000)``
    """
    path = Path(store_path)
    Store(path).close()  # fail now, with the store's message, if it is not a store
    site = _Site(path, token, settings or Settings())

    def both(path: str, endpoint: Callable[..., Any], methods: list[str]) -> list[BaseRoute]:
        return [
            Route(path + ".json", endpoint, methods=methods),
            Route(path, endpoint, methods=methods),
        ]

    routes: list[BaseRoute] = [
        Route("/", lambda request: RedirectResponse("/stories", status_code=302)),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/static/{name}", site.static),
        *both("/stories", site.stories, ["GET"]),
        *both("/stories/{story_id}/compare", site.compare, ["GET"]),
        *both("/stories/{story_id}", site.story, ["GET"]),
        *both("/articles/{article_id}", site.article, ["GET"]),
        *both("/corrections", site.corrections, ["GET"]),
        *both("/corrections", site.correct, ["POST"]),
        *both("/analyze", site.analyze_form, ["GET"]),
        *both("/analyze", site.analyze, ["POST"]),
    ]

    async def on_library_error(request: Request, error: Exception) -> Response:
        status = next((s for kind, s in _STATUS.items() if isinstance(error, kind)), 400)
        return site.error(request, status, str(error))

    async def on_http_error(request: Request, error: Exception) -> Response:
        if not isinstance(error, HTTPException):
            return site.error(request, 500, "internal error")
        messages = {404: "no such page", 405: "this page does not accept that method"}
        detail = error.detail if error.detail not in _DEFAULT_DETAILS else None
        return site.error(
            request, error.status_code, detail or messages.get(error.status_code, "error")
        )

    async def on_crash(request: Request, error: Exception) -> Response:
        return site.error(request, 500, "internal error; the server's log says more")

    app = Starlette(
        routes=routes,
        exception_handlers={
            StorytraceError: on_library_error,
            HTTPException: on_http_error,
            Exception: on_crash,
        },
    )
    return _Guard(app, allowed_hosts or LOOPBACK_HOSTS)
