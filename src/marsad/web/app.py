"""The FastAPI application: the JSON API, the web pages and their assets, all from one process.

    app = create_app("marsad.db")                       # read-only, no CORS
    app = create_app(url, token="s3cret", cors_origins=["http://localhost:3000"])

Every page, script, style, map layer and the API docs (Swagger UI, from the files the
fastapi-swagger package ships) is served from the installed packages: nothing is fetched from
elsewhere. Responses carry a Content-Security-Policy allowing scripts from this origin only. An unexpected error is
logged with an id and answered as JSON {"detail", "error_id"} with status 500, never a traceback.
"""

from __future__ import annotations

import logging
import threading
import uuid
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from marsad.errors import StoreError
from marsad.store import Store
from marsad.web import api, write

log = logging.getLogger("marsad.web")

STATIC = resources.files("marsad.web") / "static"
PAGES = {"/": "index.html", "/event": "event.html", "/map": "map.html", "/charts": "charts.html",
         "/docs": "docs.html"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI sets style attributes on its elements: the docs page alone allows inline styles.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class Readers:
    """One read-only store connection per worker thread, all closed together."""

    def __init__(self, target: str):
        self.target = target
        self.local = threading.local()
        self.opened: list[Store] = []
        self.lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = Store(self.target)
            with self.lock:
                self.opened.append(store)
        return store

    def close(self) -> None:
        with self.lock:
            for store in self.opened:
                store.close()
            self.opened.clear()


def create_app(target: str, *, token: str | None = None, cors_origins: list[str] | tuple[str, ...] = (),
               pipeline: Any | None = None) -> FastAPI:
    """The app over the store at `target`; `token` adds POST /api/articles (which requires it);
    `pipeline` is what that endpoint extracts with (default: the full pipeline, built on first use)."""
    from marsad import __version__

    app = FastAPI(title="marsad", version=__version__, docs_url=None, redoc_url=None,
                  description="PLOVER events read from Arabic news, each with the words that state it.")
    app.state.readers = Readers(target)
    app.state.token = token
    app.include_router(api.router)
    if token:
        app.state.ingester = write.Ingester(target, pipeline)
        app.include_router(write.router)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    _add_pages(app)
    _add_error_handlers(app)
    app.middleware("http")(_security_headers)
    app.router.add_event_handler("shutdown", app.state.readers.close)
    return app


def _add_pages(app: FastAPI) -> None:
    swagger = resources.files("fastapi_swagger") / "resources"
    app.mount("/static/swagger", StaticFiles(directory=str(swagger)), name="swagger")
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for path, name in PAGES.items():
        app.add_api_route(path, _page(name), methods=["GET"], include_in_schema=False)
    app.add_api_route("/index.html", lambda: RedirectResponse("/"), include_in_schema=False)


def _page(name: str):
    def page() -> FileResponse:
        return FileResponse(str(STATIC / name), media_type="text/html; charset=utf-8")

    page.__name__ = f"page_{name.split('.')[0]}"
    return page


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StoreError)
    async def store_unavailable(request: Request, exc: StoreError) -> JSONResponse:
        return _error_response(request, exc, 503, "the store could not be read")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        return _error_response(request, exc, 500, "internal error")


def _error_response(request: Request, exc: BaseException, status: int, detail: str) -> JSONResponse:
    error_id = uuid.uuid4().hex[:12]
    log.error("error %s on %s %s", error_id, request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": f"{detail}; quote error id {error_id} when reporting it", "error_id": error_id},
                        status_code=status, headers=_headers(request.url.path))


def _headers(path: str) -> dict[str, str]:
    return {"Content-Security-Policy": DOCS_CSP if path.startswith(("/docs", "/static/swagger")) else CSP,
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}


async def _security_headers(request: Request, call_next):
    response = await call_next(request)
    response.headers.update(_headers(request.url.path))
    return response
