"""Build a dataset's RDF from its records: resolve every reference and emit the quads.

``dataset.py`` reads and validates the files into records (``records.py``); a :class:`Builder`
turns them into quads in the dataset's named graph, one method per section of ``schema``,
and remembers where each resource is written (for reports that point into the files).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from samklang.errors import InputError
from samklang.graph.literals import (
    boolean_literal,
    date_literal,
    integer_literal,
    text_literal,
)
from samklang.graph.measures import indicator, measure, scope
from samklang.graph.provenance import derived_from
from samklang.graph.records import Record
from samklang.graph.schema import GROUP_TYPES, ORGANISATION_TYPES, SECTIONS, Field
from samklang.graph.values import law_id
from samklang.ontology.namespace import (
    DATA,
    DCTERMS,
    LAW,
    ORG,
    RDF,
    RDFS,
    RULE,
    SK,
    SKOS,
    XSD,
)

if TYPE_CHECKING:
    from samklang.graph.dataset import Dataset

Term = ox.NamedNode | ox.Literal


def vocabulary_focus(text: str) -> ox.NamedNode | None:
    """The vocabulary term a finding may concern, named as in the files: a law
    (``SFS 2017:725``) or a domain (``individen``); ``None`` if ``text`` names neither."""
    from samklang.ontology.vocabulary import vocabularies

    if law := law_id(text):
        return LAW.term(law)
    try:
        return vocabularies().lookup("domain", text)
    except LookupError:
        return None


PLANNED_COUNT = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*")
"""The number in a planned output: ``minst 15 trafikkontroller`` → 15, ``1 200 besök`` → 1200."""


class Builder:
    """Resolves references between records and emits their quads."""

    def __init__(
        self,
        folder: Path,
        municipality: Record,
        records: list[Record],
        owner: str = "",
        *,
        into: Dataset,
    ) -> None:
        self.dataset = into
        """Where the quads and locations go: the dataset being read (a shared dataset's
        builder writes into the dataset of the municipality that uses it)."""
        self.folder = folder
        self.municipality = municipality
        self.owner = owner
        """For a shared dataset, its owner's id; its records are ``data/shared/{owner}/…``."""
        self.shared: list[Builder] = []
        """The shared datasets this one uses."""
        self.records = records
        self.kpis: dict[str, Record] = {}
        """Each Kolada KPI, and the indicator that is it."""
        self.index: dict[str, Record] = {}
        for record in records:
            if (other := self.index.get(record.id)) is not None:
                raise record.fail(
                    "id",
                    f"the id '{record.id}' is already used by an item of "
                    f"'{other.section}' ({other.path.name}, {other.location})",
                )
            self.index[record.id] = record

    def iri(self, local: str) -> ox.NamedNode:
        if self.owner:
            return DATA.term(f"shared/{self.owner}/{local}")
        return DATA.term(f"{self.dataset.code}/{local}")

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: Term) -> None:
        self.dataset.quads.append(ox.Quad(s, p, o, self.dataset.graph))

    def ref(
        self, record: Record, name: str, value: Any, f: Field, prefix: str = ""
    ) -> ox.NamedNode:
        """Resolve one reference, or fail naming what it may point to (a shared dataset's
        records as they are written from the dataset that uses it: ``prefix`` ``hrf/``)."""
        if isinstance(value, tuple):  # ("law", "sfs-2003-778")
            return LAW.term(value[1])
        owner, slash, local = value.partition("/")
        if slash:
            shared = next((b for b in self.shared if b.owner == owner), None)
            if shared is None:
                raise record.fail(
                    name,
                    f"'{name}: {value}' names no shared dataset '{owner}'; expected the owner "
                    "id of a folder listed under 'shared:' in municipality.yaml"
                    + (" (a shared dataset refers only to its own records)" if self.owner else ""),
                )
            target = shared.index.get(local)
            if target is not None and target.section in f.targets:
                return shared.iri(local)
            return shared.ref(record, name, local, f, prefix=f"{owner}/")
        target = self.index.get(value)
        if target is None or target.section not in f.targets:
            kinds = " or ".join(
                SECTIONS[t].name.replace("_", " ") for t in f.targets if t in SECTIONS
            )
            known = [r.id for r in self.records if r.section in f.targets]
            close = difflib.get_close_matches(value, known, n=2)
            hint = (
                f" (did you mean {' or '.join(repr(prefix + c) for c in close)}?)" if close else ""
            )
            what = (
                "names nothing the dataset defines"
                if target is None
                else f"names a {target.section} item"
            )
            raise record.fail(
                name,
                f"'{name}: {prefix}{value}' {what}{hint}; expected the id of "
                f"one of its {kinds}"
                + (" or a law such as SFS 2003:778" if "law" in f.targets else ""),
            )
        return self.iri(target.id)

    def lookup(self, value: str) -> tuple[Builder, Record] | None:
        """The record a reference names (``id`` or ``owner/id``) and the builder that has it."""
        owner, slash, local = value.partition("/")
        if slash:
            shared = next((b for b in self.shared if b.owner == owner), None)
            return shared.lookup(local) if shared is not None else None
        record = self.index.get(value)
        return (self, record) if record is not None else None

    def item_ref(self, record: Record, name: str, index: int, value: str) -> ox.NamedNode:
        """Resolve the reference ``name`` (``indicators.indicator``) of item ``index`` of a
        list field, failing at that item's line."""
        head, _, sub = name.partition(".")
        f = SECTIONS[record.section].field(head)
        assert f is not None
        subfield = next(s for s in f.subfields if s.name == sub)
        try:
            return self.ref(record, name, value, subfield)
        except InputError as err:
            where = record.where(f"{head}[{index}].{sub}")
            raise InputError(err.path, where, err.problem) from None

    def refs(self, record: Record, name: str, values: Any = None) -> list[ox.NamedNode]:
        """Resolve the reference field ``name`` of a record (one or many values)."""
        values = record.values.get(name) if values is None else values
        if values is None:
            return []
        section = SECTIONS[record.section]
        f = section.field(name.split(".")[0])
        assert f is not None
        if f.subfields:
            f = next(s for s in f.subfields if s.name == name.split(".")[-1])
        return [
            self.ref(record, name, v, f) for v in (values if isinstance(values, list) else [values])
        ]

    def build(self) -> None:
        for record in self.records:
            subject = self.iri(record.id)
            self.dataset.locations[subject.value] = (record.path, record.location)
            getattr(self, f"_{record.section}")(record, subject)
            self._common(record, subject)

    def _common(self, record: Record, subject: ox.NamedNode) -> None:
        values = record.values
        if "note" in values:
            self.add(subject, SKOS.note, text_literal(values["note"]))
        known = [f.name for f in SECTIONS[record.section].fields]
        for name in values.get("review", []):
            if name not in known:
                raise record.fail(
                    "review",
                    f"'review: {name}' names no field of {record.section}; expected one of "
                    + ", ".join(known),
                )
            self.add(subject, SK.review, ox.Literal(name))
        for n, source in enumerate(values.get("source", []), 1):
            source_id, _, lines = source.partition("#")
            target = self.index.get(source_id)
            if target is None or target.section != "sources":
                raise record.fail(
                    "source",
                    f"'source: {source}' names no item of 'sources'; "
                    "expected the id of a source defined under 'sources:'",
                )
            first, _, last = lines.partition("-")
            for triple in derived_from(
                subject,
                ox.NamedNode(f"{subject.value}#source-{n}"),
                self.iri(source_id),
                lines=(int(first), int(last or first)) if lines else None,
            ):
                self.add(*triple)

    def _municipality(self, record: Record, s: ox.NamedNode) -> None:
        self.add(s, RDF.type, SK.Municipality)
        self.add(s, RDFS.label, text_literal(record.values["name"]))
        self.add(s, SK.municipalityCode, ox.Literal(record.values["code"]))
        for o in self.refs(record, "coordination_function"):
            self.add(s, SK.coordinationFunction, o)

    def _owner(self, record: Record, s: ox.NamedNode) -> None:
        self._organisations(record, s)

    def _sources(self, record: Record, s: ox.NamedNode) -> None:
        v = record.values
        self.add(s, RDF.type, SK.Source)
        self.add(s, DCTERMS.title, text_literal(v["title"]))
        if "file" in v:
            inside = self.folder.resolve()
            if Path(v["file"]).is_absolute() or not (inside / v["file"]).resolve().is_relative_to(
                inside
            ):
                raise record.fail(
                    "file",
                    f"'file: {v['file']}' leaves the dataset folder; expected a path inside it, "
                    "relative to it (copy the file into the folder)",
                )
            if not (self.folder / v["file"]).is_file():
                raise record.fail(
                    "file",
                    f"'file: {v['file']}' is not a file in the dataset "
                    "folder; expected a path relative to it",
                )
            self.add(s, SK.sourceFile, ox.Literal(v["file"]))
        if "url" in v:
            self.add(s, RDFS.seeAlso, ox.NamedNode(v["url"]))

    def _organisations(self, record: Record, s: ox.NamedNode) -> None:
        v = record.values
        cls = ORGANISATION_TYPES.get(v.get("type", "organisation"), "")
        self.add(s, RDF.type, SK.term(cls) if cls else ORG.Organization)
        self.add(s, RDFS.label, text_literal(v["name"]))
        if "abbreviation" in v:
            self.add(s, SK.abbreviation, text_literal(v["abbreviation"]))
        for o in self.refs(record, "part_of"):
            self.add(s, ORG.subOrganizationOf, o)
        for o in self.refs(record, "coordinates_work_of"):
            self.add(s, SK.coordinatesWorkOf, o)

    def _groups(self, record: Record, s: ox.NamedNode) -> None:
        v = record.values
        self.add(s, RDF.type, SK.term(GROUP_TYPES[v["type"]]))
        self.add(s, RDFS.label, text_literal(v["name"]))
        for o in self.refs(record, "members"):
            self.add(s, ORG.hasMember, o)
        for o in self.refs(record, "convener"):
            self.add(s, SK.convener, o)
        for o in self.refs(record, "reports_to"):
            self.add(s, ORG.reportsTo, o)
        for o in self.refs(record, "part_of"):
            self.add(s, ORG.subOrganizationOf, o)
        for o in self.refs(record, "coordinates_work_of"):
            self.add(s, SK.coordinatesWorkOf, o)

    def _series(self, record: Record, s: ox.NamedNode) -> None:
        v = record.values
        self.add(s, RDF.type, SK.DocumentSeries)
        self.add(s, DCTERMS.title, text_literal(v["title"]))
        self.add(s, DCTERMS.type, v["type"])
        if "cadence" in v:
            self.add(s, SK.cadence, ox.Literal(v["cadence"], datatype=XSD.duration))
        if "since" in v:
            self.add(s, SK.inUseSince, integer_literal(v["since"]))
        for o in self.refs(record, "part_of"):
            self.add(s, DCTERMS.isPartOf, o)

    def _documents(self, record: Record, s: ox.NamedNode) -> None:
        v = record.values
        self.add(s, RDF.type, SK.Document)
        self.add(s, DCTERMS.title, text_literal(v["title"]))
        self.add(s, DCTERMS.type, v["type"])
        if self.owner:  # for the municipality that uses it, when the owner names it
            if self.municipality.values["code"] in v.get("municipalities", []):
                user = DATA.term(f"{self.dataset.code}/{self.municipality.id}")
                self.add(s, SK.municipality, user)
        elif "municipalities" in v:
            raise record.fail(
                "municipalities",
                "'municipalities' belongs in a shared dataset (under 'owner:'); a municipality's "
                "own documents are its own",
            )
        else:
            self.add(s, SK.municipality, self.iri(self.municipality.id))
        if "period" in v:
            start, end = v["period"]
            self.add(s, SK.periodStart, date_literal(start))
            self.add(s, SK.periodEnd, date_literal(end))
            for year in range(start.year, end.year + 1):
                self.add(s, SK.periodYear, integer_literal(year))
        for name, predicate in (
            ("part_of", DCTERMS.isPartOf),
            ("series", SK.inSeries),
            ("references", DCTERMS.references),
            ("legal_basis", SK.legalBasis),
            ("conforms_to", DCTERMS.conformsTo),
            ("parties", SK.party),
            ("signed_by", SK.signedBy),
            ("owning_group", SK.owningGroup),
            ("reports_on", SK.reportsOn),
            ("reported_to", SK.reportedTo),
        ):
            for o in self.refs(record, name):
                self.add(s, predicate, o)
        if "signed_on" in v:
            self.add(s, SK.signedOn, date_literal(v["signed_on"]))
        for part in v.get("not_recorded", []):
            self.add(s, SK.notRecorded, ox.Literal(part))
        decision = v.get("decision")
        if decision is not None or "decision" in record.empty:
            node = ox.NamedNode(s.value + "#decision")
            if decision:
                self.add(s, SK.decision, node)
                self.add(node, RDF.type, SK.Decision)
                for o in self.refs(record, "decision.by", decision.get("by")):
                    self.add(node, SK.decidedBy, o)
                if "date" in decision:
                    self.add(node, DCTERMS.date, date_literal(decision["date"]))
        for name, predicate in (("handlaggare", SK.handlaggare), ("reviewed_by", SK.reviewedBy)):
            if name in v:
                self.add(s, predicate, ox.Literal(v[name]))
        for name, predicate in (
            ("handlaggare", SK.handlaggare),
            ("reviewed_by", SK.reviewedBy),
            ("decision", SK.decision),
            ("decision.by", SK.decidedBy),
            ("decision.date", DCTERMS.date),
            ("follow_up.cadence", SK.followUpCadence),
            ("follow_up.document_type", SK.followUpDocumentType),
            ("follow_up.measures", SK.followUpMeasures),
            ("follow_up.by", SK.followUpBy),
        ):
            if name in record.empty:
                self.add(s, SK.emptyField, predicate)
        if "purpose" in v:
            self.add(s, SK.purpose, text_literal(v["purpose"]))
        if "goal_area_count" in v:
            self.add(s, SK.goalAreaCount, integer_literal(v["goal_area_count"]))
        if "cites_own_goals" in v:
            self.add(s, SK.citesOwnGoals, boolean_literal(v["cites_own_goals"]))
        for phase in v.get("process_phases", []):
            self.add(s, SK.processPhase, phase)
        for domain in v.get("considers_domains", []):
            self.add(s, SK.considersDomain, domain)
        if "geographic_scope" in v:
            self.add(s, SK.geographicScope, ox.Literal(v["geographic_scope"]))
        for part in v.get("lagesbild_parts", []):
            self.add(s, SK.lagesbildPart, part)
        follow_up = v.get("follow_up") or {}
        if "cadence" in follow_up:
            self.add(s, SK.followUpCadence, ox.Literal(follow_up["cadence"], datatype=XSD.duration))
        if "document_type" in follow_up:
            self.add(s, SK.followUpDocumentType, follow_up["document_type"])
        if "measures" in follow_up:
            self.add(s, SK.followUpMeasures, text_literal(follow_up["measures"]))
        for o in self.refs(record, "follow_up.by", follow_up.get("by")):
            self.add(s, SK.followUpBy, o)
        if "report_year" in v:
            self.add(s, SK.reportYear, integer_literal(v["report_year"]))
        reported: set[str] = set()
        for entry in v.get("entries", []):
            if entry["activity"] in reported:
                raise record.fail(
                    "entries.activity",
                    f"the report has two entries for the "
                    f"activity '{entry['activity']}'; expected one per activity",
                )
            reported.add(entry["activity"])
            [activity] = self.refs(record, "entries.activity", entry["activity"])
            node = ox.NamedNode(f"{s.value}#{entry['activity']}")
            self.add(s, SK.hasEntry, node)
            self.add(node, RDF.type, SK.FollowUpEntry)
            self.add(node, SK.activity, activity)
            self.add(node, SK.status, entry["status"])
            if "outcome" in entry:
                self.add(node, SK.outcome, text_literal(entry["outcome"]))
        for n, creator in enumerate(v.get("creator", []), 1):
            # A resource per author of this work (dcterms:creator is an object property);
            # the name as written is its label: no claim that two works share an author.
            agent = ox.NamedNode(f"{s.value}#creator-{n}")
            self.add(s, DCTERMS.creator, agent)
            self.add(agent, RDF.type, DCTERMS.Agent)
            self.add(agent, RDFS.label, ox.Literal(creator))
        if "issued" in v:
            self.add(s, DCTERMS.issued, ox.Literal(str(v["issued"]), datatype=XSD.gYear))
        if "citation" in v:
            self.add(s, DCTERMS.bibliographicCitation, ox.Literal(v["citation"]))
        if "url" in v:
            self.add(s, RDFS.seeAlso, ox.NamedNode(v["url"]))

    def _accepted(self, record: Record, s: ox.NamedNode) -> None:
        v = record.values
        owner, slash, local = v["focus"].partition("/")
        shared = next((b for b in self.shared if b.owner == owner), None) if slash else None
        builder, target = (shared, shared.index.get(local)) if shared else (self, None)
        if not slash:
            target = self.index.get(v["focus"])
        focus = (
            builder.iri(target.id)
            if target is not None and target.section != "accepted"
            else vocabulary_focus(v["focus"])
        )
        if focus is None:
            raise record.fail(
                "focus",
                f"'focus: {v['focus']}' names nothing the dataset defines; expected the id of "
                "the resource the finding concerns, a domain or a law such as SFS 2017:725",
            )
        self.add(s, RDF.type, SK.Acceptance)
        self.add(s, SK.acceptedRule, RULE.term(v["rule"]))
        self.add(s, SK.acceptedFocus, focus)
        for document in self.refs(record, "document"):
            self.add(s, SK.acceptedDocument, document)
        self.add(s, SK.acceptedBy, ox.Literal(v["by"]))
        self.add(s, DCTERMS.date, date_literal(v["date"]))
        self.add(s, SK.reason, text_literal(v["reason"]))

    def _goal_areas(self, record: Record, s: ox.NamedNode) -> None:
        v = record.values
        self._objective(record, s, SK.GoalArea)
        if "lso" in v:
            self.add(s, SK.lsoTask, boolean_literal(v["lso"]))
        for o in self.refs(record, "owning_group"):
            self.add(s, SK.owningGroup, o)

    def _goals(self, record: Record, s: ox.NamedNode) -> None:
        self._objective(record, s, SK.Goal)
        for o in self.refs(record, "goal_area"):
            self.add(s, SK.inGoalArea, o)
        scope(self, record, s)
        named: set[str] = set()
        for index, item in enumerate(record.values.get("indicators", [])):
            measure(self, record, s, index, item, named)

    def _indicators(self, record: Record, s: ox.NamedNode) -> None:
        indicator(self, record, s)

    def _focus_areas(self, record: Record, s: ox.NamedNode) -> None:
        self._objective(record, s, SK.FocusArea)
        if "prioritised" in record.values:
            self.add(s, SK.prioritised, boolean_literal(record.values["prioritised"]))
        for o in self.refs(record, "within"):
            self.add(s, SK.withinFocusArea, o)

    def _objective(self, record: Record, s: ox.NamedNode, cls: ox.NamedNode) -> None:
        self.add(s, RDF.type, cls)
        self.add(s, DCTERMS.title, text_literal(record.values["title"]))
        for o in self.refs(record, "document"):
            self.add(s, SK.statedIn, o)

    def _problems(self, record: Record, s: ox.NamedNode) -> None:
        v = record.values
        self.add(s, RDF.type, SK.Problem)
        self.add(s, DCTERMS.title, text_literal(v["title"]))
        for o in self.refs(record, "identified_in"):
            self.add(s, SK.identifiedIn, o)
        if "prioritised" in v:
            self.add(s, SK.prioritised, boolean_literal(v["prioritised"]))
        for factor in v.get("causes", []):
            self.add(s, SK.cause, factor)

    def _activities(self, record: Record, s: ox.NamedNode) -> None:
        from samklang.ontology.vocabulary import vocabularies

        v = record.values
        self.add(s, RDF.type, SK.Activity)
        self.add(s, DCTERMS.title, text_literal(v["title"]))
        for year in v["year"]:
            self.add(s, SK.year, integer_literal(year))
        for name, predicate in (
            ("document", SK.plannedIn),
            ("responsible", SK.responsible),
            ("goal", SK.contributesTo),
            ("problems", SK.addresses),
        ):
            for o in self.refs(record, name):
                self.add(s, predicate, o)
        for name, predicate in (("kind", SK.activityKind), ("status", SK.status)):
            if name in v:
                self.add(s, predicate, v[name])
        factor_domain = vocabularies().factor_domain
        domains = {d.value for d in v.get("domain", [])}
        for factor in v.get("factors", []):
            self.add(s, SK.targetsFactor, factor)
            if domains and factor_domain.get(factor.value) not in domains:
                raise record.fail(
                    "domain",
                    f"the factor '{factor.value.rsplit('/', 1)[-1]}' "
                    "lies in another domain than the one in column 'domain'; "
                    "expected the factor's own domain, or no domain",
                )
        for domain in v.get("domain", []):
            self.add(s, SK.targetsDomain, domain)
        if "description" in v:
            self.add(s, DCTERMS.description, text_literal(v["description"]))
        if "planned_output" in v:
            self.add(s, SK.plannedOutput, text_literal(v["planned_output"]))
            if m := PLANNED_COUNT.search(v["planned_output"]):
                self.add(s, SK.plannedCount, integer_literal(int(re.sub(r"\D", "", m[0]))))
