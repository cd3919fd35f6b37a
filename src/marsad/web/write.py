"""The one writing endpoint, POST /api/articles: extract an article and store it.

It is mounted only when the server has a token (`marsad serve --token`), and every request
must carry it (`Authorization: Bearer TOKEN`). Writes go one at a time through a lock, each
through its own writing connection (the store's single-writer rule).
"""

from __future__ import annotations

import secrets
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field

from marsad.model import Article, parse_published
from marsad.store import Store, ingest

MAX_ARTICLE_CHARS = 200_000

router = APIRouter(prefix="/api")


class ArticleIn(BaseModel):
    id: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS)
    title: str = Field("", max_length=2000)
    published: str | None = Field(None, max_length=40, description="YYYY-MM-DD or an ISO date-time")
    source: str = Field("api", min_length=1, max_length=200)
    url: str | None = Field(None, max_length=2000)


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    expected = request.app.state.token
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "a token is required: send Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})


class Ingester:
    """Builds the pipeline on first use and stores one article at a time."""

    def __init__(self, target: str, pipeline: Any | None = None):
        self.target, self.pipeline, self.lock = target, pipeline, threading.Lock()

    def store(self, article: Article) -> int:
        with self.lock:
            if self.pipeline is None:
                from marsad.cli import load_pipeline

                self.pipeline = load_pipeline(None)
            with Store(self.target, write=True) as store:
                ingest(store, [article], pipeline=self.pipeline)
                rows = store.fetch("SELECT pk FROM articles WHERE source = ? AND id = ?", [article.source, article.id])
        return rows[0][0]


def _invalid(field: str, message: str, value: Any) -> RequestValidationError:
    return RequestValidationError([{"type": "value_error", "loc": ("body", field), "msg": message, "input": value}])


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)],
             summary="Extract an article and store it (needs the server's token)")
def post_article(body: ArticleIn, request: Request) -> dict[str, Any]:
    for name, value in body.model_dump().items():
        if isinstance(value, str) and "\x00" in value:
            raise _invalid(name, "holds a NUL character", value)
    try:
        published = parse_published(body.published) if body.published else None
    except ValueError as exc:
        raise _invalid("published", str(exc), body.published) from None
    article = Article(id=body.id, text=body.text, title=body.title, published=published, source=body.source,
                      url=body.url)
    pk = request.app.state.ingester.store(article)
    return dict(article_pk=pk, href=f"/api/articles/{pk}")
