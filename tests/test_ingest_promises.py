"""Activities listed under each promise are linked to it, their party read from the subject;
a signature block gives the signatories and the date; what cannot be established is marked
``review`` — so that ``check`` on an ingested promise does not accuse a correct document."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import yaml

from samklang.graph.ingest import ingest
from samklang.graph.source_kind import load_dataset
from samklang.queries.check import check

from .ingest.builders import HERE

EKTRASK = HERE / "latsastrask-medborgarlofte.txt"
PAHITTSVIK = HERE / "pahittsvik-medborgarlofte.txt"


def draft_folder(source: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "utkast"
    ingest(source, code="9902").write(folder)
    return folder


def activities(folder: Path) -> list[dict[str, str]]:
    text = (folder / "activities.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_activities_under_each_promise_are_linked_to_it(tmp_path: Path) -> None:
    rows = {r["title"]: r for r in activities(draft_folder(EKTRASK, tmp_path))}
    goals = {title: row["goal"] for title, row in rows.items()}
    assert goals == {
        "Polisen ökar närvaron vid resecentrum fredag och lördag kväll": "lofte-1",
        "Kommunen ser över belysningen i gångtunneln vid resecentrum": "lofte-1",
        "Polisen genomför riktade kontroller kring skolavslutningen": "lofte-2",
        "Socialtjänsten erbjuder föräldraträffar om alkohol och unga": "lofte-2",
        "Kommunen och polisen informerar handlare om åldersgränser": "lofte-2",
    }
    responsible = {title: row["responsible"] for title, row in rows.items()}
    assert responsible == {
        "Polisen ökar närvaron vid resecentrum fredag och lördag kväll": "lpo-latsastrask",
        "Kommunen ser över belysningen i gångtunneln vid resecentrum": "latsastrask-kommun",
        "Polisen genomför riktade kontroller kring skolavslutningen": "lpo-latsastrask",
        "Socialtjänsten erbjuder föräldraträffar om alkohol och unga": "latsastrask-kommun",
        "Kommunen och polisen informerar handlare om åldersgränser": (
            "latsastrask-kommun; lpo-latsastrask"
        ),
    }
    # Socialtjänsten is read as the municipality, and the draft says so.
    assert (
        "del av kommunen"
        in rows["Socialtjänsten erbjuder föräldraträffar om alkohol och unga"]["description"]
    )


def test_the_signature_block_gives_signatories_and_date(tmp_path: Path) -> None:
    folder = draft_folder(EKTRASK, tmp_path)
    documents = yaml.safe_load((folder / "documents.yaml").read_text(encoding="utf-8"))
    own = documents["documents"][0]
    assert own["signed_by"] == ["latsastrask-kommun", "lpo-latsastrask"]
    assert own["signed_on"] == date(2025, 2, 14)  # "Låtsasträsk den 14 februari 2025"


def test_check_on_an_ingested_promise_reports_no_false_chain_or_signature_defect(
    tmp_path: Path,
) -> None:
    """Before: no activity was linked to its promise, so check said the promises had none."""
    dataset = load_dataset(draft_folder(EKTRASK, tmp_path))
    rules = {f.rule for f in check(dataset, as_of=date(2025, 6, 1))}
    assert not rules & {"CHAIN-UNADDRESSED", "CHAIN-GOAL", "ORG-SIGNATORIES"}, rules


def test_activities_after_all_the_promises_are_not_linked_but_marked_for_review(
    tmp_path: Path,
) -> None:
    """Påhittsvik lists both promises, then what each party does: which activity serves which
    promise the text does not say, so none is linked and each asks."""
    rows = activities(draft_folder(PAHITTSVIK, tmp_path))
    assert rows and all(r["goal"] == "" for r in rows)
    assert all("goal" in r["review"].split("; ") for r in rows)


def test_numbered_focus_areas_with_lists_under_them(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(
        "OBS: Påhittat exempel; Fiktionsby kommun finns inte.\n\n"
        "Plan för brottsförebyggande arbete i Fiktionsby kommun 2025–2026\n\n"
        "1 Inledning\n"
        "Planen tas fram av Fiktionsby kommun och Lokalpolisområde Fiktionsby.\n\n"
        "2 Prioriterade områden\n"
        "2.1 Trygghet i centrum\n"
        "Invånarna känner sig otrygga på torget.\n"
        "Aktiviteter:\n"
        "- Kommunen förbättrar belysningen på torget.\n"
        "- Polisen patrullerar torget fredagskvällar.\n"
        "Indikatorer:\n"
        "- Andelen som känner sig trygga på torget.\n"
        "2.2 Ungas drogbruk\n"
        "- Fältassistenterna finns på skolgårdarna på kvällstid.\n\n"
        "3 Uppföljning\n"
        "Planen följs upp årligen i kommunstyrelsen.\n",
        encoding="utf-8",
    )
    draft = ingest(source)
    focus = {f.get("title") for f in draft.extraction.of("focus_areas")}
    assert focus == {"Trygghet i centrum", "Ungas drogbruk"}
    linked = {
        a.get("title"): [g.get("title") for g in a.values("goal")]
        for a in draft.extraction.of("activities")
    }
    assert linked == {
        "Kommunen förbättrar belysningen på torget": ["Trygghet i centrum"],
        "Polisen patrullerar torget fredagskvällar": ["Trygghet i centrum"],
        "Fältassistenterna finns på skolgårdarna på kvällstid": ["Ungas drogbruk"],
    }


PLAN_WITH_BACKGROUND = (
    "Påhittat exempel: Låtsasnäs kommun finns inte.\n\n"
    "Handlingsplan för trygghet och brottsförebyggande arbete 2025–2027\n\n"
    "Låtsasnäs kommun och Lokalpolisområde Låtsasnäs\n\n"
    "# 1. Fokusområden\n"
    "Kommunen och polisen har enats om två fokusområden för planperioden: trygga torg samt "
    "unga och narkotika.\n"
    "# 2. Trygga torg\n"
    "Otryggheten är störst kring torget under kvällstid. Många undviker platsen.\n"
    "- Kommunen förbättrar belysningen på torget.\n"
    "- Polisen genomför kvällsvandringar vid torget.\n"
    "# 3. Unga och narkotika\n"
    "{second}"
    "# 4. Uppföljning\n"
    "Planen följs upp en gång per år.\n"
)


def test_a_list_after_a_paragraph_of_background_is_the_areas(tmp_path: Path) -> None:
    """Under each area's heading, a paragraph of background and then the list: the list is
    the area's activities (the paragraph leads no list), and the paragraph is no fact."""
    source = tmp_path / "plan.txt"
    source.write_text(
        PLAN_WITH_BACKGROUND.format(second="- Skolan erbjuder föräldrautbildning i årskurs 7.\n"),
        encoding="utf-8",
    )
    x = ingest(source).extraction
    linked = {
        a.get("title"): [g.get("title") for g in a.values("goal")] for a in x.of("activities")
    }
    assert linked == {
        "Kommunen förbättrar belysningen på torget": ["Trygga torg"],
        "Polisen genomför kvällsvandringar vid torget": ["Trygga torg"],
        "Skolan erbjuder föräldrautbildning i årskurs 7": ["Unga och narkotika"],
    }
    titles = {e.get("title", "") for e in x.entities}
    assert not any(t.startswith(("Otryggheten", "Många")) for t in titles)


def test_a_list_led_by_another_lead_is_not_activities(tmp_path: Path) -> None:
    """A list after a lead that is not of activities (``Så mäter vi:``) is not the area's
    activities, although a paragraph of background comes before the lead."""
    source = tmp_path / "plan.txt"
    source.write_text(
        PLAN_WITH_BACKGROUND.format(
            second="Fler unga har erbjudits narkotika.\nSå mäter vi:\n"
            "- andelen unga som har erbjudits narkotika\n"
        ),
        encoding="utf-8",
    )
    x = ingest(source).extraction
    titles = {a.get("title") for a in x.of("activities")}
    assert "andelen unga som har erbjudits narkotika" not in {t.lower() for t in titles}
    assert all(not a.values("goal") for a in x.of("activities"))  # not every area has a list
