"""An organisation's name must look like one (``ingest/proper_names.py``): a table's row read
without the gaps between its cells (a PDF printed from a page whose spaces collapsed) puts the
next cell's first word after ``Lokalpolisområde``, and a cell's last name before the next
cell's ``X kommun``; no such organisation reaches the draft, while names written as people
write them still do. Every text here is invented (Påhittat exempel)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samklang.graph.ingest import ingest
from samklang.graph.ingest.proper_names import is_name, municipality_name

from .ingest.builders import write_pdf

FICTIONAL = "OBS: Påhittat exempel; Låtsaslunda kommun och Lokalpolisområde Låtsaslunda finns inte."

RUN_TOGETHER = [
    FICTIONAL,
    "Trygghetsbokslut 2025 för Låtsaslunda kommun",
    "Låtsaslunda kommun och Lokalpolisområde Låtsaslunda har följt upp årets aktiviteter.",
    "Planerat Ansvarig Genomfört Status",
    "Trygghetsvandring i Fejkby Lokalpolisområde Flyttad till våren 2026 Ej genomförd",
    "Kameraövervakning vid resecentrum Lokalpolisområde Ansökan om tillstånd är inlämnad Pågår",
    "Sommarjobb för unga i Fejkby Låtsaslunda kommun Ingen finansiering Inställd",
    "Informationsmöte för handlare Lokalpolisområde Ett möte i maj Klar",
    "Brandskydd i skolorna Räddningstjänsten Klar i oktober Genomförd",
]
"""A follow-up table as a page whose spaces collapsed prints it: one space between cells."""


def _organisations(path: Path) -> set[str]:
    draft = ingest(path)
    return {
        e.get("name")
        for e in draft.extraction.of("organisations") + draft.extraction.of("municipality")
    }


@pytest.mark.parametrize("carrier", ["txt", "pdf"])
def test_no_organisation_from_cells_run_together(tmp_path: Path, carrier: str) -> None:
    if carrier == "pdf":
        path = write_pdf([RUN_TOGETHER], tmp_path / "bokslut.pdf")
    else:
        path = tmp_path / "bokslut.txt"
        path.write_text("\n\n".join(RUN_TOGETHER[:3]) + "\n\n" + "\n".join(RUN_TOGETHER[3:]))
    found = _organisations(path)
    assert found == {"Låtsaslunda kommun", "Lokalpolisområde Låtsaslunda"}


def test_names_written_as_people_write_them_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "OBS: Påhittat exempel; inga av de namngivna finns.\n\n"
        "Plan för brottsförebyggande arbete i Sagovik kommun 2025–2027\n\n"
        "Planen är framtagen av Sagovik kommun och Lokalpolisområde Sagovik. "
        "Kommunen samverkar också med Lokalpolisområde Påhittslandet, som gränsar till "
        "Påhittslandets räddningstjänstförbund, med Räddningstjänstförbundet Sagoå (RSÅ) och "
        "med Lokalpolisområde Norra Påhittsdalen. Östra Låtsasgöinge kommun deltar i "
        "nätverket; Östra Låtsasgöinge kommun är sammankallande.\n"
    )
    assert _organisations(path) >= {
        "Sagovik kommun",
        "Lokalpolisområde Sagovik",
        "Lokalpolisområde Påhittslandet",  # its genitive is written mid-sentence
        "Räddningstjänstförbundet Sagoå",  # given an abbreviation
        "Lokalpolisområde Norra Påhittsdalen",
        "Östra Låtsasgöinge kommun",
    }


@pytest.mark.parametrize(
    ("text", "name", "after", "expected"),
    [
        ("Lokalpolisområde Ett möte i maj.", "Ett", " möte i maj.", False),  # a number word
        ("Lokalpolisområde Flyttad.", "Flyttad", ".", False),  # a status
        ("Lokalpolisområde Ansökan om tillstånd. Ansökan …", "Ansökan", " om tillstånd.", False),
        ("Räddningstjänsten Norra\nPåhittsdalen", "Norra", "\nPåhittsdalen", False),  # direction
        ("Lokalpolisområde Sagovik om tillstånd. Sagovik kommun", "Sagovik", " om", True),
        ("Lokalpolisområde Höglandet om … av Höglandets förbund", "Höglandet", " om", True),
        ("Lokalpolisområde Låtsasek om tillstånd.", "Låtsasek", " om tillstånd.", False),
        ("Lokalpolisområde Låtsasek är sammankallande.", "Låtsasek", " är samman", True),
        ("Kontroller\tLokalpolisområde Låtsasek\tPågår", "Låtsasek", "\tPågår", True),
        ("Lokalpolisområde Låtsasek (LPO Låtsasek)", "Låtsasek", " (LPO Låtsasek)", True),
        ("Lokalpolisområde Låtsasby-Påhittshed om", "Låtsasby-Påhittshed", " om", True),
        ("Lokalpolisområde Låtsasby Klar.", "Låtsasby Klar", ".", False),
    ],
)
def test_is_name(text: str, name: str, after: str, expected: bool) -> None:
    assert is_name(text, name, after=after) is expected


def test_a_municipality_run_into_the_cell_before() -> None:
    text = "Låtsaslunda kommun planerar. I Fejkby Låtsaslunda kommun. Låtsaslunda kommun ser."
    assert municipality_name(text, "Fejkby Låtsaslunda") == "Låtsaslunda"
    text = "Östra Låtsasgöinge kommun planerar. Östra Låtsasgöinge kommun följer upp."
    assert municipality_name(text, "Östra Låtsasgöinge") == "Östra Låtsasgöinge"
