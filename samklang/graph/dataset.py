"""Load a dataset folder into RDF: validate every file, resolve every reference, emit quads.

A dataset is a folder: YAML files whose top-level keys are the sections of ``schema.py``,
activity lists ``activities*.csv``/``activities*.xlsx``, and optional Turtle (``*.ttl``).
All of it goes into one named graph per municipality, ``graph/{kommunkod}``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from samklang.errors import InputError, at_line
from samklang.graph.provenance import derived_from
from samklang.graph.records import Record, record_from_yaml
from samklang.graph.schema import (
    GROUP_TYPES,
    ORGANISATION_TYPES,
    SECTIONS,
    SETTINGS_SECTION,
    YAML_SECTIONS,
    Field,
    law_id,
)
from samklang.graph.tables import read_activities
from samklang.graph.yamlfile import Mapping, Node, Scalar, Sequence, read_text, read_yaml
from samklang.ontology.namespace import (
    DATA,
    DCTERMS,
    GRAPH,
    LAW,
    ORG,
    RDF,
    RDFS,
    SK,
    SKOS,
    XSD,
)

Term = ox.NamedNode | ox.Literal

@dataclass
class Dataset:
    """One municipality's planning as RDF.

    Attributes:
        path: the folder it was read from.
        code: the SCB municipality code.
        name: the municipality's name.
        graph: the named graph holding its quads.
        quads: the quads.
        files: the files read, in order.
        settings: the dataset's own rule parameters (its ``settings:`` section), as text;
            their meaning is checked where they are used (``queries/settings.py``).
        setting_places: where each setting is written: name → (file, ``"line 3"``).
        locations: where each resource was written: IRI → (file, ``"line 12"`` or
            ``"row 4"``), for reports that point into the files (SARIF).
    """

    path: Path
    code: str
    name: str
    graph: ox.NamedNode
    quads: list[ox.Quad] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    locations: dict[str, tuple[Path, str | None]] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    setting_places: dict[str, tuple[Path, str | None]] = field(default_factory=dict)


def dataset_files(folder: Path) -> tuple[list[Path], list[Path], list[Path]]:
    """The YAML files, activity lists and Turtle files of a dataset folder, each sorted."""
    names = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    yaml_files = [p for p in names if p.suffix.lower() in (".yaml", ".yml")]
    tables = [
        p
        for p in names
        if p.name.lower().startswith("activities") and p.suffix.lower() in (".csv", ".xlsx")
    ]
    turtle = [p for p in names if p.suffix.lower() == ".ttl"]
    return yaml_files, tables, turtle


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


def load_dataset_folder(path: str | Path) -> Dataset:
    """Read and validate a dataset folder, and build its RDF.

    :func:`samklang.graph.source_kind.load_dataset` also takes a plan document; use that.

    Args:
        path: the dataset folder.

    Returns:
        The dataset, its quads in the named graph of its municipality.

    Raises:
        InputError: a file is malformed, a value does not fit, or a reference is unknown.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise InputError(
            folder,
            None,
            "is not a dataset folder; expected a folder holding "
            "municipality.yaml, documents.yaml and activities.csv",
        )
    yaml_files, tables, turtle = dataset_files(folder)
    if not yaml_files:
        raise InputError(
            folder,
            None,
            "holds no YAML files; expected at least one with a "
            "'municipality:' section (samklang init makes a start)",
        )
    records: list[Record] = []
    settings: dict[str, tuple[str, Path, str | None]] = {}
    for file in yaml_files:
        records.extend(_records_of_yaml(file, settings))
    for file in tables:
        records.extend(read_activities(file, records))
    municipalities = [r for r in records if r.section == "municipality"]
    owners = [r for r in records if r.section == "owner"]
    if owners:
        raise owners[0].fail(
            None,
            f"is a shared dataset (owner: {owners[0].id})"
            + (
                "; expected 'municipality:' or 'owner:', not both"
                if municipalities
                else "; check the municipality datasets that list its folder under 'shared:'"
            ),
        )
    if len(municipalities) != 1:
        where = municipalities[1] if municipalities else None
        raise InputError(
            where.path if where else folder,
            where.location if where else None,
            "a dataset describes exactly one municipality; expected one "
            "'municipality:' section in all its YAML files"
            + (", found a second" if where else ", found none"),
        )
    builder = _Builder(folder, municipalities[0], records)
    for name in municipalities[0].values.get("shared", []):
        builder.shared.append(_shared_builder(builder, municipalities[0], name))
    for shared in builder.shared:
        shared.build()
    builder.build()
    for file in turtle:
        builder.dataset.quads.extend(_turtle_quads(file, builder.dataset.graph))
    builder.dataset.files = [*yaml_files, *tables, *turtle, *builder.dataset.files]
    builder.dataset.settings = {name: text for name, (text, _, _) in settings.items()}
    builder.dataset.setting_places = {
        name: (path, line) for name, (_, path, line) in settings.items()
    }
    return builder.dataset


SHARED_SECTIONS = (
    "owner", "sources", "organisations", "series", "documents", "goal_areas", "goals",
    "focus_areas", "accepted",
)
"""What a shared dataset may state: documents and their goals, not a municipality's work;
and acceptances of findings about them, which hold for every municipality that uses it."""


def _shared_builder(user: _Builder, municipality: Record, name: str) -> _Builder:
    """The builder of the shared dataset in folder ``name`` (relative to the dataset folder
    ``user`` reads), emitting into ``user``'s dataset in a namespace of its own."""
    folder = (user.folder / name).resolve()
    if not folder.is_dir():
        raise municipality.fail(
            "shared",
            f"'shared: {name}' is not a folder; expected the path of a shared dataset "
            "(a folder with an 'owner:' section) relative to this dataset",
        )
    yaml_files, tables, turtle = dataset_files(folder)
    if tables or turtle:
        raise InputError(
            (tables or turtle)[0],
            None,
            "is in a shared dataset; expected only YAML files there (activities and Turtle "
            "belong to the municipality datasets that use it)",
        )
    own_settings: dict[str, tuple[str, Path, str | None]] = {}
    records = [r for file in yaml_files for r in _records_of_yaml(file, own_settings)]
    if own_settings:
        _, path, line = next(iter(own_settings.values()))
        raise InputError(
            path,
            line,
            "'settings' cannot be stated in a shared dataset; a municipality's settings belong "
            "in its own dataset",
        )
    owners = [r for r in records if r.section == "owner"]
    if len(owners) != 1 or any(r.section == "municipality" for r in records):
        raise InputError(
            folder,
            None,
            "is not a shared dataset; expected exactly one 'owner:' section and no "
            "'municipality:' in its YAML files",
        )
    for record in records:
        if record.section not in SHARED_SECTIONS:
            raise record.fail(
                None,
                f"'{record.section}' cannot be stated in a shared dataset; expected "
                + ", ".join(SHARED_SECTIONS),
            )
    if any(b.owner == owners[0].id for b in user.shared):
        raise municipality.fail(
            "shared", f"'shared: {name}' names the owner '{owners[0].id}' twice"
        )
    user.dataset.files.extend(yaml_files)
    return _Builder(folder, municipality, records, owner=owners[0].id, into=user.dataset)


def _settings_of_yaml(path: Path, node: Node) -> dict[str, tuple[str, Path, str | None]]:
    """A ``settings:`` mapping, flattened (``severity: {R: info}`` → ``severity.R``): each
    name's text and where it is written. Whether a name and value mean something is the rules'
    business (``samklang.queries.settings.dataset_settings``)."""
    if not isinstance(node, Mapping):
        raise InputError(
            path,
            at_line(node.line),
            "'settings' is not a mapping; expected "
            "'name: value' lines such as 'mandate_first_year: 2020'",
        )
    flat: dict[str, tuple[str, Path, str | None]] = {}
    for key, value in node.items.items():
        line = at_line(node.key_lines[key])
        pairs = (
            [(f"{key}.{k}", v) for k, v in value.items.items()]
            if isinstance(value, Mapping)
            else [(key, value)]
        )
        for name, item in pairs:
            if not isinstance(item, Scalar) or item.text is None:
                raise InputError(path, line, f"the setting '{name}' has no plain value")
            flat[name] = (item.text, path, line)
    return flat


def _records_of_yaml(
    path: Path, settings: dict[str, tuple[str, Path, str | None]]
) -> list[Record]:
    root = read_yaml(path)
    records = []
    for key, node in root.items.items():
        line = at_line(root.key_lines[key])
        if key == SETTINGS_SECTION:
            settings.update(_settings_of_yaml(path, node))
            continue
        if key not in YAML_SECTIONS:
            close = difflib.get_close_matches(
                key, [*YAML_SECTIONS, SETTINGS_SECTION, "activities"], n=1
            )
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            if key == "activities":
                hint = " (activities belong in activities.csv or activities.xlsx)"
            raise InputError(
                path,
                line,
                f"'{key}' is not a section of a dataset{hint}; expected "
                f"{', '.join([*YAML_SECTIONS, SETTINGS_SECTION])}",
            )
        section = SECTIONS[key]
        if section.single:
            records.append(record_from_yaml(section, node, path))
            continue
        if isinstance(node, Mapping) or (not isinstance(node, Sequence) and node.text is not None):
            raise InputError(path, line, f"'{key}' is not a list; expected items like '- id: …'")
        items = node.items if isinstance(node, Sequence) else []
        records.extend(record_from_yaml(section, item, path) for item in items)
    return records


def _turtle_quads(path: Path, graph: ox.NamedNode) -> list[ox.Quad]:
    text = read_text(path)
    try:
        triples = list(
            ox.parse(text.encode(), format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
        )
    except SyntaxError as err:
        problem = str(err.msg).split(": ", 1)[-1]
        raise InputError(path, at_line(err.lineno), f"is not valid Turtle: {problem}") from err
    return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]


def _text(value: str) -> ox.Literal:
    return ox.Literal(value, language="sv")


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD.integer)


def _date(value: date) -> ox.Literal:
    return ox.Literal(value.isoformat(), datatype=XSD.date)


def _boolean(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=XSD.boolean)


class _Builder:
    """Resolves references between records and emits their quads."""

    def __init__(
        self,
        folder: Path,
        municipality: Record,
        records: list[Record],
        owner: str = "",
        into: Dataset | None = None,
    ) -> None:
        code = municipality.values["code"]
        self.dataset = into or Dataset(folder, code, municipality.values["name"], GRAPH.term(code))
        self.folder = folder
        self.municipality = municipality
        self.owner = owner
        """For a shared dataset, its owner's id; its records are ``data/shared/{owner}/…``."""
        self.shared: list[_Builder] = []
        """The shared datasets this one uses."""
        self.records = records
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

    def ref(self, record: Record, name: str, value: Any, f: Field) -> ox.NamedNode:
        """Resolve one reference, or fail naming what it may point to."""
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
            return shared.ref(record, name, local, f)
        target = self.index.get(value)
        if target is None or target.section not in f.targets:
            kinds = " or ".join(
                SECTIONS[t].name.replace("_", " ") for t in f.targets if t in SECTIONS
            )
            known = [r.id for r in self.records if r.section in f.targets]
            close = difflib.get_close_matches(value, known, n=2)
            hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
            what = (
                "names nothing the dataset defines"
                if target is None
                else f"names a {target.section} item"
            )
            raise record.fail(
                name,
                f"'{name}: {value}' {what}{hint}; expected the id of "
                f"one of its {kinds}"
                + (" or a law such as SFS 2003:778" if "law" in f.targets else ""),
            )
        return self.iri(target.id)

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
            self.add(subject, SKOS.note, _text(values["note"]))
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
        self.add(s, RDFS.label, _text(record.values["name"]))
        self.add(s, SK.municipalityCode, ox.Literal(record.values["code"]))
        for o in self.refs(record, "coordination_function"):
            self.add(s, SK.coordinationFunction, o)

    def _owner(self, record: Record, s: ox.NamedNode) -> None:
        self._organisations(record, s)

    def _sources(self, record: Record, s: ox.NamedNode) -> None:
        v = record.values
        self.add(s, RDF.type, SK.Source)
        self.add(s, DCTERMS.title, _text(v["title"]))
        if "file" in v:
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
        self.add(s, RDFS.label, _text(v["name"]))
        if "abbreviation" in v:
            self.add(s, SK.abbreviation, _text(v["abbreviation"]))
        for o in self.refs(record, "part_of"):
            self.add(s, ORG.subOrganizationOf, o)
        for o in self.refs(record, "coordinates_work_of"):
            self.add(s, SK.coordinatesWorkOf, o)

    def _groups(self, record: Record, s: ox.NamedNode) -> None:
        v = record.values
        self.add(s, RDF.type, SK.term(GROUP_TYPES[v["type"]]))
        self.add(s, RDFS.label, _text(v["name"]))
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
        self.add(s, DCTERMS.title, _text(v["title"]))
        self.add(s, DCTERMS.type, v["type"])
        if "cadence" in v:
            self.add(s, SK.cadence, ox.Literal(v["cadence"], datatype=XSD.duration))
        if "since" in v:
            self.add(s, SK.inUseSince, _integer(v["since"]))
        for o in self.refs(record, "part_of"):
            self.add(s, DCTERMS.isPartOf, o)

    def _documents(self, record: Record, s: ox.NamedNode) -> None:
        v = record.values
        self.add(s, RDF.type, SK.Document)
        self.add(s, DCTERMS.title, _text(v["title"]))
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
            self.add(s, SK.periodStart, _date(start))
            self.add(s, SK.periodEnd, _date(end))
            for year in range(start.year, end.year + 1):
                self.add(s, SK.periodYear, _integer(year))
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
        ):
            for o in self.refs(record, name):
                self.add(s, predicate, o)
        if "signed_on" in v:
            self.add(s, SK.signedOn, _date(v["signed_on"]))
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
                    self.add(node, DCTERMS.date, _date(decision["date"]))
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
            self.add(s, SK.purpose, _text(v["purpose"]))
        if "goal_area_count" in v:
            self.add(s, SK.goalAreaCount, _integer(v["goal_area_count"]))
        if "cites_own_goals" in v:
            self.add(s, SK.citesOwnGoals, _boolean(v["cites_own_goals"]))
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
            self.add(s, SK.followUpMeasures, _text(follow_up["measures"]))
        for o in self.refs(record, "follow_up.by", follow_up.get("by")):
            self.add(s, SK.followUpBy, o)
        if "report_year" in v:
            self.add(s, SK.reportYear, _integer(v["report_year"]))
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
                self.add(node, SK.outcome, _text(entry["outcome"]))
        for creator in v.get("creator", []):
            self.add(s, DCTERMS.creator, ox.Literal(creator))
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
        self.add(s, SK.acceptedRule, ox.Literal(v["rule"]))
        self.add(s, SK.acceptedFocus, focus)
        for document in self.refs(record, "document"):
            self.add(s, SK.acceptedDocument, document)
        self.add(s, SK.acceptedBy, ox.Literal(v["by"]))
        self.add(s, DCTERMS.date, _date(v["date"]))
        self.add(s, SK.reason, _text(v["reason"]))

    def _goal_areas(self, record: Record, s: ox.NamedNode) -> None:
        v = record.values
        self._objective(record, s, SK.GoalArea)
        if "lso" in v:
            self.add(s, SK.lsoTask, _boolean(v["lso"]))
        for o in self.refs(record, "owning_group"):
            self.add(s, SK.owningGroup, o)

    def _goals(self, record: Record, s: ox.NamedNode) -> None:
        self._objective(record, s, SK.Goal)
        for o in self.refs(record, "goal_area"):
            self.add(s, SK.inGoalArea, o)

    def _focus_areas(self, record: Record, s: ox.NamedNode) -> None:
        self._objective(record, s, SK.FocusArea)
        if "prioritised" in record.values:
            self.add(s, SK.prioritised, _boolean(record.values["prioritised"]))
        for o in self.refs(record, "within"):
            self.add(s, SK.withinFocusArea, o)

    def _objective(self, record: Record, s: ox.NamedNode, cls: ox.NamedNode) -> None:
        self.add(s, RDF.type, cls)
        self.add(s, DCTERMS.title, _text(record.values["title"]))
        for o in self.refs(record, "document"):
            self.add(s, SK.statedIn, o)

    def _problems(self, record: Record, s: ox.NamedNode) -> None:
        v = record.values
        self.add(s, RDF.type, SK.Problem)
        self.add(s, DCTERMS.title, _text(v["title"]))
        for o in self.refs(record, "identified_in"):
            self.add(s, SK.identifiedIn, o)
        if "prioritised" in v:
            self.add(s, SK.prioritised, _boolean(v["prioritised"]))
        for factor in v.get("causes", []):
            self.add(s, SK.cause, factor)

    def _activities(self, record: Record, s: ox.NamedNode) -> None:
        from samklang.ontology.vocabulary import vocabularies

        v = record.values
        self.add(s, RDF.type, SK.Activity)
        self.add(s, DCTERMS.title, _text(v["title"]))
        for year in v["year"]:
            self.add(s, SK.year, _integer(year))
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
            self.add(s, DCTERMS.description, _text(v["description"]))
