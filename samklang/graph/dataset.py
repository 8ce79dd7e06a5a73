"""Load a dataset folder into RDF: validate every file, resolve every reference, emit quads.

A dataset is a folder: YAML files whose top-level keys are the sections of ``schema``,
activity lists ``activities*.csv``/``activities*.xlsx``, observation files (Kolada, Brå, SCB,
the planner's own: ``observation_files.py``, read into Data Cube quads by ``cube.py``), and
optional Turtle (``*.ttl``).
All of it goes into one named graph per municipality, ``graph/{kommunkod}``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from samklang.errors import InputError, at_line
from samklang.graph.builder import Builder
from samklang.graph.cube import load_observations
from samklang.graph.limits import check_dataset_size, check_record_count
from samklang.graph.observation_files import is_area_codes, observation_files
from samklang.graph.records import Record, record_from_yaml
from samklang.graph.schema import (
    SECTIONS,
    SETTINGS_SECTION,
    YAML_SECTIONS,
)
from samklang.graph.tables import read_activities
from samklang.graph.turtle import own_turtle_quads
from samklang.graph.yamlfile import Mapping, Node, Scalar, Sequence, read_yaml
from samklang.ontology.namespace import (
    GRAPH,
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
    """The YAML files, activity lists and Turtle files of a dataset folder, each sorted.

    Raises:
        InputError: a folder inside it has the name of such a file (``documents.yaml/``), or
            such a name is no file (a broken link, a pipe), which would otherwise be passed
            over without a word.
    """
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    for entry in entries:
        if entry.suffix.lower() not in READ_SUFFIXES:
            continue
        if entry.is_dir():
            raise InputError(
                entry,
                None,
                f"is a folder; a dataset reads '{entry.name}' as a file (rename the folder, or "
                "put the file in its place)",
            )
        if not entry.is_file():
            raise InputError(
                entry,
                None,
                "cannot be read: it is not a file (a link to nothing, a pipe or a device); "
                "expected the file itself",
            )
    names = [p for p in entries if p.is_file()]
    yaml_files = [p for p in names if p.suffix.lower() in (".yaml", ".yml")]
    tables = [
        p
        for p in names
        if p.name.lower().startswith("activities") and p.suffix.lower() in (".csv", ".xlsx")
    ]
    turtle = [p for p in names if p.suffix.lower() == ".ttl"]
    return yaml_files, tables, turtle


READ_SUFFIXES = (".yaml", ".yml", ".csv", ".xlsx", ".ttl", ".json")
"""What a dataset folder's files it reads end in (YAML, activity lists and observation files,
Turtle)."""


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
    check_dataset_size(
        folder,
        [*yaml_files, *tables, *turtle, *observation_files(folder),
         *(p for p in folder.iterdir() if is_area_codes(p))],
    )
    records: list[Record] = []
    settings: dict[str, tuple[str, Path, str | None]] = {}
    for file in yaml_files:
        records.extend(_records_of_yaml(file, settings, len(records)))
    for file in tables:
        records.extend(read_activities(file, records, len(records)))
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
    code = municipalities[0].values["code"]
    dataset = Dataset(folder, code, municipalities[0].values["name"], GRAPH.term(code))
    builder = Builder(folder, municipalities[0], records, into=dataset)
    for name in municipalities[0].values.get("shared", []):
        builder.shared.append(_shared_builder(builder, municipalities[0], name))
    for shared in builder.shared:
        shared.build()
    builder.build()
    observed = load_observations(builder)
    builder.dataset.quads.extend(
        own_turtle_quads(turtle, builder.iri("").value, builder.dataset.graph)
    )
    builder.dataset.files = [*yaml_files, *tables, *observed, *turtle, *builder.dataset.files]
    builder.dataset.settings = {name: text for name, (text, _, _) in settings.items()}
    builder.dataset.setting_places = {
        name: (path, line) for name, (_, path, line) in settings.items()
    }
    return builder.dataset


SHARED_SECTIONS = (
    "owner", "sources", "organisations", "series", "documents", "indicators", "goal_areas",
    "goals", "focus_areas", "accepted",
)
"""What a shared dataset may state: documents, their goals and the indicators those are
measured with, not a municipality's work (nor observations, which a municipality's dataset
imports); and acceptances of findings about them, which hold for every municipality that
uses it."""


def _shared_builder(user: Builder, municipality: Record, name: str) -> Builder:
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
    observed = [*observation_files(folder), *(p for p in folder.iterdir() if is_area_codes(p))]
    if observed:
        raise InputError(
            observed[0],
            None,
            "is in a shared dataset; expected only YAML files there (observation files belong "
            "to the municipality datasets that use it, each importing its own figures)",
        )
    check_dataset_size(folder, yaml_files)
    own_settings: dict[str, tuple[str, Path, str | None]] = {}
    records: list[Record] = []
    for file in yaml_files:
        records.extend(_records_of_yaml(file, own_settings, len(records)))
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
    return Builder(folder, municipality, records, owner=owners[0].id, into=user.dataset)


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
    path: Path, settings: dict[str, tuple[str, Path, str | None]], counted: int
) -> list[Record]:
    """The records of one YAML file (``counted`` read before it in the dataset: the item
    that would be one more than :data:`samklang.graph.limits.MAX_RECORDS` is refused)."""
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
            if isinstance(node, Sequence):  # "municipality:" written as a list of one
                raise InputError(
                    path, line, f"'{key}' is a list; expected one mapping ('{key}:' and its "
                    "fields indented under it, without '- ')"
                )
            check_record_count(counted + len(records), path, line)
            records.append(record_from_yaml(section, node, path))
            continue
        if isinstance(node, Mapping) or (not isinstance(node, Sequence) and node.text is not None):
            raise InputError(path, line, f"'{key}' is not a list; expected items like '- id: …'")
        for item in node.items if isinstance(node, Sequence) else []:
            check_record_count(counted + len(records), path, at_line(item.line))
            records.append(record_from_yaml(section, item, path))
    return records

