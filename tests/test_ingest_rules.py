"""Single rules of the ingester, each on a few lines of plan text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from samklang.graph.ingest import ingest
from samklang.graph.ingest.model import Entity

TITLE = (
    "Plan för brottsförebyggande arbete 2024–2027\n\n"
    "Exempelby kommun och Lokalpolisområde Låtsasek.\n\n"
)


def draft_of(tmp_path: Path, body: str, name: str = "plan.txt"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(TITLE + body, encoding="utf-8")
    return ingest(path)


def by_section(draft, section: str) -> list[Entity]:  # type: ignore[no-untyped-def]
    return draft.extraction.of(section)


def names(entities: list[Entity]) -> list[str]:
    return [e.get("name") or e.get("title") for e in entities]


def test_decision_from_a_sentence(tmp_path: Path) -> None:
    own = draft_of(
        tmp_path, "Planen antogs av kommunfullmäktige den 14 december 2023 (§ 178).\n"
    ).extraction.own
    assert own.get("decision.by").get("name") == "Kommunfullmäktige"
    assert own.get("decision.date") == date(2023, 12, 14)


def test_header_abbreviation_and_unreadable_date(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "Beslutad av: KF\nDatum för beslut: i höstas\n")
    own = draft.extraction.own
    assert own.get("decision.by").get("name") == "Kommunfullmäktige"
    assert "decision.date" not in own.facts and "decision.date" not in own.empty
    assert any("i höstas" in what for _, what in draft.review)


def test_markdown_bold_header_fields(tmp_path: Path) -> None:
    own = draft_of(
        tmp_path, "**Handläggare:** Anna Ek\n**Granskad av:**\n", name="plan.md"
    ).extraction.own
    assert own.get("handlaggare") == "Anna Ek"
    assert "reviewed_by" in own.empty


def test_generic_mentions_make_no_documents(tmp_path: Path) -> None:
    draft = draft_of(
        tmp_path,
        "Kommunen ska ta fram en lägesbild och besluta om en åtgärdsplan. "
        "Varje medborgarlöfte ska följas upp.\n",
    )
    types = {d.get("type") for d in by_section(draft, "documents")}
    assert types == {"brottsforebyggande-plan"}


def test_a_definite_document_without_period_is_kept_for_review(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "Planen bygger på den gemensamma lägesbilden.\n")
    [picture] = [d for d in by_section(draft, "documents") if d.get("type") == "lagesbild"]
    assert "period" not in picture.facts
    assert "perioden står inte i texten" in picture.review


@pytest.mark.parametrize(
    "sentence",
    [
        "Temagruppen består av representanter från Exempelby kommun och Lokalpolisområde Låtsasek.",
        "I temagruppen ingår Exempelby kommun och Lokalpolisområde Låtsasek.",
        "Planen genomförs av temagrupp trygghet, där kommunen och polisen ingår.",
        "En temagrupp med företrädare för kommunen och polisen planerar arbetet.",
    ],
)
def test_members_in_several_wordings(tmp_path: Path, sentence: str) -> None:
    [group] = by_section(draft_of(tmp_path, sentence + "\n"), "groups")
    assert names(group.values("members")) == ["Exempelby kommun", "Lokalpolisområde Låtsasek"]


@pytest.mark.parametrize(
    ("sentence", "convener", "reviewed"),
    [
        (
            "Lokalpolisområde Låtsasek är sammankallande i temagruppen.",
            "Lokalpolisområde Låtsasek",
            False,
        ),
        (
            "Temagruppen sammankallas av polisen och möts varje månad.",
            "Lokalpolisområde Låtsasek",
            False,
        ),
        (
            "Kommunens trygghetssamordnare är sammankallande för temagruppen.",
            "Exempelby kommun",
            True,
        ),
    ],
)
def test_convener(tmp_path: Path, sentence: str, convener: str, reviewed: bool) -> None:
    [group] = by_section(draft_of(tmp_path, sentence + "\n"), "groups")
    assert group.get("convener").get("name") == convener
    assert bool(group.review) == reviewed


def test_a_ledningsgrupp_not_said_to_steer_is_an_organisation(tmp_path: Path) -> None:
    draft = draft_of(tmp_path, "Temagruppen rapporterar till kommunens ledningsgrupp.\n")
    [group] = by_section(draft, "groups")
    target = group.get("reports_to")
    assert target.section == "organisations" and target.get("name") == "Kommunens ledningsgrupp"


def test_goal_areas_listed_after_their_count(tmp_path: Path) -> None:
    draft = draft_of(
        tmp_path,
        "Handlingsprogrammet för skydd och säkerhet 2024–2027 har tre målområden: "
        "brand, trafik och brott.\n",
    )
    assert names(by_section(draft, "goal_areas")) == ["Brand", "Trafik", "Brott"]
    [programme] = [d for d in by_section(draft, "documents") if d.get("type") == "handlingsprogram"]
    assert programme.get("goal_area_count") == 3


def test_activity_table_with_several_responsible(tmp_path: Path) -> None:
    draft = draft_of(
        tmp_path,
        "Aktiviteter\n\n| Aktivitet | Ansvarig | År |\n|---|---|---|\n"
        "| Nattvandring | Kommunen, polisen | 2025 |\n| Okänd insats | Föreningen Ljus | 2026 |\n",
        name="plan.md",
    )
    first, second = by_section(draft, "activities")
    assert names(first.values("responsible")) == ["Exempelby kommun", "Lokalpolisområde Låtsasek"]
    assert first.get("year") == [2025]
    assert "responsible" not in second.facts
    assert any("Föreningen Ljus" in r for r in second.review)


def test_activity_without_year_or_period_is_left_out_and_said(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "Plan för brottsförebyggande arbete\n\nExempelby kommun\n\nÅtgärder\n- Nattvandring\n",
        encoding="utf-8",
    )
    draft = ingest(path)
    draft.write(tmp_path / "u")
    assert not (tmp_path / "u" / "activities.csv").exists()
    assert "inte med i utkastet" in (tmp_path / "u" / "GRANSKA.md").read_text(encoding="utf-8")


def test_footnote_with_two_works_and_markdown_footnotes(tmp_path: Path) -> None:
    draft = draft_of(
        tmp_path,
        "Riskfaktorer samverkar.[^1]\n\n[^1]: Brå 2019; Socialstyrelsen (2020) Risk- och "
        "skyddsfaktorer, Socialstyrelsen.\n",
        name="plan.md",
    )
    works = [d for d in by_section(draft, "documents") if d.get("type") == "publikation"]
    assert [(w.get("creator"), w.get("issued")) for w in works] == [
        ("Brå", 2019),
        ("Socialstyrelsen", 2020),
    ]
