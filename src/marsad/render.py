"""A readable terminal summary of a Document: entities, events, quotes, times, places.

Arabic runs are wrapped in Unicode bidi isolates (RLI U+2067 … PDI U+2069), so a line mixing
English labels with Arabic text displays in the right order in a bidi-aware terminal, and
column widths ignore the isolates and diacritics. Works with whatever the Document holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from marsad.model import Actor, Attribution, Document, Entity, Event

RLI, PDI = "\u2067", "\u2069"
_AR = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
# An Arabic run: Arabic letters, with the spaces, digits and punctuation between them.
_ARABIC_RUN_RE = re.compile(rf"[{_AR}]+(?:[\s\d.,:;!?()«»\"'\-–—/%]*[{_AR}]+)*")
_MAX_CELL = 48
_MAX_QUOTE = 200


_CLOSERS = {"(": ")", "«": "»", "[": "]"}


def isolate_arabic(text: str) -> str:
    """Wrap each run of Arabic in RLI … PDI so it displays right-to-left inside a LTR line.
    A bracket opened inside a run is closed inside it too: (تاس) stays one piece."""
    out: list[str] = []
    pos = 0
    for m in _ARABIC_RUN_RE.finditer(text):
        if m.start() < pos:
            continue
        end = m.end()
        run = m.group()
        for opener, closer in _CLOSERS.items():
            if run.count(opener) > run.count(closer) and text.startswith(closer, end):
                end += 1
        out.append(text[pos:m.start()] + RLI + text[m.start():end] + PDI)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def display_width(text: str) -> int:
    """Terminal columns: combining marks and format controls take none, wide characters two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def format_table(headers: Sequence[str], rows: Iterable[Sequence[str]], indent: str = "  ") -> str:
    """Columns padded by display width; cells are clipped and their Arabic isolated."""
    cells = [[isolate_arabic(_clip(c, _MAX_CELL)) for c in row] for row in rows]
    widths = [display_width(h) for h in headers]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], display_width(c))
    lines = [indent + "  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append(indent + "  ".join("-" * w for w in widths))
    lines += [indent + "  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip()
              for row in cells]
    return "\n".join(lines)


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """English name for an ISO alpha-3 code (via Babel's CLDR data); the code itself otherwise."""
    if not code:
        return "?"
    try:
        from babel import Locale
        from babel.core import get_global

        alpha2 = (get_global("territory_aliases").get(code) or [None])[0]
        name = Locale("en").territories.get(alpha2) if alpha2 else None
    except Exception:  # noqa: BLE001 - a display nicety, never a failure
        name = None
    return name or code


def _how(ent: Entity) -> str:
    counts = Counter(m.how for m in ent.mentions) or Counter({ent.how: 1})
    return ", ".join(f"{how}×{n}" if n > 1 else how for how, n in counts.most_common())


def _code_sector(ent: Entity) -> str:
    parts = [p for p in (ent.code, ent.sector) if p]
    if ent.office:
        parts.append(ent.office)
    return " / ".join(parts)


def render_entities(doc: Document) -> str:
    if not doc.entities:
        return "Entities: none"
    rows = [(e.type, e.text, e.name or "", _code_sector(e), str(len(e.mentions) or 1), _how(e))
            for e in doc.entities]
    return f"Entities ({len(doc.entities)}):\n" + format_table(
        ("type", "surface", "name", "code/sector", "n", "how found"), rows)


def actor_label(actor: Actor) -> str:
    """'Russia (Sergey Lavrov)': the state or body, then the person or role when there is one."""
    who = country_name(actor.code) if actor.code not in ("IGO", "NGO", "UNK") else ""
    name = actor.name or actor.text
    if who and name and name != who:
        return f"{who} ({name})"
    return who or name or actor.code or "?"


def event_summary(event: Event) -> str:
    """One line: 'Russia (Sergey Lavrov) ACCUSE → United States, South Korea, Japan'."""
    actors = ", ".join(actor_label(a) for a in event.actor) or "?"
    line = f"{actors} {event.type}"
    if event.recipient:
        line += " → " + ", ".join(actor_label(a) for a in event.recipient)
    return line


def _flags(event: Event) -> str:
    flags = [name for name in ("negated", "hypothetical", "historical", "future") if getattr(event, name)]
    return f" [{', '.join(flags)}]" if flags else ""


def _span_text(doc: Document, start: int | None, end: int | None, fallback: str = "") -> str:
    if fallback:
        return fallback
    if start is None or end is None:
        return ""
    return doc.text[start:end]


def render_events(doc: Document) -> str:
    if not doc.events:
        return "Events: none"
    lines = [f"Events ({len(doc.events)}):"]
    for ev in doc.events:
        extra = []
        if ev.date:
            extra.append(ev.date)
        if ev.location:
            extra.append(ev.location.name)
        if ev.mode:
            extra.append(f"mode {ev.mode}")
        tail = f"  ({'; '.join(extra)})" if extra else ""
        lines.append(f"  {ev.id}  {event_summary(ev)}{_flags(ev)}  conf {ev.confidence:.2f}{tail}")
        evidence = _span_text(doc, ev.evidence.start, ev.evidence.end, ev.evidence.text)
        lines.append(f"      evidence: {isolate_arabic(_clip(evidence, _MAX_QUOTE))}")
        if ev.reported_by:
            lines.append(f"      reported by: {actor_label(ev.reported_by)}")
    return "\n".join(lines)


def _attribution(a: Attribution | None) -> str:
    if a is None:
        return "—"
    if a.name and a.text and a.name != a.text:
        return f"{a.name} ({a.text})"
    return a.name or a.text


def render_quotes(doc: Document) -> str:
    if not doc.quotes:
        return "Quotes: none"
    lines = [f"Quotes ({len(doc.quotes)}):"]
    for q in doc.quotes:
        head = f"  {q.id}  speaker: {_attribution(q.speaker)}"
        if q.via:
            head += f"  via: {_attribution(q.via)}"
        lines.append(isolate_arabic(head) + f"  conf {q.confidence:.2f}")
        text = _span_text(doc, q.start, q.end, q.text)
        lines.append(f"      «{isolate_arabic(_clip(text, _MAX_QUOTE))}»")
    return "\n".join(lines)


def render_times(doc: Document) -> str:
    if not doc.times:
        return "Times: none"
    rows = [(t.text, t.value or "unresolved", t.granularity or "") for t in doc.times]
    return f"Times ({len(doc.times)}):\n" + format_table(("surface", "value", "granularity"), rows)


def render_places(doc: Document) -> str:
    if not doc.places:
        return "Places: none"
    rows = [(p.text, p.name, p.country or "", f"{p.lat:.3f}, {p.lon:.3f}" if p.lat is not None
             and p.lon is not None else "", str(p.geonameid or "")) for p in doc.places]
    return f"Places ({len(doc.places)}):\n" + format_table(
        ("surface", "name", "country", "lat, lon", "geonameid"), rows)


def render_header(doc: Document) -> str:
    art = doc.article
    lines = [f"== {art.id}" + (f"  {isolate_arabic(art.title)}" if art.title else "")]
    meta = [m for m in (art.published.isoformat() if art.published else "", art.source or "") if m]
    if doc.dateline:
        meta.append(f"dateline: {isolate_arabic(doc.dateline.text)}")
    if meta:
        lines.append("   " + " | ".join(meta))
    lines.append(f"   {len(doc.sentences)} sentences, {len(doc.text)} characters")
    for err in doc.errors:
        lines.append(f"   ERROR {err.code} ({err.stage or 'pipeline'}): {err.message}")
    return "\n".join(lines)


def render_table(doc: Document) -> str:
    """The whole summary of one Document, as terminal text."""
    parts = [render_header(doc)]
    if doc.errors and not doc.text:
        return parts[0]
    parts += [render_entities(doc), render_events(doc), render_quotes(doc), render_times(doc),
              render_places(doc)]
    return "\n".join(parts) + "\n"
