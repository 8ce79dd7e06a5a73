"""Kinds of statement unseen plans make (issue 14): a decision on a line of its own, periods
in the forms people write, follow-up in the active voice, and groups defined by name and
abbreviation in running text. Every phrasing here is invented for the kind, not taken from a
test document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from samklang.graph.ingest import ingest
from samklang.graph.ingest.decisions import read_decision_line
from samklang.graph.ingest.followup import ACTIVE_FOLLOW_UP, implied_cadence
from samklang.graph.ingest.named_groups import find_named_groups
from samklang.graph.ingest.periods import PERIOD, period_of

TITLE = (
    "Plan för brottsförebyggande arbete i Låtsasholm\n\n"
    "Låtsasholm kommun och Lokalpolisområde Låtsasholm.\n\n"
)


def own_of(tmp_path: Path, body: str, title: str = TITLE):  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.txt"
    path.write_text(title + body, encoding="utf-8")
    return ingest(path).extraction


# --- decisions on a line of their own ------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "body", "day"),
    [
        ("Fastställd av kommunfullmäktige 2022-05-16, § 47", "kommunfullmäktige", "2022-05-16"),
        ("Antagen av kommunstyrelsen.", "kommunstyrelsen", None),
        ("Beslutad: 2025-09-01", None, "2025-09-01"),
        ("Beslutsdatum: 3 februari 2025", None, "3 februari 2025"),
        ("Beslutad i KS 2021-10-04 § 201", "KS", "2021-10-04"),
        ("Beslut: Kommunfullmäktige, 2024-01-29", "Kommunfullmäktige", "2024-01-29"),
        ("Godkänd av socialnämnden den 7 mars 2023", "socialnämnden", "7 mars 2023"),
        ("**Fastställd av:** Kommunfullmäktige", "Kommunfullmäktige", None),
    ],
)
def test_decision_lines(line: str, body: str | None, day: str | None) -> None:
    found = read_decision_line(line)
    assert found is not None
    assert (line[slice(*found.body)] if found.body else None) == body
    assert (line[slice(*found.date)] if found.date else None) == day


@pytest.mark.parametrize(
    "line",
    [
        "Beslutad av:",
        "Antagen av kommunstyrelsen efter samråd med polisen och räddningstjänsten i länet.",
        "Planen ska antas av kommunfullmäktige under hösten.",
        "Beslutet om budget fattas i november.",
    ],
)
def test_not_decision_lines(line: str) -> None:
    assert read_decision_line(line) is None


@pytest.mark.parametrize(
    ("line", "by", "day"),
    [
        (
            "Fastställd av kommunfullmäktige 2022-05-16, § 47",
            "Kommunfullmäktige",
            date(2022, 5, 16),
        ),
        ("Antagen av kommunstyrelsen.", "Kommunstyrelsen", None),
        ("Beslutad: 2025-09-01", None, date(2025, 9, 1)),
        ("Beslutad i KF den 12 juni 2024 § 88", "Kommunfullmäktige", date(2024, 6, 12)),
    ],
)
def test_decision_lines_in_a_plan(
    tmp_path: Path, line: str, by: str | None, day: date | None
) -> None:
    own = own_of(tmp_path, line + "\n\nPlanen beskriver arbetet.\n").own
    assert (own.get("decision.by").get("name") if by else own.get("decision.by")) == by
    assert own.get("decision.date") == day


# --- periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2024/2025", (2024, 2025)),
        ("2026/27", (2026, 2027)),
        ("2024–25", (2024, 2025)),
        ("1998-99", (1998, 1999)),
        ("fr.o.m. 2024 t.o.m. 2026", (2024, 2026)),
        ("från och med 2023 till 2025", (2023, 2025)),
        ("för åren 2024–2027", (2024, 2027)),
    ],
)
def test_period_forms(text: str, years: tuple[int, int]) -> None:
    m = PERIOD.search(text)
    assert m is not None
    found = period_of(m)
    assert found is not None and (found.start.year, found.end.year) == years


@pytest.mark.parametrize("text", ["2024-12-31", "Lag (2023:196)", "sidan 12/13", "2025–21"])
def test_not_periods(text: str) -> None:
    m = PERIOD.search(text)
    assert m is None or period_of(m) is None


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Planen för åren 2025–2028 beskriver vad vi gör.", "2025-2028"),
        ("Planen gäller 2024/2025.", "2024-2025"),
        ("Planen omfattar 2026–27.", "2026-2027"),
        ("Denna plan under perioden 2023–2026 bygger på lägesbilden.", "2023-2026"),
    ],
)
def test_own_period_in_running_text(tmp_path: Path, sentence: str, period: str) -> None:
    own = own_of(tmp_path, sentence + "\n").own
    assert own.get("period").as_yaml() == period


def test_period_of_another_document_stays_there(tmp_path: Path) -> None:
    own = own_of(tmp_path, "Lägesbilden för åren 2021–2023 visar en ökning.\n").own
    assert own.get("period") is None


# --- follow-up in the active voice ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Samordningsgruppen följer upp arbetet varje kvartal.",
        "Vi följer upp löftena två gånger per år.",
        "Styrgruppen följer regelbundet upp planen.",
        "Resultatet återrapporteras till kommunstyrelsen i oktober.",
        "Nämnden utvärderar åtgärderna årligen.",
        "Uppföljning av åtgärderna görs i samband med bokslutet.",
    ],
)
def test_active_follow_up_verbs(sentence: str) -> None:
    assert ACTIVE_FOLLOW_UP.search(sentence)


@pytest.mark.parametrize(
    ("sentence", "cadence"),
    [
        ("Uppföljning görs i samband med bokslutet.", "P1Y"),
        ("Arbetet redovisas i samband med årsredovisningen.", "P1Y"),
        ("Resultatet återrapporteras till kommunstyrelsen i oktober.", "P1Y"),
        ("Vi följer upp varje höst.", "P1Y"),
        ("Det redovisas i delårsrapporten och bokslutet.", "P6M"),
    ],
)
def test_implied_cadences(sentence: str, cadence: str) -> None:
    found = implied_cadence(sentence)
    assert found is not None and found[0] == cadence


def test_a_month_with_a_year_is_no_cadence() -> None:
    assert implied_cadence("Planen återrapporteras i oktober 2025.") is None


@pytest.mark.parametrize(
    ("sentence", "cadence"),
    [
        ("Samordningsgruppen följer upp arbetet varje kvartal. Planen redovisas årligen.", "P3M"),
        ("Arbetet återrapporteras till kommunstyrelsen i november.", "P1Y"),
        ("Uppföljning görs i samband med kommunens bokslut.", "P1Y"),
        ("Kommunen och polisen följer gemensamt upp insatserna halvårsvis.", "P6M"),
    ],
)
def test_follow_up_of_the_plan(tmp_path: Path, sentence: str, cadence: str) -> None:
    own = own_of(tmp_path, sentence + "\n").own
    assert own.get("follow_up.cadence") == cadence


# --- groups defined by name and abbreviation in running text ---------------------------------


@pytest.mark.parametrize(
    ("text", "name", "abbreviation"),
    [
        (
            "Forumet för samverkan mot brott (FSB) träffas varje månad.",
            "Forumet för samverkan mot brott",
            "FSB",
        ),
        ("Nätverket Tryggare Låtsasholm (NTE) består av …", "Nätverket Tryggare Låtsasholm", "NTE"),
        (
            "Lokala samverkansgruppen för ungdomsfrågor (LSU) leds av …",
            "Lokala samverkansgruppen för ungdomsfrågor",
            "LSU",
        ),
        (
            "Rådet för ordning och trygghet i centrum (ROT) bildades 2021.",
            "Rådet för ordning och trygghet i centrum",
            "ROT",
        ),
        ("Samverkansforum (SF) ses fyra gånger per år.", "Samverkansforum", "SF"),
    ],
)
def test_named_groups(text: str, name: str, abbreviation: str) -> None:
    found = find_named_groups(text)
    assert [(g.name, g.abbreviation) for g in found] == [(name, abbreviation)]


@pytest.mark.parametrize(
    "text",
    [
        "Myndigheten för samhällsskydd och beredskap (MSB) ger stöd.",
        "Brottsförebyggande rådet (Brå) har tagit fram en mall.",
        "Kommunstyrelsen (KS) beslutar.",
        "Rådet för trygghet (XY) är ett exempel.",  # the abbreviation is not the name's
    ],
)
def test_not_named_groups(text: str) -> None:
    assert find_named_groups(text) == []


GROUP_TEXT = (
    "Arbetet leds av Forumet för samverkan mot brott (FSB), som är kommunens styrgrupp. "
    "I FSB ingår Låtsasholm kommun, Lokalpolisområde Låtsasholm och Räddningstjänsten Låtsasholm. "
    "Forumet sammankallas av kommunen. FSB rapporterar till Kommunstyrelsen.\n\n"
    "Nätverket Tryggare Låtsasholm (NTE) består av representanter från kommunen och polisen. "
    "Polisen är sammankallande i NTE.\n"
)


def test_named_group_members_convener_and_reporting(tmp_path: Path) -> None:
    groups = {g.get("name"): g for g in own_of(tmp_path, GROUP_TEXT).of("groups")}
    assert set(groups) == {"Forumet för samverkan mot brott", "Nätverket Tryggare Låtsasholm"}
    fsb, nte = groups["Forumet för samverkan mot brott"], groups["Nätverket Tryggare Låtsasholm"]
    assert fsb.get("type") == "styrgrupp" and nte.get("type") == "arbetsgrupp"
    assert [m.get("name") for m in fsb.values("members")] == [
        "Låtsasholm kommun",
        "Lokalpolisområde Låtsasholm",
        "Räddningstjänsten Låtsasholm",
    ]
    assert fsb.get("convener").get("name") == "Låtsasholm kommun"
    assert fsb.get("reports_to").get("name") == "Kommunstyrelsen"
    assert [m.get("name") for m in nte.values("members")] == [
        "Låtsasholm kommun",
        "Lokalpolisområde Låtsasholm",
    ]
    assert nte.get("convener").get("name") == "Lokalpolisområde Låtsasholm"


def test_named_group_draft_loads(tmp_path: Path) -> None:
    from samklang.graph.ingest import load_document

    path = tmp_path / "plan.txt"
    path.write_text(TITLE + GROUP_TEXT, encoding="utf-8")
    dataset = load_document(path)
    assert dataset is not None
