"""The JSON API under /api: events, articles, actors, search and counts for charts.

Every list is capped (`MAX_PAGE`), every text parameter has a maximum length, and a value the
store cannot use (a date such as 2018-13, a search with no words, a foreign cursor) is a 422
naming the parameter, like FastAPI's own validation errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError

from marsad.store.query import GROUPS, PERIODS, EventFilter
from marsad.web import queries
from marsad.web.queries import CursorError, Sort

MAX_PAGE = 200
MAX_TEXT = 200
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
CODE_PATTERN = r"^[A-Za-z0-9_.-]{1,32}$"


def no_nul_characters(request: Request) -> None:
    """A NUL character is no text any backend stores (PostgreSQL refuses it): a 422."""
    params = [("query", k, v) for k, v in request.query_params.multi_items()]
    for where, name, value in [*params, *(("path", k, v) for k, v in request.path_params.items())]:
        if "\x00" in str(value):
            raise invalid(name, "holds a NUL character", value, where=where)


router = APIRouter(prefix="/api", dependencies=[Depends(no_nul_characters)])

Code = Annotated[str | None, Query(max_length=32, pattern=CODE_PATTERN)]
Day = Annotated[str | None, Query(max_length=10, pattern=DATE_PATTERN,
                                  description="YYYY, YYYY-MM or YYYY-MM-DD (until: the end of that period)")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Cursor = Annotated[str | None, Query(max_length=400, description="`next` of the previous page")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


def invalid(field: str, message: str, value: Any, *, where: str = "query") -> RequestValidationError:
    """A 422 naming the parameter at fault, shaped like FastAPI's own."""
    return RequestValidationError([{"type": "value_error", "loc": (where, field), "msg": message,
                                    "input": value}])


def event_filter(
    type: Annotated[list[str], Query(max_length=20, description="PLOVER event types (repeatable)")] = [],  # noqa: B006
    actor: Code = None, recipient: Code = None, country: Code = None, since: Day = None, until: Day = None,
    source: Text = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, allow_inf_nan=False)] = None,
    mode: Annotated[list[str], Query(max_length=20, description="event modes (repeatable)")] = [],  # noqa: B006
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="words the article holds")] = None,
) -> EventFilter:
    for name, values in (("type", type), ("mode", mode)):
        bad = [v for v in values if v and (len(v) > 32 or not v.replace("_", "").isalnum())]
        if bad:
            raise invalid(name, "a type or mode is letters, digits and _ (at most 32)", bad[0])
    try:  # an empty parameter (a form's blank field) filters nothing
        return EventFilter(types=[t for t in type if t], actor=actor or None, recipient=recipient or None,
                           country=country or None, since=since or None, until=until or None, source=source or None,
                           min_confidence=min_confidence, modes=[m for m in mode if m], search=q or None)
    except ValueError as exc:
        field = str(exc).split("=", 1)[0]
        raise invalid(field if field in ("since", "until") else "q", str(exc), None) from None


Filters = Annotated[EventFilter, Depends(event_filter)]


def store_of(request: Request):
    return request.app.state.readers.get()


Store = Annotated[Any, Depends(store_of)]


def answer(run: Callable[[], Any]) -> Any:
    """Run a store query; a bad cursor or a wordless search is the client's 422."""
    try:
        return run()
    except CursorError as exc:
        raise invalid("cursor", str(exc), None) from None
    except ValueError as exc:
        if str(exc).startswith("search "):
            raise invalid("q", str(exc), None) from None
        raise


@router.get("/events", summary="Events kept by the filters, one page at a time")
def list_events(store: Store, filters: Filters,
                place: Annotated[str | None, Query(max_length=MAX_TEXT, description="location name")] = None,
                sort: Literal["day", "-day", "confidence", "-confidence"] = "-day",
                cursor: Cursor = None, limit: Limit = 50) -> dict[str, Any]:
    return answer(lambda: queries.event_page(store, filters, sort=Sort.parse(sort), cursor=cursor, limit=limit,
                                             place=place))


@router.get("/events/{article_pk}/{event_id}", summary="One event, its article and every span")
def get_event(store: Store, article_pk: Annotated[int, Path(ge=1, le=2**62)],
              event_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    found = queries.event_detail(store, article_pk, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r} in article {article_pk}")
    return found


@router.get("/articles", summary="Articles by publication day")
def list_articles(store: Store, source: Text = None, since: Day = None, until: Day = None,
                  q: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
                  sort: Literal["day", "-day"] = "-day", cursor: Cursor = None, limit: Limit = 50) -> dict[str, Any]:
    filters = event_filter(source=source, since=since, until=until, q=q)
    return answer(lambda: queries.article_page(store, filters, sort=Sort.parse(sort), cursor=cursor, limit=limit))


@router.get("/articles/{article_pk}", summary="One article: its text, events, quotes, places and times")
def get_article(store: Store, article_pk: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    found = queries.article_detail(store, article_pk)
    if found is None:
        raise HTTPException(404, f"no article {article_pk}")
    return found


@router.get("/search", summary="Articles holding every word of q")
def search(store: Store, q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)],
           cursor: Cursor = None, limit: Limit = 50) -> dict[str, Any]:
    filters = event_filter(q=q)
    return answer(lambda: queries.article_page(store, filters, sort=Sort.parse("-day"), cursor=cursor, limit=limit))


@router.get("/actors", summary="Actors most widely reported first")
def list_actors(store: Store, code: Code = None,
                type: Annotated[str | None, Query(max_length=32, pattern=CODE_PATTERN)] = None,
                name: Text = None, limit: Limit = 50) -> list[dict[str, Any]]:
    return store.actors(code=code, type=type, name=name, limit=limit)


@router.get("/stats", summary="Event counts by period and group (charts)")
def stats(store: Store, filters: Filters, by: Literal[tuple(PERIODS)] = "month",  # type: ignore[valid-type]
          group: Literal[tuple(GROUPS)] = "type") -> list[dict[str, Any]]:  # type: ignore[valid-type]
    from marsad.store.query import stats as count_events

    return answer(lambda: count_events(store, filters, by=by, group=group))


@router.get("/network", summary="Who acts on whom: the heaviest actor -> recipient pairs")
def network(store: Store, filters: Filters, limit: Limit = 60) -> dict[str, Any]:
    return answer(lambda: queries.actor_network(store, filters, limit=limit))


@router.get("/map", summary="Event locations with their event counts")
def map_points(store: Store, filters: Filters, limit: Annotated[int, Query(ge=1, le=5000)] = 2000) -> list[dict]:
    return answer(lambda: queries.map_points(store, filters, limit=limit))


@router.get("/meta", summary="What the store holds: counts, event types, sources")
def meta(store: Store, request: Request) -> dict[str, Any]:
    types = [t for (t,) in store.fetch("SELECT DISTINCT type FROM events ORDER BY type")]
    sources = [s for (s,) in store.fetch("SELECT DISTINCT source FROM articles ORDER BY source LIMIT 500")]
    return dict(counts=store.counts(), types=types, sources=sources, writable=request.app.state.token is not None)
