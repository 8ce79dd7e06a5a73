"""Tables read as records by their column headings, and Word lists read as lists (issue 14):
what a planner sees in the draft, whatever carries the table, and what ``check`` then says."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
import yaml

from samklang.graph.ingest import ingest
from samklang.graph.ingest.followup import status_of
from samklang.graph.ingest.text import read_document
from samklang.graph.source_kind import load_dataset
from samklang.queries.check import check

from .ingest.builders import HERE, build_docx, write_pdf

LJUSAKER = HERE / "pahittsaker-atgardsplan.docx.txt"
FANTASIVIK = HERE / "fantasivik-medborgarlofte.docx.txt"
LATSASLUNDA = HERE / "latsaslunda-trygghetsbokslut.txt"


def draft_folder(document: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "utkast"
    ingest(document, code="9903").write(folder)
    return folder


def rows(folder: Path) -> dict[str, dict[str, str]]:
    """The activities of a draft by title."""
    text = (folder / "activities.csv").read_text(encoding="utf-8")
    return {row["title"]: row for row in csv.DictReader(io.StringIO(text))}


def titles(folder: Path, file: str, section: str) -> dict[str, str]:
    """The titles of a YAML section of a draft by id."""
    data = yaml.safe_load((folder / file).read_text(encoding="utf-8"))
    return {item["id"]: item["title"] for item in data.get(section) or []}


# --- Brå's template in a Word table -------------------------------------------------------


def test_bra_template_rows_reach_the_draft_on_the_right_records(tmp_path: Path) -> None:
    folder = draft_folder(build_docx(LJUSAKER, tmp_path / "ljusaker.docx"), tmp_path)
    activities = rows(folder)
    goals = titles(folder, "goals.yaml", "goals")
    problems = titles(folder, "goals.yaml", "problems")
    seen = {
        title: (
            row["responsible"],
            row["year"],
            [goals[g] for g in row["goal"].split("; ") if g],
            [problems[p] for p in row["problems"].split("; ") if p],
        )
        for title, row in activities.items()
    }
    assert seen == {
        "Fältarbete i centrum fredag och lördag kväll": (
            "socialnamnden",
            "2025-2026",
            ["Vuxna finns i centrum alla helgkvällar"],
            ["Unga vistas sent i centrum utan vuxna i närheten"],
        ),
        # Its Orsak and Operativa mål cells are merged with the row above (w:vMerge).
        "Föräldravandringar under skollov": (
            "pahittsaker-kommun",
            "2025",
            ["Vuxna finns i centrum alla helgkvällar"],
            ["Unga vistas sent i centrum utan vuxna i närheten"],
        ),
        "Ny belysning i gångtunneln vid stationen": (
            "tekniska-namnden",
            "2025",  # "Hösten 2025"
            ["Färre anmälda brott vid stationen"],
            ["Mörka och skymda platser vid stationen"],
        ),
        "Kontrollköp av folköl i butikerna": (
            "miljo-och-byggnamnden; lpo-pahittsaker",  # not split at "Miljö- och"
            "2025-2026",  # "2025, 2026"
            ["Ingen butik säljer folköl till minderåriga"],
            ["Vuxna köper ut alkohol åt unga"],
        ),
        "Kameraövervakning av stationsområdet": (
            "lpo-pahittsaker",
            "2026",
            ["Skadegörelsen vid stationen minskar"],
            ["Låg upptäcktsrisk för skadegörelse"],
        ),
    }
    # Uppföljning: how each activity is followed up, in its description; the goal is settled.
    first = activities["Fältarbete i centrum fredag och lördag kväll"]
    assert first["description"].startswith("Uppföljning: Antal kvällar med fältarbete")
    assert "goal" not in first["review"].split("; ")


def test_an_activitys_follow_up_cell_is_not_the_plans_follow_up(tmp_path: Path) -> None:
    """The first row says "redovisas per tertial" of one activity; the plan itself is
    followed up yearly in a trygghetsbokslut, as its section on follow-up says."""
    draft = ingest(build_docx(LJUSAKER, tmp_path / "ljusaker.docx"))
    own = draft.extraction.own
    assert own.get("follow_up.cadence") == "P1Y"
    assert own.get("follow_up.document_type") == "trygghetsbokslut"


def test_merged_cells_point_at_the_row_that_shows_their_text(tmp_path: Path) -> None:
    draft = ingest(build_docx(LJUSAKER, tmp_path / "ljusaker.docx"))
    lines = draft.source.text.split("\n")
    second = next(a for a in draft.extraction.of("activities") if "Föräldra" in a.get("title"))
    cause = second.facts["problems"][0].evidence
    assert cause is not None
    assert lines[cause.first_line - 1].startswith("Unga vistas sent i centrum")
    assert draft.source.text[cause.start : cause.end] == cause.quote


# --- A follow-up table: planned, done, status ---------------------------------------------


def test_statuses_of_a_space_aligned_follow_up_table(tmp_path: Path) -> None:
    folder = draft_folder(LATSASLUNDA, tmp_path)
    activities = rows(folder)
    assert {title: row["status"] for title, row in activities.items()} == {
        "Kvällsvandringar i centrum varje fredag under sommarlovet": "genomford",
        "Föräldraträffar om alkohol och droger i årskurs 7": "delvis-genomford",
        "Trygghetsvandring i Fejkby": "ej-genomford",
        "Ny belysning på skolgården i Fejkby": "genomford",  # "Klar"
        "Kameraövervakning vid resecentrum": "pagaende",
        "Sommarjobb för unga i Fejkby": "installd",
        "Informationsmöte för handlare om langning": "genomford",  # "✓"
    }
    # Cells that wrap onto the next line are one cell: the title, who, what was done.
    first = activities["Kvällsvandringar i centrum varje fredag under sommarlovet"]
    assert first["responsible"] == "latsaslunda-kommun"
    assert first["description"].startswith("Genomfört: Tolv vandringar med i snitt åtta vuxna.")
    assert first["source"] == "kalla#16-17"
    assert activities["Trygghetsvandring i Fejkby"]["responsible"] == "lpo-latsaslunda"


def test_a_trygghetsbokslut_reports_on_its_plan_with_one_entry_per_row(tmp_path: Path) -> None:
    folder = draft_folder(LATSASLUNDA, tmp_path)
    documents = yaml.safe_load((folder / "documents.yaml").read_text(encoding="utf-8"))
    report, plan = documents["documents"][:2]
    assert report["type"] == "trygghetsbokslut" and plan["type"] == "brottsforebyggande-plan"
    assert report["reports_on"] == [plan["id"]]
    assert report["report_year"] == 2025
    ids = {row["title"]: row["id"] for row in rows(folder).values()}
    entries = {e["activity"]: (e["status"], e.get("outcome")) for e in report["entries"]}
    assert entries[ids["Trygghetsvandring i Fejkby"]] == (
        "ej-genomford",
        "Flyttad till våren 2026",
    )
    assert len(entries) == 7
    assert all(row["document"] == plan["id"] for row in rows(folder).values())


def test_check_reads_the_statuses_of_the_table(tmp_path: Path) -> None:
    """What was not done is reported, what was done is not asked about."""
    dataset = load_dataset(draft_folder(LATSASLUNDA, tmp_path))
    findings = check(dataset, as_of=date(2026, 6, 1))
    not_done = [f for f in findings if f.rule == "FUP-NOT-DONE"]
    assert not_done
    text = " ".join(str(f.message) for f in not_done)
    assert "Sommarjobb för unga i Fejkby" in text and "Trygghetsvandring i Fejkby" in text
    no_outcome = " ".join(str(f.message) for f in findings if f.rule == "FUP-ACTIVITY")
    assert "Kvällsvandringar" not in no_outcome and "Ny belysning" not in no_outcome


WRAPPED = (
    "Planerat                         Ansvarig          Status\n"
    "Föräldraträffar om alkohol och   Socialnämnden     Delvis\n"
    "droger i årskurs 7\n"
    "Kameraövervakning vid            Lokalpolisområde  Pågår\n"
    "Påhittsåsens centrum             Låtsasek\n"
)


def _follow_up(tmp_path: Path, table: str, suffix: str = ".txt") -> dict[str, tuple]:
    path = tmp_path / f"bokslut{suffix}"
    path.write_text(
        "OBS: Påhittat exempel; Fantasiby kommun och Lokalpolisområde Låtsasek finns inte.\n\n"
        "Trygghetsbokslut 2025 för Fantasiby kommun\n\n"
        "Fantasiby kommun och Lokalpolisområde Låtsasek har följt upp årets aktiviteter.\n\n"
        f"{table}\n",
        encoding="utf-8",
    )
    draft = ingest(path)
    return {
        a.get("title"): (
            a.get("status"),
            sorted(r.get("name") for r in a.values("responsible")),
        )
        for a in draft.extraction.of("activities")
    }


def test_a_wrapped_title_continues_after_a_word_that_goes_on(tmp_path: Path) -> None:
    """``Kameraövervakning vid`` / ``Påhittsåsens centrum``: the next line begins with a capital,
    but a phrase does not end in ``vid``."""
    assert _follow_up(tmp_path, WRAPPED) == {
        "Föräldraträffar om alkohol och droger i årskurs 7": (
            "delvis-genomford",
            ["Socialnämnden"],
        ),
        "Kameraövervakning vid Påhittsåsens centrum": ("pagaende", ["Lokalpolisområde Låtsasek"]),
    }


ONE_TABLE = {
    "Nattvandring i centrum": ("genomford", ["Fantasiby kommun"]),
    "Kontroller vid skolorna": ("ej-genomford", ["Lokalpolisområde Låtsasek"]),
    "Föräldraträff": ("pagaende", ["Fantasiby kommun", "Lokalpolisområde Låtsasek"]),
}


@pytest.mark.parametrize(
    ("table", "suffix"),
    [
        (
            "| Aktivitet | Ansvarig | Status |\n|---|---|---|\n"
            "| Nattvandring i centrum | Fantasiby kommun | Genomförd |\n"
            "| Kontroller vid skolorna | Lokalpolisområde Låtsasek | Ej genomförd |\n"
            "| Föräldraträff | Kommunen och polisen | Pågår |",
            ".md",
        ),
        (
            "Aktivitet\tAnsvarig\tStatus\n"
            "Nattvandring i centrum\tFantasiby kommun\tGenomförd\n"
            "Kontroller vid skolorna\tLokalpolisområde Låtsasek\tEj genomförd\n"
            "Föräldraträff\tKommunen och polisen\tPågår",
            ".txt",
        ),
        (
            "Aktivitet                 Ansvarig                     Status\n"
            "Nattvandring i centrum    Fantasiby kommun             Genomförd\n"
            "Kontroller vid skolorna   Lokalpolisområde Låtsasek    Ej genomförd\n"
            "Föräldraträff             Kommunen och polisen         Pågår",
            ".txt",
        ),
    ],
    ids=["markdown", "tabs", "spaces"],
)
def test_the_same_table_in_every_text_carrier(tmp_path: Path, table: str, suffix: str) -> None:
    assert _follow_up(tmp_path, table, suffix) == ONE_TABLE


def test_a_pdfs_table(tmp_path: Path) -> None:
    pdf = write_pdf(
        [
            [
                "OBS: Påhittat exempel; Fantasiby kommun och Lokalpolisområde Låtsasek finns inte.",
                "Trygghetsbokslut 2025 för Fantasiby kommun",
                "Fantasiby kommun och Lokalpolisområde Låtsasek har följt upp årets aktiviteter.",
                "Aktivitet\tAnsvarig\tStatus",
                "Nattvandring i centrum\tFantasiby kommun\tGenomförd",
                "Kontroller vid skolorna\tLokalpolisområde Låtsasek\tEj genomförd",
                "Föräldraträff\tKommunen och polisen\tPågår",
            ]
        ],
        tmp_path / "bokslut.pdf",
    )
    draft = ingest(pdf)
    found = {
        a.get("title"): (a.get("status"), sorted(r.get("name") for r in a.values("responsible")))
        for a in draft.extraction.of("activities")
    }
    assert found == ONE_TABLE


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("Genomförd", "genomford"),
        ("genomfört", "genomford"),
        ("Klar", "genomford"),
        ("Klart i oktober", "genomford"),
        ("✓", "genomford"),
        ("Ja", "genomford"),
        ("Delvis", "delvis-genomford"),
        ("Delvis genomförd", "delvis-genomford"),
        ("Pågår", "pagaende"),
        ("Pågående", "pagaende"),
        ("Påbörjad", "pagaende"),
        ("Ej genomförd", "ej-genomford"),
        ("Inte genomfört", "ej-genomford"),
        ("Nej", "ej-genomford"),
        ("Inställd", "installd"),
        ("Utgår", "installd"),
        ("Ej påbörjad", "planerad"),
        ("Planerad", "planerad"),
        ("Flyttad till 2026", None),
        ("Januari", None),
    ],
)
def test_statuses_as_people_write_them(cell: str, status: str | None) -> None:
    assert status_of(cell) == status


def test_columns_not_of_an_activity_table_are_not_read_as_one(tmp_path: Path) -> None:
    """*Målgrupp* is not a goal; a table without a column of what is done has no records."""
    path = tmp_path / "plan.md"
    path.write_text(
        "# Plan för brottsförebyggande arbete 2025–2026\n\nFantasiby kommun\n\n"
        "| Aktivitet | Målgrupp | Ansvarig |\n|---|---|---|\n"
        "| Föräldraträffar | Vårdnadshavare | Fantasiby kommun |\n\n"
        "| Område | Ansvarig |\n|---|---|\n| Centrum | Fantasiby kommun |\n",
        encoding="utf-8",
    )
    draft = ingest(path)
    assert [a.get("title") for a in draft.extraction.of("activities")] == ["Föräldraträffar"]
    assert not draft.extraction.of("goals")


# --- Word lists, headers and footers ------------------------------------------------------


def test_word_lists_are_list_items_with_the_mark_word_shows(tmp_path: Path) -> None:
    source = read_document(build_docx(FANTASIVIK, tmp_path / "fantasivik.docx"))
    lines = source.text.split("\n")
    for text in (
        "• otrygghet i Hamnparken på kvällarna",  # Liststycke with w:numPr
        "• Polisen ökar närvaron i Hamnparken fredag och lördag kväll.",  # List Bullet
        "1. Polisen genomför riktade trafikkontroller av mopeder under våren.",  # List Number
        "2. Fritidsgården erbjuder en mopedverkstad för unga.",
    ):
        assert lines.index(text) + 1 in source.items, text


def test_headers_and_footers_of_every_section_once(tmp_path: Path) -> None:
    lines = read_document(build_docx(LJUSAKER, tmp_path / "ljusaker.docx")).text.split("\n")
    assert lines.count("Påhittsåker kommun · Dnr KS 2024/118") == 1  # two footers, the same text
    header = "Påhittsåker kommun · Åtgärdsplan mot brott och otrygghet 2025–2026 · Bilaga"
    assert lines.count(header) == 1  # the second section's own header, once for two sections
    assert lines.index(header) < lines.index("Åtgärder")  # where its section begins
    assert "Handläggare\tMaria Ek, trygghetssamordnare" in lines  # the first page header


def test_a_word_bullet_list_under_a_promise_becomes_its_activities(tmp_path: Path) -> None:
    folder = draft_folder(build_docx(FANTASIVIK, tmp_path / "fantasivik.docx"), tmp_path)
    promises = titles(folder, "goals.yaml", "focus_areas")
    linked = {title: promises[row["goal"]] for title, row in rows(folder).items()}
    assert linked == {
        "Polisen ökar närvaron i Hamnparken fredag och lördag kväll": (
            "Tryggare kvällar i Hamnparken"
        ),
        "Kommunen beskär buskage och förbättrar belysningen i parken": (
            "Tryggare kvällar i Hamnparken"
        ),
        "Polisen genomför riktade trafikkontroller av mopeder under våren": (
            "Färre olovliga mopedturer i centrum"
        ),
        "Fritidsgården erbjuder en mopedverkstad för unga": "Färre olovliga mopedturer i centrum",
        # The third promise lists its activities in a table.
        "Kontrollköp av folköl i butikerna": "Mindre langning av alkohol till unga",
        "Information till vårdnadshavare inför skolavslutningen": (
            "Mindre langning av alkohol till unga"
        ),
    }
    dataset = load_dataset(folder)
    rules = {f.rule for f in check(dataset, as_of=date(2025, 6, 1))}
    assert not rules & {"CHAIN-UNADDRESSED", "CHAIN-GOAL"}, rules


def test_a_word_list_reads_as_the_same_list_in_markdown(tmp_path: Path) -> None:
    """Before issue 14 the .docx lost the promises' activities that the Markdown kept."""
    markup = (
        "OBS: Påhittat exempel; Fantasiby kommun och Lokalpolisområde Låtsasek finns inte.\n"
        "= Medborgarlöfte 2025 för Fantasiby\n"
        "Fantasiby kommun och Lokalpolisområde Låtsasek\n"
        "## Löfte 1: Tryggare torg\n"
        "- Polisen patrullerar torget på fredagar.\n"
        "## Löfte 2: Färre inbrott\n"
        "- Kommunen informerar om grannsamverkan.\n"
    )
    source = tmp_path / "lofte.docx.txt"
    source.write_text(markup, encoding="utf-8")
    markdown = tmp_path / "lofte.md"
    markdown.write_text(markup.replace("= ", "# ").replace("\n", "\n\n"), encoding="utf-8")

    def links(path: Path) -> dict[str, list[str]]:
        return {
            a.get("title"): [g.get("title") for g in a.values("goal")]
            for a in ingest(path).extraction.of("activities")
        }

    word = links(build_docx(source, tmp_path / "lofte.docx"))
    assert (
        word
        == links(markdown)
        == {
            "Polisen patrullerar torget på fredagar": ["Tryggare torg"],
            "Kommunen informerar om grannsamverkan": ["Färre inbrott"],
        }
    )


def test_every_fact_of_the_new_documents_points_at_its_text(tmp_path: Path) -> None:
    for document in (
        build_docx(LJUSAKER, tmp_path / "ljusaker.docx"),
        build_docx(FANTASIVIK, tmp_path / "fantasivik.docx"),
        LATSASLUNDA,
    ):
        draft = ingest(document)
        text = draft.source.text
        for entity in draft.extraction.entities:
            for evidence in entity.evidence():
                assert text[evidence.start : evidence.end] == evidence.quote, (document, entity)
                assert draft.source.line_of(evidence.start) == evidence.first_line
                for part in evidence.parts:  # a wrapped cell: each line's part is there
                    assert part in evidence.quote
