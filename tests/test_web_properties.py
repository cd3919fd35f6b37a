"""Property-based: for every GET endpoint in the app's own OpenAPI schema, query parameters (and
path parameters) drawn by hypothesis, valid and not, never bring a 5xx: each answer is a 2xx,
a 404 or a 422 with a JSON body."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.store import Store, ingest_documents
from marsad.web import create_app
from web_support import web_documents

# Text that reaches the store: Arabic words, dates, codes, SQL and markup fragments, controls.
PIECES = st.sampled_from(["حلب", "بيروت", "و", "2018", "2018-03", "2019-13-01", "SYR", "ASSAULT", "-day",
                          "' OR 1=1 --", "%", "_", "\\", "<script>", "\u202e", "\x00", "NaN", "-1", "1e309",
                          "0.5", "", " ", "*", "\"", "day"])
TEXT = st.one_of(st.text(max_size=40), st.lists(PIECES, max_size=4).map(" ".join), PIECES)
VALUE = st.one_of(TEXT, st.integers(-10**12, 10**12).map(str), st.floats(allow_nan=True).map(str))


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    target = str(tmp_path_factory.mktemp("props") / "web.db")
    with Store(target, write=True) as store:
        ingest_documents(store, web_documents())
    with TestClient(create_app(target), raise_server_exceptions=False) as client:
        yield client


def get_operations() -> list[tuple[str, list[dict]]]:
    schema = create_app(":memory:").openapi()
    return [(path, item["get"].get("parameters", [])) for path, item in sorted(schema["paths"].items())
            if "get" in item]


def parameter_values(parameter: dict) -> st.SearchStrategy:
    enum = parameter.get("schema", {}).get("enum")
    choices = [st.sampled_from(enum)] if enum else []
    return st.one_of(*choices, VALUE)


@pytest.mark.parametrize(("path", "parameters"), get_operations(), ids=[p for p, _ in get_operations()])
def test_web_properties_no_5xx_for_any_query(client, path, parameters):
    drawn = st.fixed_dictionaries({}, optional={p["name"]: parameter_values(p) for p in parameters})

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(values=drawn)
    def check(values):
        url = path
        for p in parameters:
            if p["in"] == "path":
                segment = quote(values.get(p["name"]) or "1", safe="")
                url = url.replace("{" + p["name"] + "}", "x" if segment in (".", "..") else segment)
        query = {p["name"]: values[p["name"]] for p in parameters if p["in"] == "query" and p["name"] in values}
        response = client.get(url, params=query)
        assert response.status_code < 500, (url, query, response.text)
        assert response.status_code in (200, 404, 422) and response.headers["content-type"].startswith(
            "application/json"), (url, query, response.status_code)

    check()
