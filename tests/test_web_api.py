"""The JSON API over a real store of written articles: filters, cursors, spans, errors, the token."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.store import Store, ingest_documents
from marsad.web import create_app
from marsad.web.summary import event_summary
from web_support import HOSTILE_TEXT, web_documents


def build_store(target: str) -> str:
    with Store(target, write=True) as store:
        ingest_documents(store, web_documents())
    return target


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    target = build_store(str(tmp_path_factory.mktemp("web") / "web.db"))
    with TestClient(create_app(target), raise_server_exceptions=False) as client:
        yield client


def all_events(client, **params) -> list[dict]:
    items, cursor = [], None
    while True:
        page = client.get("/api/events", params={**params, **({"cursor": cursor} if cursor else {})}).json()
        items += page["items"]
        cursor = page["next"]
        if not cursor:
            return items


def test_web_api_events_filters(client):
    assert len(all_events(client)) == 18
    assert {e["article_id"] for e in all_events(client, type="ASSAULT", actor="syr")} == {"w1"}
    strikes = all_events(client, type=["ASSAULT"], source="strikes", since="2018-06", until="2018-09")
    assert [e["day"] for e in strikes] == ["2018-09-15", "2018-08-15", "2018-07-15", "2018-06-15"]
    assert {e["event_id"] for e in all_events(client, recipient="JOR")} == {"EV1", "EV2"}
    assert {e["article_id"] for e in all_events(client, country="LBN")} == {"w2"}
    assert {e["article_id"] for e in all_events(client, mode="visit")} == {"w3"}
    assert {e["article_id"] for e in all_events(client, min_confidence=0.75)} == {"w1", "w2", "w4", "s10", "s11"}
    assert {e["article_id"] for e in all_events(client, q="البرلمان")} == {"w2"}
    assert {e["article_id"] for e in all_events(client, place="Idlib")} == {f"s{i}" for i in range(12)}


def test_web_api_events_cursor_pages_cover_everything_once(client):
    pages, cursor, seen = 0, None, []
    while True:
        params = {"limit": 5, "sort": "confidence", **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/events", params=params).json()
        seen += [(e["article_pk"], e["event_id"]) for e in page["items"]]
        pages, cursor = pages + 1, page["next"]
        if not cursor:
            break
    assert pages == 4 and len(seen) == len(set(seen)) == 18
    confidences = [e["confidence"] for e in all_events(client, sort="confidence")]
    assert confidences == sorted(confidences)


def test_web_api_event_summary_in_english(client):
    (event,) = all_events(client, type="ASSAULT", actor="SYR")
    assert event["summary"] == "SYR (military) ASSAULT UNK in Aleppo, 2018-03-02"
    (negated,) = all_events(client, type="AGREE")
    assert negated["summary"] == "EGY (government) AGREE [negated] JOR (government), 2019-06-02"
    assert event_summary(dict(type="PROTEST", mode="demo", actors=[], recipients=[])) == "UNK PROTEST/demo UNK"


def test_web_api_event_detail_has_every_span(client):
    (listed,) = all_events(client, type="ASSAULT", actor="SYR")
    found = client.get(listed["href"]).json()
    text = found["article"]["full_text"]
    spans = {s["label"]: text[s["start"]:s["end"]] for s in found["spans"]}
    assert spans == {"evidence": "شنت القوات السورية غارة جوية على مدينة حلب يوم الجمعة.", "trigger": "غارة جوية",
                     "actor": "القوات السورية", "recipient": "مدينة حلب", "place": "حلب", "date": "يوم الجمعة"}
    assert [e["type"] for e in found["other_events"]] == ["ACCUSE"]
    assert found["article"]["quotes"][0]["speaker"] == "المرصد"
    assert found["event"]["rule"] == "hand:assault"


def test_web_api_article_keeps_hostile_text_as_data(client):
    (event,) = all_events(client, type="COERCE")
    article = client.get(f"/api/articles/{event['article_pk']}").json()
    assert article["full_text"].endswith(HOSTILE_TEXT)
    assert [e["event_id"] for e in article["events"]] == ["EV1"]


def test_web_api_articles_search_actors_and_charts(client):
    articles = client.get("/api/articles", params={"source": "web-tests", "limit": 3}).json()
    assert [a["article_id"] for a in articles["items"]] == ["w4", "w3", "w2"] and articles["next"]
    rest = client.get("/api/articles", params={"source": "web-tests", "cursor": articles["next"]}).json()
    assert [a["article_id"] for a in rest["items"]] == ["w1"] and rest["next"] is None
    assert [a["article_id"] for a in client.get("/api/search", params={"q": "بيروت"}).json()["items"]] == ["w2"]
    assert any(a["code"] == "RUS" for a in client.get("/api/actors").json()) is False  # no entities stored
    stats = client.get("/api/stats", params={"by": "year", "type": "ASSAULT"}).json()
    assert stats == [{"period": "2018", "group": "ASSAULT", "events": 13}]
    network = client.get("/api/network").json()
    assert network["edges"][0] == {"actor": "RUS", "recipient": "SYR", "events": 12}
    points = client.get("/api/map").json()
    assert points[0] == {"name": "Idlib", "country": "SYR", "lat": 35.93, "lon": 36.63, "events": 12}
    meta = client.get("/api/meta").json()
    assert meta["counts"]["articles"] == 16 and "PROTEST" in meta["types"] and meta["writable"] is False


@pytest.mark.parametrize("path", ["/api/events/999/EV1", "/api/articles/999", "/api/events/1/EV99"])
def test_web_api_unknown_ids_404(client, path):
    response = client.get(path)
    assert response.status_code == 404 and "detail" in response.json()


@pytest.mark.parametrize(("params", "field"), [
    ({"since": "2018-13"}, "since"), ({"until": "yesterday"}, "until"), ({"limit": 100000}, "limit"),
    ({"min_confidence": 2}, "min_confidence"), ({"cursor": "bm90IGEgY3Vyc29y"}, "cursor"), ({"q": "..."}, "q"),
    ({"sort": "title"}, "sort"), ({"q": "x" * 500}, "q"), ({"actor": "S Y R"}, "actor"), ({"type": "A;B"}, "type"),
])
def test_web_api_bad_values_are_422_naming_the_field(client, params, field):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert [e["loc"][-1] for e in response.json()["detail"]] == [field]


def test_web_api_cursor_of_another_sort_is_422(client):
    cursor = client.get("/api/events", params={"limit": 2}).json()["next"]
    response = client.get("/api/events", params={"limit": 2, "sort": "confidence", "cursor": cursor})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["query", "cursor"]


def test_web_api_internal_error_is_json_with_an_id(tmp_path):
    app = create_app(str(tmp_path / "missing" / "no.db"))
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/events")
    assert response.status_code in (500, 503)
    body = response.json()
    assert body["error_id"] in body["detail"] and "Traceback" not in response.text


def test_web_api_security_headers_and_no_cors_by_default(client):
    response = client.get("/api/meta", headers={"Origin": "http://evil.example"})
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "unsafe-inline" not in response.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    assert "access-control-allow-origin" not in response.headers
    assert client.post("/api/articles", json={"id": "x", "text": "نص"}).status_code == 405


def test_web_api_cors_when_configured(client):
    app = create_app(client.app.state.readers.target, cors_origins=["http://localhost:3000"])
    with TestClient(app) as cors_client:
        response = cors_client.get("/api/meta", headers={"Origin": "http://localhost:3000"})
    assert response.headers["access-control-allow-origin"] == "http://localhost:3000"


def test_web_api_post_article_needs_the_token(tmp_path):
    target = build_store(str(tmp_path / "write.db"))
    article = {"id": "p1", "title": "قصف جديد", "text": "قصفت القوات السورية مدينة حلب يوم الاثنين.",
               "published": "2018-03-05", "source": "posted"}
    with TestClient(create_app(target, token="s3cret")) as client:
        assert client.post("/api/articles", json=article).status_code == 401
        assert client.post("/api/articles", json=article, headers={"Authorization": "Bearer nope"}).status_code == 401
        bad_date = client.post("/api/articles", json={**article, "published": "soon"},
                               headers={"Authorization": "Bearer s3cret"})
        assert bad_date.status_code == 422 and bad_date.json()["detail"][0]["loc"] == ["body", "published"]
        nul = client.post("/api/articles", json={**article, "text": "نص\x00"}, headers={"Authorization": "Bearer s3cret"})
        assert nul.status_code == 422 and nul.json()["detail"][0]["loc"] == ["body", "text"]
        created = client.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
        assert created.status_code == 201
        stored = client.get(created.json()["href"]).json()
    assert stored["article_id"] == "p1" and stored["source"] == "posted"
    assert any(e["type"] == "ASSAULT" for e in stored["events"])


def test_web_api_same_answers_over_both_backends(store_target):
    """SQLite and PostgreSQL (when a server can be had): filters, cursors, detail, charts."""
    with TestClient(create_app(build_store(store_target)), raise_server_exceptions=False) as client:
        assert len(all_events(client, limit=4)) == 18
        assert [e["day"] for e in all_events(client, type="ASSAULT", source="strikes", since="2018-11")] == [
            "2018-12-15", "2018-11-15"]
        assert {e["article_id"] for e in all_events(client, q="البرلمان", sort="-confidence")} == {"w2"}
        (event,) = all_events(client, type="ASSAULT", actor="SYR")
        assert {s["label"] for s in client.get(event["href"]).json()["spans"]} >= {"evidence", "trigger", "date"}
        assert client.get("/api/network").json()["edges"][0]["events"] == 12
        assert client.get("/api/map").json()[0]["events"] == 12
        assert client.get("/api/stats", params={"by": "year", "group": "actor"}).status_code == 200
        nul = client.get("/api/events/1/%00")
        assert nul.status_code == 422 and nul.json()["detail"][0]["loc"] == ["path", "event_id"]


@pytest.mark.parametrize("sort", ["day", "-day"])
def test_web_api_cursor_pages_pass_undated_events(store_target, sort):
    """Events with no day at all come last, in either direction, and pages still cover each once."""
    from web_support import EventSpec, document

    spec = EventSpec("PROTEST", "تظاهر", ("الطلاب", "LBN", "CVL"))
    docs = [document(f"u{i}", "مظاهرة", "تظاهر الطلاب في الساحة.", published, [spec])
            for i, published in enumerate(["2019-01-02", None, "2019-01-01", None, "2019-01-03"])]
    with Store(store_target, write=True) as store:
        ingest_documents(store, docs)
    with TestClient(create_app(store_target)) as client:
        days = [e["day"] for e in all_events(client, sort=sort, limit=1)]
    dated = ["2019-01-01", "2019-01-02", "2019-01-03"]
    assert days == (dated if sort == "day" else dated[::-1]) + [None, None]


def test_web_api_unexpected_error_is_a_json_500_with_an_id(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("marsad.web.queries.event_page", broken)
    response = client.get("/api/events")
    assert response.status_code == 500
    body = response.json()
    assert set(body) == {"detail", "error_id"} and "a bug" not in response.text
    assert body["error_id"] in caplog.text and "content-security-policy" in response.headers


def test_web_api_serve_command(tmp_path, monkeypatch, capsys):
    import uvicorn

    from marsad.cli import main

    target = build_store(str(tmp_path / "serve.db"))
    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.update(app=app, **options))
    assert main(["serve", "--db", target]) == 0
    assert (served["host"], served["port"]) == ("127.0.0.1", 8000)
    assert "post" not in served["app"].openapi()["paths"]["/api/articles"]
    assert main(["serve", "--db", target, "--token", "t", "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert "post" in served["app"].openapi()["paths"]["/api/articles"]
    assert "reachable from other machines" in capsys.readouterr().err
    assert main(["serve", "--db", target, "--port", "70000"]) == 2
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 3
    assert "E407" in capsys.readouterr().err


@pytest.mark.parametrize("path", ["/api/events", "/api/stats", "/api/network", "/api/map", "/api/articles"])
def test_web_api_blank_parameters_filter_nothing(client, path):
    """A form's blank fields (source=, q=, type=) keep every row, as if left out."""
    blank = client.get(path, params={"source": "", "q": "", **({"type": ""} if path != "/api/articles" else {})})
    assert blank.status_code == 200 and blank.json() == client.get(path).json()
