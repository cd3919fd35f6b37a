"""Shared by the web tests: Arabic articles written for them, their findings built by hand (so
every count and span is known), a store holding them, and a live server on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from marsad.model import (
    Actor,
    Article,
    Attribution,
    Document,
    Event,
    Location,
    Provenance,
    Quote,
    Sentence,
    Span,
    TimeExpression,
)

HOSTILE_TITLE = "بيان <script>window.__pwned=1</script> الشرطة"
HOSTILE_TEXT = ('قالت الشرطة <img src=x onerror="window.__pwned=2"> إنها اعتقلت خمسة أشخاص في بغداد '
                "\u202eنص معكوس\u202c بعد اشتباكات قرب السوق.")
PLACES = {"حلب": ("Aleppo", "SYR", 36.2, 37.16), "بيروت": ("Beirut", "LBN", 33.89, 35.5),
          "عمّان": ("Amman", "JOR", 31.95, 35.93), "بغداد": ("Baghdad", "IRQ", 33.34, 44.4),
          "إدلب": ("Idlib", "SYR", 35.93, 36.63), "دمشق": ("Damascus", "SYR", 33.51, 36.29)}


@dataclass
class EventSpec:
    """An event as words of the article: (words, code, sector) parties, trigger, place, date."""

    type: str
    trigger: str
    actor: tuple[str, str | None, str | None]
    recipient: tuple[str, str | None, str | None] | None = None
    place: str | None = None
    date: tuple[str, str] | None = None  # (words, YYYY-MM-DD)
    mode: str | None = None
    confidence: float = 0.9
    flags: dict[str, bool] = field(default_factory=dict)


def _span(full: str, words: str, after: int = 0) -> Span:
    start = full.index(words, after)
    return Span(start, start + len(words), words)


def _sentence_of(full: str, at: int) -> Sentence:
    """The sentence around offset `at`: from after ". " or a newline to the next ". " or the end."""
    start = max(full.rfind(". ", 0, at) + 2, full.rfind("\n", 0, at) + 1, 0)
    end = full.find(". ", at)
    return Sentence(start, len(full) if end < 0 else end + 1)


def _party(full: str, spec: tuple[str, str | None, str | None], after: int) -> Actor:
    words, code, sector = spec
    span = _span(full, words, after)
    return Actor(code=code, name="", sector=sector, text=words,
                 start=span.start, end=span.end)


def build_event(full: str, number: int, spec: EventSpec) -> tuple[Event, TimeExpression | None]:
    trigger = _span(full, spec.trigger)
    sentence = _sentence_of(full, trigger.start)
    location = time = None
    if spec.place:
        name, country, lat, lon = PLACES[spec.place]
        span = _span(full, spec.place, sentence.start)
        location = Location(name=name, country=country, lat=lat, lon=lon, text=spec.place, start=span.start,
                            end=span.end)
    if spec.date:
        span = _span(full, spec.date[0], sentence.start)
        time = TimeExpression(span.start, span.end, span.text, spec.date[1], "day")
    event = Event(
        id=f"EV{number}", type=spec.type, actor=[_party(full, spec.actor, sentence.start)],
        recipient=[_party(full, spec.recipient, sentence.start)] if spec.recipient else [],
        evidence=Span(sentence.start, sentence.end, full[sentence.start:sentence.end]), sentence=sentence,
        trigger=trigger, mode=spec.mode, location=location, date=spec.date[1] if spec.date else None,
        date_text=spec.date[0] if spec.date else None, rule=f"hand:{spec.type.lower()}",
        confidence=spec.confidence, **spec.flags)
    return event, time


def document(article_id: str, title: str, text: str, published: str, events: list[EventSpec], *,
             quotes: list[tuple[str, str]] = (), source: str = "web-tests") -> Document:
    """`quotes` are (quoted words, speaker words) pairs of the text."""
    article = Article(id=article_id, title=title, text=text, published=published, source=source)
    full = article.full_text
    built = [build_event(full, i, spec) for i, spec in enumerate(events, 1)]
    quote_records = []
    for i, (words, speaker) in enumerate(quotes, 1):
        span, who = _span(full, words), _span(full, speaker)
        quote_records.append(Quote(id=f"Q{i}", start=span.start, end=span.end, text=words, verb="قال",
                                   speaker=Attribution(name=speaker, text=speaker, start=who.start, end=who.end)))
    return Document(article=article, events=[e for e, _ in built], quotes=quote_records,
                    times=[t for _, t in built if t], sentences=[Sentence(0, len(full))],
                    provenance=Provenance(marsad="test", knowledge="hand", stages=["hand"]))


def web_documents() -> list[Document]:
    """Four written articles (one hostile) and twelve short strike reports from Idlib."""
    docs = [
        document("w1", "غارة على حلب", "شنت القوات السورية غارة جوية على مدينة حلب يوم الجمعة. "
                 "وقال المرصد إن الغارة أسفرت عن سقوط ضحايا. واتهمت المعارضة الحكومة بقصف المدنيين.",
                 "2018-03-04",
                 [EventSpec("ASSAULT", "غارة جوية", ("القوات السورية", "SYR", "MIL"), ("مدينة حلب", None, None),
                            place="حلب", date=("يوم الجمعة", "2018-03-02")),
                  EventSpec("ACCUSE", "واتهمت", ("المعارضة", "SYR", "OPP"), ("الحكومة", "SYR", "GOV"),
                            confidence=0.7)],
                 quotes=[("إن الغارة أسفرت عن سقوط ضحايا", "المرصد")]),
        document("w2", "مظاهرة في بيروت", "تظاهر مئات الطلاب اللبنانيين أمام مبنى البرلمان في بيروت أمس "
                 "احتجاجا على رفع الرسوم الجامعية.", "2019-05-10",
                 [EventSpec("PROTEST", "تظاهر", ("الطلاب اللبنانيين", "LBN", "CVL"), ("البرلمان", "LBN", "LEG"),
                            place="بيروت", mode="demo", date=("أمس", "2019-05-09"))]),
        document("w3", "وزير الخارجية المصري في عمّان", "وصل وزير الخارجية المصري إلى عمّان يوم الأحد والتقى "
                 "نظيره الأردني لبحث الأوضاع في المنطقة. ولم يوقع الجانبان أي اتفاق.", "2019-06-02",
                 [EventSpec("CONSULT", "والتقى", ("وزير الخارجية المصري", "EGY", "GOV"), ("نظيره الأردني", "JOR", "GOV"),
                            place="عمّان", mode="visit", confidence=0.6),
                  EventSpec("AGREE", "يوقع", ("الجانبان", "EGY", "GOV"), ("الجانبان", "JOR", "GOV"),
                            confidence=0.5, flags={"negated": True})]),
        document("w4", HOSTILE_TITLE, HOSTILE_TEXT, "2019-07-01",
                 [EventSpec("COERCE", "اعتقلت", ("الشرطة", "IRQ", "COP"), ("خمسة أشخاص", None, None),
                            place="بغداد", mode="arrest")]),
    ]
    towns = ["سراقب", "معرة النعمان", "أريحا", "جسر الشغور", "خان شيخون", "كفرنبل"]
    for i in range(12):
        town = towns[i % len(towns)]
        docs.append(document(f"s{i}", f"قصف على {town}", f"قصفت الطائرات الروسية بلدة {town} في ريف إدلب "
                             f"وأصيب {i + 2} مدنيين.", f"2018-{1 + i % 12:02d}-15",
                             [EventSpec("ASSAULT", "قصفت", ("الطائرات الروسية", "RUS", "MIL"), (town, "SYR", None),
                                        place="إدلب", confidence=0.5 + i / 40)], source="strikes"))
    return docs


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def live_server(app):
    """Serve `app` with uvicorn on a free 127.0.0.1 port in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
