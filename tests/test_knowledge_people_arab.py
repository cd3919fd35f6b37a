"""people_arab.jsonl: people of the Arab League states, Iran and Israel, with dated offices.

The entity stage uses these dates to say which office a person held on an article's
publication date, so the checks here are about dates and coverage, not about volume.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from marsad.knowledge import load_jsonl
from marsad.text.normalize import normalize

FILE = "people_arab.jsonl"
REQUIRED = ("id", "name", "ar", "code", "offices")
STATES = ("DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN "
          "ARE YEM IRN ISR").split()
SECTORS = set("GOV MIL COP JUD LEG PTY REB OPP CVL MED BUS REL IGO NGO".split())
# Office roles share people_world.jsonl's vocabulary; these are the ones the coverage checks use.
HOS, HOG, FM, DEF, CP = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister",
                         "crown_prince")
WINDOW = (dt.date(2015, 1, 1), dt.date(2025, 12, 31))
MAX_GAP = dt.timedelta(days=125)  # ~4 months: caretaker hand-overs are short
# Constitutional vacancies, during which nobody held the office (the cabinet acted collectively).
VACANCIES = {
    ("LBN", HOS): [(dt.date(2014, 5, 25), dt.date(2016, 10, 31)),
                     (dt.date(2022, 10, 31), dt.date(2025, 1, 9))],
}


@pytest.fixture(scope="module")
def people():
    return load_jsonl(FILE, required=REQUIRED)


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def test_people_load_with_required_keys_and_unique_ids(people):
    assert len(people) >= 350
    ids = [p["id"] for p in people]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_every_person_is_well_formed(people):
    for p in people:
        assert p["ar"] and all(isinstance(a, str) and a.strip() == a for a in p["ar"]), p["id"]
        assert p["code"] in set(STATES) | {"IGO", "UNK", "ESH"} or len(p["code"]) == 3, p["id"]
        assert p["offices"], p["id"]
        for o in p["offices"]:
            assert o["sector"] in SECTORS, (p["id"], o)
            assert isinstance(o["role"], list) and o["role"], (p["id"], o)
            assert all(r.islower() and " " not in r for r in o["role"]), (p["id"], o)


def test_office_dates_parse_and_start_before_end(people):
    today_bound = dt.date(2027, 1, 1)
    for p in people:
        for o in p["offices"]:
            start, end = _date(o["from"]), _date(o["to"])
            assert start is not None and start < today_bound, (p["id"], o)
            assert end is None or start <= end, (p["id"], o)


def _gaps(spans, window, vacancies):
    """Stretches of `window` covered neither by `spans` nor by a known vacancy."""
    covered = sorted(spans + vacancies)
    gaps, cursor = [], window[0]
    for start, end in covered:
        if start > cursor:
            gaps.append((cursor, min(start, window[1])))
        cursor = max(cursor, end)
        if cursor >= window[1]:
            break
    if cursor < window[1]:
        gaps.append((cursor, window[1]))
    return [g for g in gaps if g[1] - g[0] > MAX_GAP]


@pytest.mark.parametrize("role", [HOS, FM])
def test_each_state_has_a_head_of_state_and_foreign_minister_2015_2025(people, role):
    spans = defaultdict(list)
    for p in people:
        for o in p["offices"]:
            if role in o["role"]:
                code = o.get("code", p["code"])
                end = _date(o["to"]) or dt.date.max
                spans[code].append((_date(o["from"]), end))
    problems = {}
    for code in STATES:
        gaps = _gaps(spans[code], WINDOW, VACANCIES.get((code, role), []))
        if gaps:
            problems[code] = [(a.isoformat(), b.isoformat()) for a, b in gaps]
    assert not problems, f"{role} gaps longer than {MAX_GAP.days} days: {problems}"


# Overlaps that are real: an acting holder beside a formal one who was incapacitated or on leave.
KNOWN_OVERLAPS = {frozenset({"ariel-sharon", "ehud-olmert"}), frozenset({"moshe-katsav", "dalia-itzik"}),
                  frozenset({"muammar-gaddafi", "mustafa-abdul-jalil"})}


@pytest.mark.parametrize("role", [HOS, HOG, FM])
def test_recognised_offices_have_one_holder_at_a_time(people, role):
    # Rival administrations (Houthi, eastern Libya, RSF) carry rival_* roles, so they never count here.
    spans = defaultdict(list)
    for p in people:
        for o in p["offices"]:
            if role in o["role"]:
                spans[o.get("code", p["code"])].append((_date(o["from"]), _date(o["to"]) or dt.date.max, p["id"]))
    clashes = []
    for code, items in spans.items():
        items.sort()
        for i, (_s1, e1, p1) in enumerate(items):
            for s2, e2, p2 in items[i + 1:]:
                if p1 != p2 and (min(e1, e2) - s2).days > 20 and frozenset({p1, p2}) not in KNOWN_OVERLAPS:
                    clashes.append((code, p1, p2, s2.isoformat()))
    assert not clashes, clashes


def test_no_arabic_alias_is_shared_by_two_people_unless_marked_ambiguous(people):
    owners = defaultdict(set)
    for p in people:
        marked = {normalize(a).replace(" ", "") for a in p.get("ambiguous", [])}
        for alias in p["ar"] + p.get("short", []):
            key = normalize(alias).replace(" ", "")
            if key not in marked:
                owners[key].add(p["id"])
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not shared, shared


def test_aliases_are_arabic_script(people):
    for p in people:
        for alias in p["ar"] + p.get("short", []):
            assert any("\u0621" <= ch <= "\u064a" for ch in alias), (p["id"], alias)
            assert not any(ch in "پچژگکی" for ch in alias), (p["id"], alias)  # Persian letters


def test_titles_are_not_folded_into_aliases_that_exist_bare(people):
    # "الرئيس بشار الأسد" would make a match swallow the title, which belongs to the role phrase.
    titles = ("الرئيس ", "الشيخ ", "الأمير ", "الملك ", "السيد ", "الفريق ", "اللواء ", "آية الله ")
    for p in people:
        names = set(p["ar"]) | set(p.get("short", []))
        for alias in p["ar"]:
            for title in titles:
                if alias.startswith(title):
                    assert alias[len(title):] not in names, (p["id"], alias)


def test_known_office_holders_on_given_dates(people):
    by_id = {p["id"]: p for p in people}

    def holds(pid, role, day):
        day = dt.date.fromisoformat(day)
        for o in by_id[pid]["offices"]:
            end = _date(o["to"]) or dt.date.max
            if role in o["role"] and _date(o["from"]) <= day < end:
                return True
        return False

    assert holds("mohammed-bin-salman", CP, "2018-03-01")
    assert not holds("mohammed-bin-salman", HOG, "2021-01-01")
    assert holds("salman-bin-abdulaziz", HOS, "2023-05-01")
    assert holds("abbas-araghchi", FM, "2025-01-10")
    assert not holds("mohammad-javad-zarif", FM, "2022-01-10")
    assert holds("ahmed-al-sharaa", HOS, "2025-06-01")
    assert not holds("bashar-al-assad", HOS, "2025-01-01")
    assert holds("benjamin-netanyahu", HOG, "2024-01-01")
    assert not holds("benjamin-netanyahu", HOG, "2022-01-01")
    assert holds("khalid-bin-salman", DEF, "2023-01-01")
    assert not holds("mahdi-al-mashat", HOS, "2020-01-01")  # Houthi council: a rival_* role, not the state
    assert holds("rashad-al-alimi", HOS, "2023-01-01")


def test_sector_follows_the_period(people):
    by_id = {p["id"]: p for p in people}

    def sector_on(pid, day):
        day = dt.date.fromisoformat(day)
        return {o["sector"] for o in by_id[pid]["offices"]
                if _date(o["from"]) <= day < (_date(o["to"]) or dt.date.max)}

    assert sector_on("ahmed-al-sharaa", "2020-01-01") == {"REB"}
    assert "GOV" in sector_on("ahmed-al-sharaa", "2025-03-01")
    assert "MIL" in sector_on("mohamed-hamdan-dagalo", "2021-01-01")
    assert sector_on("mohamed-hamdan-dagalo", "2024-01-01") == {"REB"}


def test_alias_marked_ambiguous_is_resolved_by_office_dates(people):
    # "خامنئي" names the Supreme Leader of the day: Ali until 2026-02-28, then his son Mojtaba.
    key = normalize("خامنئي")
    sharing = [p for p in people if key in {normalize(a) for a in p.get("short", [])}]
    assert {p["id"] for p in sharing} == {"ali-khamenei", "mojtaba-khamenei"}
    assert all(key in {normalize(a) for a in p.get("ambiguous", [])} for p in sharing)

    def leader_on(day):
        day = dt.date.fromisoformat(day)
        return [p["id"] for p in sharing for o in p["offices"]
                if HOS in o["role"] and _date(o["from"]) <= day < (_date(o["to"]) or dt.date.max)]

    assert leader_on("2020-01-08") == ["ali-khamenei"]
    assert leader_on("2026-04-01") == ["mojtaba-khamenei"]
