"""An event in one English line, for lists: "SYR (military) ASSAULT UNK in Aleppo, 2018-03-02".

Parties are written by code (their name when they have no code; UNK when none is known), with
their sector in words; modality flags go in brackets after the type.
"""

from __future__ import annotations

from typing import Any

SECTORS = {
    "GOV": "government", "MIL": "military", "REB": "rebels", "IGO": "intergovernmental", "OPP": "opposition",
    "CVL": "civilians", "COP": "police", "PTY": "party", "MED": "media", "LEG": "legislature",
    "JUD": "judiciary", "BUS": "business", "NGO": "NGO", "REL": "religious", "UAF": "armed group",
}
FLAGS = ("negated", "hypothetical", "historical", "future")


def party_label(party: dict[str, Any]) -> str:
    name = party.get("code") or party.get("name") or "UNK"
    sector = party.get("sector")
    return f"{name} ({SECTORS.get(sector, sector.lower())})" if sector else name


def parties_label(parties: list[dict[str, Any]]) -> str:
    labels = list(dict.fromkeys(party_label(p) for p in parties))
    return " + ".join(labels) if labels else "UNK"


def event_summary(event: dict[str, Any]) -> str:
    """`event` is an API event record: type, mode, actors, recipients, location_name, day, flags."""
    kind = event["type"] + (f"/{event['mode']}" if event.get("mode") else "")
    flags = [name for name in FLAGS if event.get(name)]
    if flags:
        kind += f" [{', '.join(flags)}]"
    line = f"{parties_label(event['actors'])} {kind} {parties_label(event['recipients'])}"
    if event.get("location_name"):
        line += f" in {event['location_name']}"
    when = event.get("date") or event.get("day")
    return f"{line}, {when}" if when else line
