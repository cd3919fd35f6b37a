"""The parties of an event the reporting rules read (`marsad.events.stage`), once the grammar has
given what it can: the nearest other party as a guessed recipient, the story's country for unnamed
forces and crowds, the defaults by type, one party never on both sides, a city never the
recipient of its own government's words; and two tellings of one event in a sentence made one.
"""

from __future__ import annotations

from marsad.events import concrete
from marsad.events.arguments import Args
from marsad.events.clauses import Clause
from marsad.events.matcher import Hit
from marsad.events.parties import Party
from marsad.model import RECIPROCAL_TYPES, Actor, Document, Event, Span
from marsad.text import normalize

_WHERE = frozenset(normalize(w) for w in ("في", "أمام", "قرب", "داخل", "عند", "خارج", "حول"))
# Default parties by type when the text names none (see GOLD.md: unnamed kidnappers are UNK).
DEFAULT_ACTOR = {"ASSAULT": ("UNK", None), "PROTEST": ("HOME", "CVL"), "COERCE": ("HOME", "GOV")}
DEFAULT_RECIPIENT = {"COERCE": ("HOME", "CVL"), "ASSAULT": ("HOME", "CVL"), "PROTEST": ("HOME", "GOV")}


def one_side(ev: Event, home: str | None, nominal: bool) -> None:
    """A party is never on both sides of one event: the recipient of a verbal noun (اتهامه:
    accusing him) and the actor of a verb keep it."""
    both = {a.entity for a in ev.actor if a.entity} & {r.entity for r in ev.recipient if r.entity}
    if not both:
        return
    if nominal:
        ev.actor = [a for a in ev.actor if a.entity not in both] or [Actor(code=home or "UNK")]
    else:
        ev.recipient = [r for r in ev.recipient if r.entity not in both]


def dedupe_sentence(events: list[Event]) -> list[Event]:
    """Two triggers of one type in a sentence (هجوم ... أسفر عن مقتل) are usually one event;
    not when both name their parties through different rules (فرض عقوبات / انسحاب من)."""
    out: list[Event] = []
    for ev in events:
        same = next((o for o in out if o.type == ev.type and o.negated == ev.negated and
                     o.hypothetical == ev.hypothetical and
                     (o.rule == ev.rule or not (o.actor and o.recipient) or not (ev.actor and ev.recipient))),
                    None)
        if same is None:
            out.append(ev)
            continue
        a, b = {x.code for x in same.actor}, {x.code for x in ev.actor}
        if a and b and not a & b and a != {"UNK"} and b != {"UNK"}:
            out.append(ev)
            continue
        if same.evidence.start != ev.evidence.start and names_a_party(same) and names_a_party(ev) and \
                not ({x.code for x in same.actor if x.text} & {x.code for x in ev.actor if x.text}):
            out.append(ev)  # هجوم أسفر عن مقتل العشرات، وأدى إلى توجيه واشنطن ضربات: two attacks
            continue
        if ev.type in RECIPROCAL_TYPES and len(a) > 1 and len(b) > 1 and a != b:
            out.append(ev)  # اتصل بالرئيس الصيني الذي التقى بكيم: two meetings, one side shared
            continue
        # the second mention fills what the first lacked
        if (not same.actor or a == {"UNK"}) and ev.actor:
            same.actor = ev.actor
        if not same.recipient and ev.recipient:
            same.recipient = ev.recipient
        # One telling's victim may be the other's doer word (أصيبوا في هجوم انتحاري): the same
        # words are never both sides of one event; they stay the doer.
        doers = {(x.start, x.end) for x in same.actor if x.text}
        same.recipient = [r for r in same.recipient if not r.text or (r.start, r.end) not in doers]
        same.also.append(Span(ev.evidence.start, ev.evidence.end, ev.evidence.text))
    return out


def names_a_party(ev: Event) -> bool:
    """The event names a party of its own (not one filled in from context)."""
    return any(a.text for a in ev.actor + ev.recipient)


def nearby_recipient(args: Args, parties: list[Party], hit: Hit, clauses: list[Clause], k: int,
                      speaker: list[Party] = ()) -> list[Party]:
    """No recipient named by the grammar: the nearest other party of the clause, after the
    trigger first (انتقد ... السياسة الإسرائيلية), then in the relative clause that describes
    its object (إزاء العنف الذي يمارسه النظام), then in the clauses before. Never a party of
    the actor's own country: that is the actor's side; never the one who reports the event
    (قال بولتون إن الشركات ستدعم ...): he tells it, it is not done to him. A guess: the
    confidence says so."""
    clause = clauses[k]
    taken = {id(p) for p in args.actors} | {id(p) for p in speaker}
    told_by = {p.entity for p in speaker if p.entity}
    codes = {p.code for p in args.actors if p.code and p.code != "UNK"}
    cands = [p for p in parties if id(p) not in taken and p.is_actor and p.prep not in ("agent", "source")
             and p.sector != "MED" and p.prep not in _WHERE  # في عدن، أمام البرلمان: where, not whom
             and (not p.code or p.code not in codes or p.type != "GPE")
             and (p.entity is None or p.entity not in told_by)]
    here = [p for p in cands if clause.first <= p.first < clause.last]
    after = [p for p in here if p.first > hit.last]
    before = [p for p in here if p.last < hit.first]
    pick = after[0] if after else (before[-1] if before else None)
    if pick is None and k + 1 < len(clauses) and clauses[k + 1].kind == "relative":
        nxt = clauses[k + 1]
        pick = next((p for p in cands if nxt.first <= p.first < nxt.last), None)
    if pick is None:  # the rest of the sentence: the clause before (إجراءات تسليمه التي طالبت بها أنقرة)
        before = [p for p in cands if p.last < clause.first]
        pick = before[-1] if before else None
    return [pick] if pick else []


def same_party(p: Party, actors: list[Party]) -> bool:
    return any(a is p for a in actors)


def unique(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        key = (a.code, a.sector, a.entity, a.start)
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out


def fill_codes(actors: list[Actor], home: str | None, people: bool = False) -> None:
    """Unnamed groups (السلطات، قوات الأمن) belong to the story's country; a person or body the
    entity stage could not place stays UNK (`people`: named ones take `home` too, when given)."""
    for a in actors:
        if a.code:
            continue
        if people:
            a.code = home or ""
            continue
        a.code = (home or "UNK") if a.entity is None else "UNK"


def default_party(spec: tuple[str, str | None], home: str | None) -> Actor:
    code, sector = spec
    return Actor(code=home or "" if code == "HOME" else code, sector=sector)


def drop_own_city(doc: Document, ev: Event) -> None:
    """مصر تستضيف ... القاهرة ستستضيف: a city standing for its own country's government is
    the actor's side, not a recipient of its words or meetings (a place attacked or raided
    stays a target)."""
    if ev.type in concrete.MATERIAL_TYPES or ev.type == "COERCE" or not ev.recipient:
        return
    own = {a.code for a in ev.actor if a.code and a.code != "UNK"}
    if not own:
        return
    cities = {p.entity for p in doc.places if p.feature_code and not p.feature_code.startswith("PCL")}
    ev.recipient = [r for r in ev.recipient if not (r.code in own and r.entity in cities)]
