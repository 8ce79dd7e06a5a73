"""Kinds of statement the documents of issue 14 showed, each with phrasings invented for the
kind (not taken from a test document): open periods, periods of other documents, parties in
running text, which document a sentence or a part of the text is about, the law after
``enligt``, organisations and groups as plans write them, roles that are not members,
signatures over several lines, and focus areas listed in a sentence or under headings.

Every place, municipality, police area and person here is fictional: Låtsasnäs and
Påhittsfors are invented names (*låtsas*, pretend; *påhitt*, made up), no real place."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from samklang.graph.ingest import ingest
from samklang.graph.ingest.model import Extraction
from samklang.graph.ingest.periods import OPEN_START, PERIOD, open_period_of
from samklang.queries.check import check


def read(tmp_path: Path, text: str, name: str = "plan.txt") -> Extraction:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return ingest(path).extraction


def names(entities: list) -> set[str]:  # type: ignore[type-arg]
    return {e.get("name") or e.get("title") for e in entities}


def document(x: Extraction, doc_type: str):  # type: ignore[no-untyped-def]
    found = [e for e in x.of("documents") if e.get("type") == doc_type and e is not x.own]
    assert len(found) == 1, found
    return found[0]


# --- open periods ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("fr.o.m. 2025 och tills vidare", date(2025, 1, 1)),
        ("från och med den 1 mars 2024.", date(2024, 3, 1)),
        ("från 2023, utan slutdatum", date(2023, 1, 1)),
        ("fr.o.m. 2024-09-01", date(2024, 9, 1)),
    ],
)
def test_a_start_without_an_end_is_an_open_period(text: str, start: date) -> None:
    m = OPEN_START.search(text)
    assert m is not None and PERIOD.search(text) is None
    found = open_period_of(m)
    assert found is not None and found.start == start
    assert found.key() == f"{start.isoformat()}/.."


@pytest.mark.parametrize(
    "text", ["fr.o.m. 2024 t.o.m. 2026", "från 2024 till 2026", "från 2024–2026"]
)
def test_a_start_with_an_end_is_not_open(text: str) -> None:
    assert OPEN_START.search(text) is None and PERIOD.search(text) is not None


def test_an_open_period_of_the_document_invents_no_end(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Samverkansöverenskommelse för ett tryggare Låtsasnäs\n\nLåtsasnäs kommun och "
        "Lokalpolisområde Låtsasnäs.\n\nÖverenskommelsen gäller från och med 2025 och tills "
        "vidare.\n",
    )
    assert x.own.get("period") is None
    assert x.own.get("period_from") == date(2025, 1, 1)
    assert "period" in x.own.unsure
    assert any("från och med 2025" in r for r in x.own.review)


def test_an_open_period_in_the_draft_is_a_question_for_check(tmp_path: Path) -> None:
    path = tmp_path / "overenskommelse.txt"
    path.write_text(
        "Samverkansöverenskommelse för ett tryggare Låtsasnäs\n\nLåtsasnäs kommun och "
        "Lokalpolisområde Låtsasnäs.\n\nÖverenskommelsen gäller fr.o.m. 2025 och tills vidare.\n",
        encoding="utf-8",
    )
    draft = ingest(path)
    draft.write(tmp_path / "utkast")
    documents = yaml.safe_load((tmp_path / "utkast" / "documents.yaml").read_text("utf-8"))
    own = documents["documents"][0]
    assert "period" not in own and own["review"] == ["period"]
    assert "från och med 2025" in own["note"]
    findings = [f for f in check(path, as_of=date(2026, 6, 1)) if f.rule == "PER-MISSING"]
    assert findings and all(f.kind == "question" for f in findings)


def test_another_document_stated_to_run_from_a_start(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Åtgärdsplan mot brott 2025–2026\n\nLåtsasnäs kommun\n\nKommunens samverkans"
        "överenskommelse med polisen gäller fr.o.m. 2023 och tills vidare. Nuvarande "
        "medborgarlöfte gäller 2025–26.\n",
    )
    agreement = document(x, "samverkansoverenskommelse")
    assert agreement.get("period") is None and agreement.get("period_from") == date(2023, 1, 1)
    assert document(x, "medborgarlofte").get("period").key() == "2025-01-01/2026-12-31"


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("Löftet gäller under 2025 och 2026.", "2025-01-01/2026-12-31"),
        ("Löftet gäller under 2025.", "2025-01-01/2025-12-31"),
    ],
)
def test_years_joined_by_och(tmp_path: Path, sentence: str, key: str) -> None:
    x = read(tmp_path, f"Medborgarlöfte för Låtsasnäs\n\nLåtsasnäs kommun\n\n{sentence}\n")
    assert x.own.get("period").key() == key


def test_a_time_of_year_is_not_a_period(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Åtgärdsplan mot brott 2025–2026\n\nLåtsasnäs kommun\n\nPlanen bygger på lägesbilden "
        "från våren 2024.\n",
    )
    assert document(x, "lagesbild").get("period") is None


# --- parties ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Överenskommelsen har tecknats mellan Låtsasnäs kommun, Påhittsfors kommun och "
        "Lokalpolisområde Låtsasnäs.",
        "Överenskommelsen har tagits fram av Låtsasnäs kommun tillsammans med Påhittsfors kommun "
        "och Lokalpolisområde Låtsasnäs.",
    ],
)
def test_parties_in_running_text(tmp_path: Path, sentence: str) -> None:
    x = read(tmp_path, f"Samverkansöverenskommelse om trygghet\n\nFörord\n\n{sentence}\n")
    assert names(x.own.values("parties")) == {
        "Låtsasnäs kommun",
        "Påhittsfors kommun",
        "Lokalpolisområde Låtsasnäs",
    }


def test_a_list_that_is_not_of_organisations_gives_no_party(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Samverkansöverenskommelse om trygghet\n\nFörord\n\nÖverenskommelsen har tagits fram "
        "av Låtsasnäs kommun och en extern konsult.\n",
    )
    assert x.own.values("parties") == []


def test_the_parties_of_another_document_are_not_its_own(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Åtgärdsplan mot brott 2025–2026\n\nFörord\n\nPlanen bygger på "
        "samverkansöverenskommelsen mellan Låtsasnäs kommun och Lokalpolisområde Låtsasnäs.\n",
    )
    assert x.own.values("parties") == []


def test_parties_listed_under_parter_and_the_police_through_its_area(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Överenskommelse om samverkan i Låtsasnäs\n\nParter\n- Låtsasnäs kommun, org.nr "
        "212000-9999\n- Polismyndigheten genom lokalpolisområde Låtsasnäs\n\nBakgrund\nText.\n",
    )
    assert names(x.own.values("parties")) == {"Låtsasnäs kommun", "Lokalpolisområde Låtsasnäs"}


# --- which document is meant ---------------------------------------------------------------


def test_the_document_itself_named_by_another_type(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Handlingsplan för trygghet och brottsförebyggande arbete 2025–2027\n\nLåtsasnäs kommun\n\n"
        "Handlingsplanen är kommunens åtgärdsplan enligt lagen (2023:196) om kommuners ansvar "
        "för brottsförebyggande arbete.\n",
    )
    assert [e for e in x.of("documents") if e.get("type") == "atgardsplan"] == []
    assert ("law", "SFS 2023:196") in x.own.values("legal_basis")


def test_a_pronoun_is_about_the_document_before(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Åtgärdsplan mot brott 2025–2026\n\nLåtsasnäs kommun\n\nPlanen utgår från "
        "Handlingsprogram för skydd mot olyckor 2024–2027.\n\nHandlingsprogrammet antogs 2023. "
        "Det har sex målområden.\n",
    )
    assert document(x, "handlingsprogram").get("goal_area_count") == 6
    assert x.own.get("goal_area_count") is None


def test_the_law_after_enligt_is_the_basis_of_the_document_before_it(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Samverkansöverenskommelse om trygghet 2025–2027\n\nLåtsasnäs kommun och Lokalpolisområde "
        "Låtsasnäs\n\nÖverenskommelsen kompletterar varje kommuns åtgärdsplan enligt lagen "
        "(2023:196) om kommuners ansvar för brottsförebyggande arbete.\n",
    )
    assert x.own.values("legal_basis") == []
    assert [e for e in x.of("documents") if e.get("type") == "atgardsplan"] == []


def test_an_appendix_about_another_document_keeps_its_decision(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Åtgärdsplan mot brott 2025–2026\n\nLåtsasnäs kommun\n\nAntagen av kommunstyrelsen.\n\n"
        "Bakgrund\nPlanen hör till Handlingsprogram för trygghet 2024–2027.\n\n"
        "Bilaga 2. Handlingsprogram för trygghet 2024–2027 (utdrag)\n"
        "Fastställt av kommunfullmäktige 2023-10-02, § 80\n"
        "Programmets prioriterade områden:\n- Bränder i skolor\n- Otrygghet i centrum\n",
    )
    assert x.own.get("decision.date") is None
    assert x.of("focus_areas") == []
    programme = document(x, "handlingsprogram")
    assert programme.get("decision.date") == date(2023, 10, 2)


def test_a_list_proposed_for_another_document_is_not_its_own(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Lägesbild Låtsasnäs 2025\n\nLåtsasnäs kommun\n\nSlutsatser\nLägesbilden visar att "
        "åtgärdsplanen 2026–2027 bör prioritera:\n1. Bedrägerier mot äldre\n2. Skadegörelse\n",
    )
    assert x.of("focus_areas") == []


# --- organisations and groups ---------------------------------------------------------------


def test_a_police_area_in_lower_case_and_authors_of_sources(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Lägesbild Låtsasnäs 2025\n\nLåtsasnäs kommun\n\nLägesbilden har tagits fram "
        "tillsammans med lokalpolisområde Låtsasnäs.\n\nKällor\n"
        "Polismyndigheten (2025) Anmälda brott.\n"
        "Brottsförebyggande rådet (2024) Nationella trygghetsundersökningen.\n",
    )
    organisations = names(x.of("organisations"))
    assert "Lokalpolisområde Låtsasnäs" in organisations
    assert "Polismyndigheten" not in organisations
    assert x.of("groups") == []


def test_several_municipalities_are_marked_for_review(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Samverkansöverenskommelse om trygghet 2025–2027\n\nÖverenskommelsen har tecknats "
        "mellan Låtsasnäs kommun, Påhittsfors kommun och Lokalpolisområde Låtsasnäs. "
        "Påhittsfors kommun är sammankallande. Låtsasnäs kommun står för lokalerna.\n",
    )
    assert x.municipality.get("name") == "Låtsasnäs kommun"
    assert any("flera kommuner" in r for r in x.municipality.review)


def test_a_defined_council_is_the_styrgrupp_and_roles_are_not_members(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Åtgärdsplan mot brott 2025–2026\n\nLåtsasnäs kommun\n\nOrganisation\nLokala "
        "trygghetsrådet (LTR) är styrgrupp. I LTR ingår kommundirektören och "
        "lokalpolisområdeschefen. Rådet sammankallas av kommunens säkerhetssamordnare.\n",
    )
    groups = x.of("groups")
    assert [(g.get("name"), g.get("type")) for g in groups] == [
        ("Lokala trygghetsrådet", "styrgrupp")
    ]
    assert groups[0].values("members") == []
    assert any("person i en roll" in r for r in groups[0].review)
    assert groups[0].get("convener") is x.municipality


def test_members_that_are_parts_of_the_municipality(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Åtgärdsplan mot brott 2025–2026\n\nLåtsasnäs kommun och Lokalpolisområde Låtsasnäs\n\n"
        "Organisation\nI trygghetsgruppen ingår kommunens socialtjänst, skola och fritid samt "
        "polisen.\n",
    )
    (group,) = x.of("groups")
    assert names(group.values("members")) == {"Låtsasnäs kommun", "Lokalpolisområde Låtsasnäs"}


# --- signatures and focus areas -------------------------------------------------------------


def test_a_signature_over_several_lines(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Medborgarlöfte 2026 för Låtsasnäs\n\nLåtsasnäs kommun och Lokalpolisområde Låtsasnäs\n\n"
        "Löftet gäller 2026.\n\nLåtsasnäs den 2 mars 2026\n\nEva Ek\nKommunstyrelsens ordförande\n"
        "Låtsasnäs kommun\n\nBo Ås\nFör Polismyndigheten\nLokalpolisområde Låtsasnäs\n",
    )
    assert names(x.own.values("signed_by")) == {"Låtsasnäs kommun", "Lokalpolisområde Låtsasnäs"}
    assert x.own.get("signed_on") == date(2026, 3, 2)


@pytest.mark.parametrize("field", ["Beslutsdatum\t2025-11-18", "Antagen den 18 november 2025"])
def test_a_decision_date_in_the_header_is_no_signing(tmp_path: Path, field: str) -> None:
    x = read(
        tmp_path,
        f"Åtgärdsplan mot brott 2026–2027\n\nBeslutad av\tKommunstyrelsen\n{field}\n\n"
        "Låtsasnäs kommun och Lokalpolisområde Låtsasnäs har tagit fram planen.\n\n"
        "Samhällsbyggnadsnämnden ansvarar för trygghetsvandringarna.\n",
    )
    assert x.own.get("decision.date") == date(2025, 11, 18)
    assert "signed_on" not in x.own.facts
    assert not x.own.values("signed_by")


@pytest.mark.parametrize(
    ("sentence", "areas"),
    [
        (
            "Planen har tre fokusområden: trygg skolväg, unga och alkohol samt brott i hemmet.",
            {"Trygg skolväg", "Unga och alkohol", "Brott i hemmet"},
        ),
        ("Planen har tre fokusområden: trygg skolväg och unga och alkohol.", set()),
    ],
)
def test_areas_listed_in_a_sentence_only_as_many_as_it_says(
    tmp_path: Path, sentence: str, areas: set[str]
) -> None:
    x = read(tmp_path, f"Åtgärdsplan mot brott 2025–2026\n\nLåtsasnäs kommun\n\n{sentence}\n")
    assert names(x.of("focus_areas")) == areas


def test_promises_as_markdown_subheadings(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "# Medborgarlöfte 2026\n\nLåtsasnäs kommun och Lokalpolisområde Låtsasnäs.\n\n"
        "## Våra löften\n\n### Lugnare torg\n\nPolisen lovar att:\n\n- gå fotpatrull på torget\n\n"
        "### Säkrare cykelvägar\n\nKommunen lovar att:\n\n- laga belysningen längs cykelvägen\n\n"
        "## Uppföljning\n\nLöftet följs upp årligen.\n",
        name="lofte.md",
    )
    assert names(x.of("focus_areas")) == {"Lugnare torg", "Säkrare cykelvägar"}
    links = {a.get("title"): names(a.values("goal")) for a in x.of("activities")}
    assert links == {
        "gå fotpatrull på torget": {"Lugnare torg"},
        "laga belysningen längs cykelvägen": {"Säkrare cykelvägar"},
    }


# --- follow-up ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentences", "cadence"),
    [
        ("Planen följs upp två gånger per år. Resultaten redovisas i ett trygghetsbokslut.", "P6M"),
        (
            "Rådet följer upp planen varje kvartal. Arbetet redovisas i ett trygghetsbokslut "
            "till kommunstyrelsen varje år.",
            "P3M",
        ),
    ],
)
def test_the_report_named_in_the_next_sentence_is_the_follow_up_report(
    tmp_path: Path, sentences: str, cadence: str
) -> None:
    x = read(tmp_path, f"Åtgärdsplan mot brott 2026–2027\n\nLåtsasnäs kommun\n\n{sentences}\n")
    assert x.own.get("follow_up.cadence") == cadence
    assert x.own.get("follow_up.document_type") == "trygghetsbokslut"


def test_a_report_two_sentences_later_is_not_the_follow_up_report(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Åtgärdsplan mot brott 2026–2027\n\nLåtsasnäs kommun\n\nPlanen följs upp två gånger per "
        "år. Kommunen har ett råd. Rådet redovisas i ett trygghetsbokslut.\n",
    )
    assert x.own.get("follow_up.cadence") == "P6M"
    assert "follow_up.document_type" not in x.own.facts


# --- the document's own period in its title -------------------------------------------------


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("MEDBORGARLÖFTE LÅTSASNÄS 2026", "2026-01-01/2026-12-31"),
        (
            "Samverkansöverenskommelse mellan Låtsasnäs kommun och\n"
            "Lokalpolisområde Låtsasnäs 2026–2029",
            "2026-01-01/2029-12-31",
        ),
    ],
)
def test_the_period_in_a_title_with_a_lone_year_or_wrapped(
    tmp_path: Path, title: str, period: str
) -> None:
    x = read(
        tmp_path,
        f"{title}\n\nLåtsasnäs kommun och Lokalpolisområde Låtsasnäs samarbetar mot brott.\n",
    )
    assert x.own.get("period").key() == period


def test_an_edition_year_in_the_title_is_not_the_period(tmp_path: Path) -> None:
    x = read(tmp_path, "Åtgärdsplan mot brott, reviderad 2024\n\nLåtsasnäs kommun\n")
    assert x.own.get("period") is None


def test_a_municipal_service_in_a_responsible_cell_is_the_municipality(tmp_path: Path) -> None:
    x = read(
        tmp_path,
        "Åtgärdsplan mot brott 2026–2027\n\nLåtsasnäs kommun\n\n"
        "| Aktivitet | Ansvarig |\n|---|---|\n| Samtalsgrupper för unga | Socialtjänsten |\n",
        name="plan.md",
    )
    (activity,) = x.of("activities")
    assert names(activity.values("responsible")) == {"Låtsasnäs kommun"}


def test_a_sentence_wrapped_after_a_comma_goes_on(tmp_path: Path) -> None:
    """A PDF's line ends where the line is full, also right after a comma: the next line goes
    on with the sentence, and the members it names after the break are members."""
    x = read(
        tmp_path,
        "Åtgärdsplan mot brott 2025–2026\n\nLåtsasnäs kommun och Lokalpolisområde Låtsasnäs\n\n"
        "Organisation\nUnder styrgruppen arbetar en samverkansgrupp med representanter för "
        "kommunens socialtjänst,\nskola och fritid, Lokalpolisområde Låtsasnäs och "
        "Räddningstjänsten Låtsasnäs.\n",
    )
    group = next(g for g in x.of("groups") if g.key.startswith("samverkansgrupp"))
    assert names(group.values("members")) == {
        "Låtsasnäs kommun",
        "Lokalpolisområde Låtsasnäs",
        "Räddningstjänsten Låtsasnäs",
    }


def test_items_ending_in_a_comma_stay_items(tmp_path: Path) -> None:
    """A list whose items end in a comma is a list still: no item runs on into the next."""
    x = read(
        tmp_path,
        "Samverkansöverenskommelse 2025–2027\n\nLåtsasnäs kommun och Lokalpolisområde "
        "Låtsasnäs\n\nPrioriterade områden\n- narkotika bland unga,\n- trygghet i "
        "centrum,\n- våld i nära relationer.\n",
    )
    assert {e.get("title") for e in x.of("focus_areas")} == {
        "narkotika bland unga",
        "trygghet i centrum",
        "våld i nära relationer",
    }


def responsible(x: Extraction) -> dict[str, set[str]]:
    return {a.get("title"): names(a.values("responsible")) for a in x.of("activities")}


def test_a_lead_line_before_a_list_names_who_does_its_items(tmp_path: Path) -> None:
    """``Polisen ska:`` / ``Kommunen ska:`` as lines of text under one heading of activities:
    each list is the activities of the party its lead names (the police: the document's
    police area; the municipality: its municipality)."""
    x = read(
        tmp_path,
        "Medborgarlöfte för Låtsasnäs 2026\n\nLåtsasnäs kommun och Lokalpolisområde Låtsasnäs "
        "lovar invånarna ett tryggare Låtsasnäs.\n\nSå gör vi\nPolisen ska:\n- patrullera vid "
        "torget tre kvällar i veckan\n- besöka skolorna i årskurs 8\nKommunen ska:\n\n"
        "- anställa två fältassistenter\n",
    )
    assert responsible(x) == {
        "patrullera vid torget tre kvällar i veckan": {"Lokalpolisområde Låtsasnäs"},
        "besöka skolorna i årskurs 8": {"Lokalpolisområde Låtsasnäs"},
        "anställa två fältassistenter": {"Låtsasnäs kommun"},
    }


def test_a_list_after_a_line_that_names_no_party_has_no_lead(tmp_path: Path) -> None:
    """A lead holds for its own list only: a list after a line of text that is no party's
    lead is not the police's although a police list came before it."""
    x = read(
        tmp_path,
        "Medborgarlöfte för Låtsasnäs 2026\n\nLåtsasnäs kommun och Lokalpolisområde Låtsasnäs "
        "lovar invånarna ett tryggare Låtsasnäs.\n\nSå gör vi\nPolisen ska:\n- patrullera vid "
        "torget\nDessutom planeras följande under året:\n- en trygghetsvandring i hamnen\n",
    )
    found = responsible(x)
    assert found["patrullera vid torget"] == {"Lokalpolisområde Låtsasnäs"}
    assert "Lokalpolisområde Låtsasnäs" not in found["en trygghetsvandring i hamnen"]


def test_items_and_goal_lines_wrapped_in_a_narrow_column(tmp_path: Path) -> None:
    """A narrow column (a two-column PDF) wraps a list item, a ``Mål 1:`` line and a name
    wherever the line is full: each is read whole, its evidence over both lines."""
    x = read(
        tmp_path,
        "Medborgarlöfte för Låtsasnäs 2026\n\nLåtsasnäs kommun och Låtsasnäs\n"
        "räddningstjänstförbund lovar invånarna ett tryggare Låtsasnäs.\n\nMål 1: Andelen "
        "invånare som "
        "känner sig\ntrygga i centrum ska öka.\n\nSå gör vi\nKommunen lovar att\n"
        "- förbättra belysningen vid busstationen\nunder 2026,\n- erbjuda föräldravandringar\n"
        "med föreningslivet.\n",
    )
    assert {a.get("title") for a in x.of("activities")} == {
        "förbättra belysningen vid busstationen under 2026",
        "erbjuda föräldravandringar med föreningslivet",
    }
    (goal,) = x.of("goals")
    assert goal.get("title") == "Andelen invånare som känner sig trygga i centrum ska öka"
    assert goal.facts["title"][0].evidence.lines == "6-7"
    assert names(x.of("organisations")) == {"Låtsasnäs räddningstjänstförbund"}


def test_a_line_after_an_item_that_ends_its_sentence_is_not_the_item(tmp_path: Path) -> None:
    """An item that ends its sentence, or a next line that begins in upper case or is
    indented, is not wrapped: the line after it is text of its own, not part of the item."""
    x = read(
        tmp_path,
        "Medborgarlöfte för Låtsasnäs 2026\n\nLåtsasnäs kommun och Lokalpolisområde Låtsasnäs\n\n"
        "Så gör vi\nKommunen lovar att\n- förbättra belysningen vid busstationen.\n"
        "löftet följs upp i oktober.\n- erbjuda föräldravandringar\nUppföljningen sker i "
        "samverkansgruppen.\n",
    )
    assert {a.get("title") for a in x.of("activities")} == {
        "förbättra belysningen vid busstationen",
        "erbjuda föräldravandringar",
    }


def works(x: Extraction) -> dict[str, str]:
    return {
        e.key: e.get("citation") or e.get("title")
        for e in x.of("documents")
        if e.key.startswith("work|")
    }


def test_an_entry_of_the_sources_wrapped_over_lines_is_one_work(tmp_path: Path) -> None:
    """A narrow column wraps an entry of the list of sources: the short first line is no
    heading, and the entry is read whole (its year on the next line is no work of its own)."""
    x = read(
        tmp_path,
        "Lägesbild Låtsasnäs 2025\n\nLåtsasnäs kommun\n\nLägesbilden bygger på statistik.\n\n"
        "Källor\nPolismyndigheten (2025) Lokal lägesbild\nLokalpolisområde Låtsasnäs, intern "
        "rapport.\nPåhittsfors kommun (2025) Medborgarenkät\n2025.\n",
    )
    assert works(x) == {
        "work|polismyndigheten|2025": (
            "Polismyndigheten (2025) Lokal lägesbild Lokalpolisområde Låtsasnäs, intern rapport"
        ),
        "work|påhittsfors kommun|2025": "Påhittsfors kommun (2025) Medborgarenkät 2025",
    }
    assert "Lokalpolisområde Låtsasnäs" not in names(x.of("organisations"))  # an author's words


def test_entries_of_the_sources_each_on_a_line_stay_apart(tmp_path: Path) -> None:
    """Entries that each begin with an author and a year in parentheses, or with a bullet,
    are works of their own although none ends in a full stop."""
    x = read(
        tmp_path,
        "Lägesbild Låtsasnäs 2025\n\nLåtsasnäs kommun\n\nLägesbilden bygger på statistik.\n\n"
        "Källor\nPolismyndigheten (2025) Lokal lägesbild\nPåhittsfors kommun (2024) "
        "Medborgarenkät\n- Brå (2023) Nationella trygghetsundersökningen\n",
    )
    assert works(x) == {
        "work|polismyndigheten|2025": "Polismyndigheten (2025) Lokal lägesbild",
        "work|påhittsfors kommun|2024": "Påhittsfors kommun (2024) Medborgarenkät",
        "work|brå|2023": "Brå (2023) Nationella trygghetsundersökningen",
    }
