"""people_world.jsonl: world leaders and officials with dated offices.

Office dates decide which office a person held at an article's publication date, so the
checks here are about dates: they parse, they are ordered, and the main offices of every
covered state are filled without long gaps and without two holders at once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from itertools import pairwise

import pytest

from marsad.knowledge import load_jsonl
from marsad.text.normalize import normalize

FILE = "people_world.jsonl"
REQUIRED = ("id", "name", "ar", "code", "offices")
# States whose four main offices must be filled over the check window (brief of the file).
STATES = ("USA", "RUS", "CHN", "GBR", "FRA", "DEU", "JPN", "IND", "ITA", "CAN", "AUS", "BRA",
          "MEX", "KOR", "IDN", "TUR", "ARG", "ZAF", "UKR", "PRK", "PAK", "AFG")
MAIN_ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")
WINDOW = (date(2015, 1, 1), date(2025, 12, 31))
MAX_GAP = timedelta(days=122)  # an interregnum or acting period may go unrecorded
MAX_OVERLAP = timedelta(days=120)  # a suspended holder and an acting one (impeachment)
SECTORS = {"GOV", "MIL", "LEG", "IGO", "NGO", "OPP", "PTY", "JUD", "REB", "REL"}
ARABIC = re.compile(r"^[\u0621-\u064A\u064B-\u0652\u0660-\u0669\u067E\u0686\u06A4\u06AF\u06CC .\-]+$")
NOW = date(2026, 12, 31)


@pytest.fixture(scope="module")
def people():
    return load_jsonl(FILE, required=REQUIRED)


def _d(value):
    return NOW if value is None else date.fromisoformat(value)


def _intervals(people, code, role):
    out = []
    for person in people:
        for office in person["offices"]:
            if office.get("code", person["code"]) == code and role in office["role"]:
                out.append((_d(office["from"]), _d(office["to"]), person["id"]))
    return sorted(out)


def holders(people, code, role, day):
    return {pid for start, end, pid in _intervals(people, code, role) if start <= day < end}


def test_file_loads_with_unique_ids(people):
    assert len(people) >= 350
    ids = [p["id"] for p in people]
    assert len(ids) == len(set(ids)), {i for i in ids if ids.count(i) > 1}
    for person in people:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", person["id"]), person["id"]


def test_names_are_arabic_and_codes_are_alpha3(people):
    for person in people:
        assert person["ar"], person["id"]
        for alias in person["ar"] + person.get("short", []):
            assert ARABIC.match(alias), (person["id"], alias)
        assert re.fullmatch(r"[A-Z]{3}", person["code"]), person["id"]


def test_office_dates_parse_and_are_ordered(people):
    for person in people:
        assert person["offices"], person["id"]
        for office in person["offices"]:
            start = date.fromisoformat(office["from"])
            assert date(1950, 1, 1) <= start <= NOW, (person["id"], office)
            if office["to"] is not None:
                assert start <= date.fromisoformat(office["to"]), (person["id"], office)
            assert office["sector"] in SECTORS, (person["id"], office)
            assert office["role"] and office["office"], (person["id"], office)


@pytest.mark.parametrize("code", STATES)
@pytest.mark.parametrize("role", MAIN_ROLES)
def test_main_offices_are_filled_without_long_gaps(people, code, role):
    intervals = [(s, e, pid) for s, e, pid in _intervals(people, code, role) if e > WINDOW[0] and s <= WINDOW[1]]
    assert intervals, f"no {role} of {code} in the window"
    covered = WINDOW[0]
    assert intervals[0][0] - covered <= MAX_GAP, (code, role, "starts late", intervals[0])
    for start, end, pid in intervals:
        assert start - covered <= MAX_GAP, (code, role, f"gap before {pid} from {covered} to {start}")
        covered = max(covered, end)
    assert covered >= WINDOW[1], (code, role, "ends early", covered)


@pytest.mark.parametrize("code", STATES)
@pytest.mark.parametrize("role", MAIN_ROLES)
def test_main_offices_have_one_holder_at_a_time(people, code, role):
    intervals = _intervals(people, code, role)
    for (_s1, e1, p1), (s2, e2, p2) in pairwise(intervals):
        if p1 != p2:
            assert min(e1, e2) - s2 <= MAX_OVERLAP, (code, role, p1, p2)
    open_now = {pid for s, e, pid in intervals if e == NOW}
    assert len(open_now) <= 1, (code, role, open_now)


def test_igo_heads_follow_each_other(people):
    by_office = defaultdict(list)
    for person in people:
        for office in person["offices"]:
            if office.get("code", person["code"]) == "IGO" and "igo_head" in office["role"]:
                title = office["office"].replace(" (acting)", "")
                by_office[title].append((_d(office["from"]), _d(office["to"]), person["id"]))
    assert len(by_office) >= 8, sorted(by_office)
    for title, intervals in by_office.items():
        intervals.sort()
        for (_s1, e1, p1), (s2, _e2, p2) in pairwise(intervals):
            assert s2 - e1 <= MAX_GAP, (title, p1, p2)
            assert e1 - s2 <= MAX_OVERLAP, (title, p1, p2)


def test_arabic_aliases_are_not_shared_unless_marked(people):
    owners = defaultdict(set)
    for person in people:
        for alias in person["ar"] + person.get("short", []):
            owners[normalize(alias)].add(person["id"])
    marked = {p["id"]: {normalize(a) for a in p.get("ambiguous", [])} for p in people}
    for alias, ids in owners.items():
        if len(ids) > 1:
            for pid in ids:
                assert alias in marked[pid], (alias, sorted(ids))


@pytest.mark.parametrize(("code", "role", "day", "expected"), [
    ("USA", "foreign_minister", "2017-06-01", "rex-tillerson"),
    ("USA", "defence_minister", "2019-05-01", "patrick-shanahan"),
    ("USA", "head_of_state", "2025-06-01", "donald-trump"),
    ("RUS", "defence_minister", "2024-06-01", "andrei-belousov"),
    ("RUS", "head_of_government", "2010-01-01", "vladimir-putin"),
    ("CHN", "foreign_minister", "2023-05-01", "qin-gang"),
    ("GBR", "foreign_minister", "2019-01-01", "jeremy-hunt"),
    ("GBR", "head_of_government", "2022-10-01", "liz-truss"),
    ("FRA", "head_of_government", "2024-10-01", "michel-barnier"),
    ("DEU", "head_of_government", "2023-01-01", "olaf-scholz"),
    ("TUR", "head_of_government", "2017-01-01", "binali-yildirim"),
    ("TUR", "head_of_government", "2020-01-01", "recep-tayyip-erdogan"),
    ("KOR", "head_of_state", "2020-01-01", "moon-jae-in"),
    ("UKR", "foreign_minister", "2022-03-01", "dmytro-kuleba"),
    ("JPN", "head_of_government", "2019-01-01", "shinzo-abe"),
])
def test_office_holder_at_date(people, code, role, day, expected):
    assert holders(people, code, role, date.fromisoformat(day)) == {expected}


def test_short_forms_are_not_someone_elses_full_name(people):
    full = defaultdict(set)
    for person in people:
        for alias in person["ar"]:
            full[normalize(alias)].add(person["id"])
    for person in people:
        for alias in person.get("short", []):
            assert full.get(normalize(alias), {person["id"]}) <= {person["id"]}, (person["id"], alias)


def test_no_clash_with_the_arab_states_file(people):
    """Both people files feed one gazetteer: ids must stay unique and names unshared across them."""
    try:
        arab = load_jsonl("people_arab.jsonl", required=REQUIRED)
    except FileNotFoundError:
        pytest.skip("people_arab.jsonl not written yet")
    assert not {p["id"] for p in arab} & {p["id"] for p in people}
    arab_names = {}
    for person in arab:
        for alias in person["ar"] + person.get("short", []):
            arab_names[normalize(alias)] = person["id"]
    for person in people:
        marked = {normalize(a) for a in person.get("ambiguous", [])}
        for alias in person["ar"] + person.get("short", []):
            key = normalize(alias)
            assert key not in arab_names or key in marked, (person["id"], alias, arab_names.get(key))


def test_offices_are_listed_in_order(people):
    # The entity layer takes the last office as the person's current one.
    for person in people:
        starts = [o["from"] for o in person["offices"]]
        assert starts == sorted(starts), person["id"]


def test_latin_forms_are_not_shared(people):
    owners = defaultdict(set)
    for person in people:
        for latin in person.get("latin", []):
            owners[latin].add(person["id"])
    assert not {k: v for k, v in owners.items() if len(v) > 1}
