"""Ingest: turn a plan document (``.txt``, ``.md``, ``.docx``, ``.pdf``) into a draft dataset.

>>> draft = ingest("plan.txt", code="0685")          # doctest: +SKIP
>>> draft.write("plan-utkast")                        # doctest: +SKIP
>>> dataset = load_document("plan.txt")               # doctest: +SKIP

``ingest`` reads the text (``text.py``), finds the facts with readable rules (``patterns``,
one module per kind of fact, run in order by ``extract.py``) and returns a :class:`Draft` that
writes a dataset folder in the input format (``draft.py``), every value commented with the line
and characters it came from.
``load_document`` is what ``samklang check FILE`` uses: it writes the draft to a temporary folder,
loads it like any dataset, and adds the provenance of every fact as ``prov``/``oa`` quads.
"""

from __future__ import annotations

import logging
import re
import tempfile
from pathlib import Path

import pyoxigraph as ox

from samklang.errors import InputError, UsageError
from samklang.graph.ingest.draft import (
    PLACEHOLDER_CODE,
    SHORT_IDS,
    SOURCE_ID,
    Draft,
    evidence_of,
    slug,
)
from samklang.graph.ingest.extract import extract
from samklang.graph.ingest.model import Entity, Extraction, Fact
from samklang.graph.ingest.organisations import UNKNOWN_MUNICIPALITY
from samklang.graph.ingest.text import read_document

log = logging.getLogger(__name__)


def ingest(path: str | Path, code: str | None = None, name: str | None = None) -> Draft:
    """Read a plan document into a draft dataset.

    Args:
        path: a ``.txt``, ``.md``, ``.docx`` or ``.pdf`` file.
        code: the SCB municipality code, when the text does not state it (``--kod``). A code
            the text states wins over this one only if they agree; else this one is used and
            the difference is marked for review.
        name: the municipality's name, when the text names none (``--kommun``).

    Returns:
        The draft: what was found, with provenance, and what must be reviewed.

    Raises:
        InputError: the file cannot be read as a plan document.
        UsageError: ``code`` is not four digits.
    """
    if code is not None and not re.fullmatch(r"\d{4}", code):
        raise UsageError(f"'{code}' is not a municipality code; expected four digits such as 0685")
    source = read_document(path)
    extraction = extract(source)
    if name:
        _rename_municipality(extraction, name)
    draft = Draft(source, extraction, _code(extraction, code))
    _assign_ids(draft)
    _collect_review(draft)
    return draft


def _rename_municipality(extraction: Extraction, name: str) -> None:
    """Use ``name`` (``--kommun``) for the municipality; a different name in the text is
    marked for review."""
    municipality = extraction.municipality
    found = municipality.get("name")
    if found and found != name and found != UNKNOWN_MUNICIPALITY:
        municipality.review.append(f"texten säger {found}; utkastet använder {name} (--kommun)")
    same = [f for f in municipality.facts.get("name", []) if f.value == name]
    municipality.facts["name"] = same or [Fact(name, None)]
    municipality.review = [r for r in municipality.review if "namnger ingen kommun" not in r]


def _code(extraction: Extraction, code: str | None) -> str:
    stated = extraction.code.value if extraction.code else None
    if code and stated and code != stated:
        extraction.municipality.review.append(
            f"texten anger kommunkoden {stated}; utkastet använder {code} (--kod)"
        )
    return code or stated or PLACEHOLDER_CODE


def _assign_ids(draft: Draft) -> None:
    """Give every entity a unique id: names become slugs, documents their type."""
    used: set[str] = {SOURCE_ID}

    def unique(base: str) -> str:
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        return candidate

    x = draft.extraction
    x.municipality.id = unique(slug(x.municipality.get("name") or "kommun"))
    counters: dict[str, int] = {}
    for entity in x.entities:
        if entity is x.municipality:
            continue
        section = entity.section
        if section in ("organisations", "groups"):
            name = entity.get("name")
            abbreviation = entity.get("abbreviation") or entity.get("short")
            if entity.get("type") == "lokalpolisomrade":
                base = "lpo-" + slug(name.split(" ", 1)[-1])
            else:
                base = slug(abbreviation or name)
        elif section == "series":
            base = SHORT_IDS.get(entity.get("type"), "serie") + "-serie"
            base = "medborgarloften" if entity.get("type") == "medborgarlofte" else base
        elif section == "documents":
            doc_type = entity.get("type")
            if doc_type == "publikation":
                base = slug(f"{entity.get('surname')}-{entity.get('issued')}")
            elif doc_type == "strategi":
                base = slug(entity.get("title"))
            else:
                base = SHORT_IDS.get(doc_type, slug(entity.get("title")))
                period = entity.get("period")
                same = [
                    e for e in x.entities if e.section == "documents" and e.get("type") == doc_type
                ]
                if len(same) > 1 and period is not None:
                    base = f"{base}-{period.start.year}-{period.end.year}"
        elif section == "goal_areas":
            base = "malomrade-" + slug(entity.get("title"))
        else:
            prefix = {
                "goals": "mal",
                "focus_areas": "fokus",
                "activities": "aktivitet",
                "problems": "problem",
            }[section]
            if section == "focus_areas" and x.own.get("type") == "medborgarlofte":
                prefix = "lofte"
            counters[prefix] = counters.get(prefix, 0) + 1
            base = f"{prefix}-{counters[prefix]}"
        entity.id = unique(base)


def _collect_review(draft: Draft) -> None:
    x = draft.extraction
    if draft.code_is_placeholder:
        draft.review.append(
            (
                "municipality.yaml, code",
                f"kommunkoden står inte i texten; utkastet använder platshållaren "
                f"{PLACEHOLDER_CODE}. Skriv kommunens SCB-kod (fyra siffror), eller kör "
                "om med --kod.",
            )
        )
    for entity in x.entities:
        reviews = draft._reviews(entity)
        for review in reviews:
            draft.review.append((f"{_file_of(entity)}, {entity.id}", review))
    for entity in x.entities:
        if entity.section == "activities" and not entity.get("year"):
            draft.skipped.append(
                f"aktiviteten ”{entity.get('title')}” ({entity.evidence()[0].comment()}): "
                "året saknas och dokumentet anger ingen period"
            )
    for review in x.review:
        draft.review.append(("hela dokumentet", review))


def _file_of(entity: Entity) -> str:
    from samklang.graph.ingest.draft import FILES

    if entity.section == "activities":
        return "activities.csv"
    return next(name for name, sections in FILES.items() if entity.section in sections)


def load_document(path: str | Path, code: str | None = None):  # type: ignore[no-untyped-def]
    """Ingest a plan document and load the draft as a dataset, as ``samklang check FILE`` does.

    The draft goes to a temporary folder, is read by ``load_dataset_folder`` like any dataset
    folder, and the folder is removed. The quads also carry the provenance of every fact
    (:func:`provenance_quads`). When the text states no municipality code and none is given,
    the placeholder ``0000`` is used and a warning is logged (``samklang.graph.ingest``).

    Args:
        path: the document.
        code: the SCB municipality code, if known.

    Returns:
        A :class:`samklang.graph.dataset.Dataset` whose ``path`` is the document.

    Raises:
        InputError: the document cannot be read, or its draft does not load.
    """
    from samklang.graph.dataset import load_dataset_folder

    draft = ingest(path, code=code)
    if draft.code_is_placeholder:
        log.warning(
            "samklang: %s: kommunkoden står inte i texten; granskningen använder platshållaren "
            "%s (ange den i ett utkast från 'samklang ingest --kod NNNN').",
            draft.source.path,
            PLACEHOLDER_CODE,
        )
    with tempfile.TemporaryDirectory(prefix="samklang-ingest-") as folder:
        draft.write_into(Path(folder))
        try:
            dataset = load_dataset_folder(folder)
        except InputError as err:
            raise InputError(
                draft.source.path,
                None,
                f"the draft made from it does not load ({err.path.name}, {err.location}: "
                f"{err.problem}); please report this as a bug of samklang ingest",
            ) from err
    dataset.quads.extend(provenance_quads(draft))
    dataset.path = draft.source.path
    dataset.files = [draft.source.path]
    return dataset


def provenance_quads(draft: Draft) -> list[ox.Quad]:
    """Where each fact of the draft was read, as Web Annotation selectors.

    For every span a record was read from: ``record prov:wasDerivedFrom span``, and ``span`` is
    an ``oa:SpecificResource`` whose ``oa:hasSource`` is the document's text, with an
    ``oa:TextPositionSelector`` (``oa:start``/``oa:end``, character offsets), an RFC 5147
    ``oa:FragmentSelector`` (``line=38,39`` for line 39), an ``oa:TextQuoteSelector``
    (``oa:exact``) and, in ``dcterms:description``, the fields read from it.
    """
    from samklang.graph.provenance import derived_from
    from samklang.ontology.namespace import DATA, DCTERMS, GRAPH

    graph = GRAPH.term(draft.code)
    source = DATA.term(f"{draft.code}/{SOURCE_ID}")
    quads: list[ox.Quad] = [
        ox.Quad(source, DCTERMS.identifier, ox.Literal(f"sha256:{draft.source.sha256}"), graph)
    ]

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        quads.append(ox.Quad(s, p, o, graph))

    for entity in draft.extraction.entities:
        if entity.section == "activities" and not entity.get("year"):
            continue
        subject = DATA.term(f"{draft.code}/{entity.id}")
        for n, (evidence, fields) in enumerate(
            sorted(evidence_of(entity).items(), key=lambda item: item[0].start), 1
        ):
            for triple in derived_from(
                subject,
                ox.NamedNode(f"{subject.value}#span-{n}"),
                source,
                description=", ".join(fields),
                position=(evidence.start, evidence.end),
                lines=(evidence.first_line, evidence.last_line),
                quote=evidence.quote,
            ):
                add(*triple)
    return quads
