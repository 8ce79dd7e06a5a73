"""Ingest on the seed plan: every fact DOMAIN.md lists that the text states, in the RDF with its
provenance, in a draft that loads, and ``samklang check`` on the text itself."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from samklang.graph.ingest import ingest, load_document, provenance_quads
from samklang.graph.source_kind import load_dataset
from samklang.graph.store import open_store
from samklang.queries.check import check

from .conftest import VETLANDA

SEED = VETLANDA / "kallor" / "plan-brottsforebyggande-arbete-vetlanda-2020-2023.txt"


@pytest.fixture(scope="module")
def store():
    dataset = load_document(SEED)
    s = open_store("memory")
    s.add(dataset.quads)
    return s


def rows(store, query: str) -> list[dict[str, str]]:
    return [{k: v.value for k, v in row.items()} for row in store.select(query)]


def one(store, query: str) -> dict[str, str]:
    found = rows(store, query)
    assert len(found) == 1, found
    return found[0]


def test_seed_documents_and_periods(store) -> None:
    found = rows(
        store,
        """SELECT ?type ?title ?start ?end WHERE {
             ?d a sk:Document ; dcterms:type ?type ; dcterms:title ?title ;
                sk:periodStart ?start ; sk:periodEnd ?end .
           } ORDER BY ?type""",
    )
    periods = {r["type"].rsplit("/", 1)[-1]: (r["start"], r["end"]) for r in found}
    assert periods == {
        "handlingsprogram": ("2020-01-01", "2023-12-31"),
        "brottsforebyggande-plan": ("2020-01-01", "2023-12-31"),
        "samverkansoverenskommelse": ("2020-01-01", "2023-12-31"),
    }
    own = one(
        store,
        "SELECT ?t WHERE { ?d dcterms:type skdoc:brottsforebyggande-plan ; dcterms:title ?t }",
    )
    assert own["t"] == "Plan för brottsförebyggande arbete"
    series = one(
        store,
        """SELECT ?cadence ?since ?parent WHERE {
             ?s a sk:DocumentSeries ; dcterms:type skdoc:medborgarlofte ; sk:cadence ?cadence ;
                sk:inUseSince ?since ; dcterms:isPartOf/dcterms:type ?parent }""",
    )
    assert series == {
        "cadence": "P2Y",
        "since": "2016",
        "parent": "https://w3id.org/samklang/vocab/document-type/samverkansoverenskommelse",
    }


def test_seed_part_of_law_and_goal_areas(store) -> None:
    assert one(
        store,
        """SELECT ?p WHERE { ?plan dcterms:type skdoc:brottsforebyggande-plan ;
                                     dcterms:isPartOf/dcterms:type ?p }""",
    ) == {"p": "https://w3id.org/samklang/vocab/document-type/handlingsprogram"}
    assert one(
        store,
        """SELECT ?law ?count WHERE { ?h dcterms:type skdoc:handlingsprogram ;
                                          sk:legalBasis ?law ; sk:goalAreaCount ?count }""",
    ) == {"law": "https://w3id.org/samklang/vocab/law/sfs-2003-778", "count": "8"}
    assert rows(
        store,
        """SELECT ?t WHERE { ?a a sk:GoalArea ; dcterms:title ?t ;
                                 sk:statedIn/dcterms:type skdoc:handlingsprogram }""",
    ) == [{"t": "Brott"}]


def test_seed_organisations_groups_and_roles(store) -> None:
    organisations = rows(
        store,
        """SELECT ?label ?class WHERE { ?o rdfs:label ?label ; a ?class .
             VALUES ?class { sk:Municipality sk:PoliceArea sk:RescueServicesFederation } }
           ORDER BY ?label""",
    )
    assert [(r["label"], r["class"].rsplit("#", 1)[-1]) for r in organisations] == [
        ("Höglandets Räddningstjänstförbund", "RescueServicesFederation"),
        ("Lokalpolisområde Höglandet", "PoliceArea"),
        ("Vetlanda kommun", "Municipality"),
    ]
    group = one(
        store,
        """SELECT ?name ?convener ?boss (COUNT(DISTINCT ?m) AS ?members) WHERE {
             ?g a sk:ThemeGroup ; rdfs:label ?name ; sk:convener/rdfs:label ?convener ;
                org:hasMember ?m ; org:reportsTo ?b .
             ?b a sk:SteeringGroup ; rdfs:label ?boss .
           } GROUP BY ?name ?convener ?boss""",
    )
    assert group == {
        "name": "Temagrupp brott",
        "convener": "Höglandets Räddningstjänstförbund",
        "boss": "Kommunens ledningsgrupp",
        "members": "3",
    }


def test_seed_process_domains_and_follow_up(store) -> None:
    phases = rows(
        store,
        """SELECT ?n WHERE { ?p dcterms:type skdoc:brottsforebyggande-plan ;
                                  sk:processPhase ?ph . ?ph sk:order ?n } ORDER BY ?n""",
    )
    assert [r["n"] for r in phases] == ["1", "2", "3", "4"]
    domains = rows(store, "SELECT ?d WHERE { ?p sk:considersDomain ?d } ORDER BY ?d")
    assert [r["d"].rsplit("/", 1)[-1] for r in domains] == [
        "familjen",
        "individen",
        "kamratgruppen-fritiden",
        "samhallet",
        "skolan",
    ]
    assert one(
        store,
        "SELECT ?c ?t WHERE { ?p sk:followUpCadence ?c ; sk:followUpDocumentType ?t }",
    ) == {"c": "P1Y", "t": "https://w3id.org/samklang/vocab/document-type/trygghetsbokslut"}


def test_seed_works_cited_and_strategy(store) -> None:
    cited = rows(
        store,
        """SELECT ?creator ?year WHERE {
             ?p dcterms:type skdoc:brottsforebyggande-plan ; dcterms:references ?w .
             ?w dcterms:type skdoc:publikation ; dcterms:issued ?year ; dcterms:creator ?agent .
             ?agent a dcterms:Agent ; rdfs:label ?creator .
           } ORDER BY ?year ?creator""",
    )
    by_year: dict[str, set[str]] = {}
    for r in cited:
        by_year.setdefault(r["year"], set()).add(r["creator"])
    assert by_year == {
        "2007": {"D. Farrington", "B Welsh"},
        "2010": {"H Andershed", "A-K Andershed", "K. Carpelan", "World Health Organization"},
        "2016": {"Folkhälsomyndigheten"},
    }
    assert len({r["creator"] for r in cited}) == 7  # four works, seven creators
    strategy = one(
        store,
        """SELECT ?t WHERE { ?p dcterms:references ?s . ?s dcterms:type skdoc:strategi ;
                                                          dcterms:title ?t }""",
    )
    assert strategy == {"t": "Polismyndighetens Strategi 2024"}


def test_seed_header_fields_are_empty_not_unknown(store) -> None:
    found = rows(
        store,
        """SELECT ?field WHERE { ?p dcterms:type skdoc:brottsforebyggande-plan ;
                                     sk:emptyField ?field } ORDER BY ?field""",
    )
    local = sorted(r["field"].rsplit("#", 1)[-1].rsplit("/", 1)[-1] for r in found)
    assert local == ["date", "decidedBy", "handlaggare", "reviewedBy"]


def test_seed_states_no_activities_and_none_are_invented(store) -> None:
    assert rows(store, "SELECT ?a WHERE { ?a a sk:Activity }") == []
    assert rows(store, "SELECT ?g WHERE { ?g a sk:Goal }") == []


def test_check_on_the_seed_text_finds_doc_decision() -> None:
    findings = check(SEED, as_of=date(2026, 11, 25))
    decision = [f for f in findings if f.rule == "DOC-DECISION"]
    assert any(f.document_label == "Plan för brottsförebyggande arbete" for f in decision)


def test_every_record_says_where_it_was_read(store) -> None:
    missing = rows(
        store,
        """SELECT ?s WHERE {
             ?s a ?class .
             VALUES ?class { sk:Document sk:Municipality sk:ThemeGroup sk:SteeringGroup
                             sk:GoalArea sk:DocumentSeries sk:PoliceArea
                             sk:RescueServicesFederation }
             FILTER (STRSTARTS(STR(?s), "https://w3id.org/samklang/data/"))
             FILTER NOT EXISTS { ?s prov:wasDerivedFrom ?r .
                                 ?r oa:hasSelector/a oa:TextPositionSelector }
           }""",
    )
    assert missing == []


def test_positions_lines_and_quotes_agree(store) -> None:
    text = SEED.read_text(encoding="utf-8")
    spans = rows(
        store,
        """SELECT ?start ?end ?lines ?exact ?source WHERE {
             ?r a oa:SpecificResource ; oa:hasSource ?source ;
                oa:hasSelector ?p , ?l , ?q .
             ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
             ?l a oa:FragmentSelector ; rdf:value ?lines ;
                dcterms:conformsTo <http://tools.ietf.org/rfc/rfc5147> .
             ?q a oa:TextQuoteSelector ; oa:exact ?exact .
           }""",
    )
    assert len(spans) > 40
    for span in spans:
        start, end = int(span["start"]), int(span["end"])
        assert text[start:end] == span["exact"]
        first, last = (int(n) for n in span["lines"].removeprefix("line=").split(","))
        assert text[:start].count("\n") == first  # RFC 5147 counts line boundaries from 0
        assert text[: max(start, end - 1)].count("\n") + 1 == last
        assert span["source"].endswith("/kalla")
    [area] = rows(
        store,
        """SELECT ?lines ?exact WHERE { ?a a sk:GoalArea ; prov:wasDerivedFrom ?r .
             ?r oa:hasSelector [ a oa:FragmentSelector ; rdf:value ?lines ] ;
                oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact ?exact ] ;
                dcterms:description "title" }""",
    )
    assert area == {"lines": "line=38,39", "exact": "brott"}  # line 39 of the seed


def test_the_draft_folder_loads_to_the_same_graph(tmp_path: Path) -> None:
    draft = ingest(SEED, code="0685")
    draft.write(tmp_path / "utkast")
    from_folder = load_dataset(tmp_path / "utkast")
    from_file = load_document(SEED, code="0685")
    assert from_folder.code == from_file.code == "0685"
    assert set(from_folder.quads) | set(provenance_quads(draft)) == set(from_file.quads)
    assert {q.graph_name for q in from_file.quads} == {
        ox.NamedNode("https://w3id.org/samklang/graph/0685")
    }
    assert from_file.path == SEED


def test_draft_yaml_carries_provenance_comments_and_sources(tmp_path: Path) -> None:
    ingest(SEED).write(tmp_path / "utkast")
    documents = (tmp_path / "utkast" / "documents.yaml").read_text(encoding="utf-8")
    assert "period: 2020-2023  # rad 5, tecken 145–154: ”2020-2023”" in documents
    assert "    handlaggare:  # visas tomt: rad 7," in documents
    assert "      by:  # visas tomt: rad 9," in documents
    assert "goal_area_count: 8  # rad 39," in documents
    data = yaml.safe_load(documents)
    plan = next(d for d in data["documents"] if d["id"] == "plan")
    assert "kalla#7-10" in plan["source"] and "kalla#84" in plan["source"]
    municipality = (tmp_path / "utkast" / "municipality.yaml").read_text(encoding="utf-8")
    assert 'code: "0000"  # GRANSKA: platshållare' in municipality
    review = (tmp_path / "utkast" / "GRANSKA.md").read_text(encoding="utf-8")
    assert "kommunkoden står inte i texten" in review
    text = (tmp_path / "utkast" / "kallor" / SEED.name).read_text(encoding="utf-8")
    assert text.splitlines()[38].startswith("Landets kommuner är skyldiga")  # line 39


def test_placeholder_code_is_logged_for_check_file(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="samklang.graph.ingest"):
        dataset = load_document(SEED)
    assert dataset.code == "0000"
    assert any("0000" in r.getMessage() for r in caplog.records)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="samklang.graph.ingest"):
        load_document(SEED, code="0685")
    assert not caplog.records


def test_a_stated_code_is_read_and_a_different_given_code_is_marked(tmp_path: Path) -> None:
    document = tmp_path / "plan.txt"
    document.write_text(
        "Plan för brottsförebyggande arbete 2024–2027\n\nExempelby kommun (kommunkod 9999).\n",
        encoding="utf-8",
    )
    assert ingest(document).code == "9999"
    draft = ingest(document, code="9998")
    assert draft.code == "9998"
    assert any("9999" in what for _, what in draft.review)
