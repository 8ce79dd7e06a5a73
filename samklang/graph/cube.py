"""A dataset's observation files as RDF Data Cube quads (decision 0007): read every file of the
folder (``observation_files.py`` says which), then emit, into the dataset's graph,

- one ``qb:DataSet`` per file, ``{dataset IRI}/observations/{file name}``, which is also the
  ``sk:Source`` its figures are derived from (``dcterms:source``, ``dcterms:created``,
  ``sk:sourceFile``, ``qb:structure sk:observationStructure``);
- one ``qb:Observation`` per figure, ``{dataset IRI}/observation/{indicator id}/{area}/{period}/
  {sex}``, so that the same figure imported twice is one observation (two different values
  for it are an error naming both places), with ``prov:wasDerivedFrom`` its row or JSON path;
- SCB's populations as ``sk:population`` of the yearly observations that have a count or are
  a rate, for the same area, year and sex, derived from their own row;
- each reported output of an activity, ``{activity IRI}#output-{year}``;
- for an indicator a Brå file feeds, the known series break of 2015 (``sk:seriesBreak``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pyoxigraph as ox

from samklang.errors import InputError
from samklang.graph.area_names import area_names
from samklang.graph.limits import check_observation_count
from samklang.graph.literals import decimal_literal, year_literal
from samklang.graph.observation_files import (
    BRA,
    KOLADA,
    PLANNER,
    SCB,
    Context,
    Observation,
    ObservationFile,
    Output,
    Place,
    Population,
    file_kind,
    observation_files,
    unit_key,
)
from samklang.graph.planner_files import read_planner
from samklang.graph.provenance import derived_from
from samklang.graph.records import Record
from samklang.graph.statistics_files import read_bra, read_kolada, read_scb
from samklang.ontology.namespace import (
    DCTERMS,
    QB,
    RDF,
    RDFS,
    SDMX_ATTRIBUTE,
    SDMX_CODE,
    SDMX_DIMENSION,
    SDMX_MEASURE,
    SK,
    XSD,
)

if TYPE_CHECKING:
    from samklang.graph.builder import Builder

READERS: dict[str, Callable[[Path, Context], ObservationFile]] = {
    KOLADA: read_kolada,
    BRA: read_bra,
    SCB: read_scb,
    PLANNER: read_planner,
}

BRA_SERIES_BREAK = 2015
"""Brå's municipal attribution changed in 2015: a series of its figures crossing it breaks."""


def load_observations(builder: Builder) -> list[Path]:
    """Read the observation files of the builder's folder and emit their quads into its
    dataset (after :meth:`Builder.build`: the indicators and activities are known).

    Returns:
        The files read: ``area_codes.csv`` (if any), then the observation files.

    Raises:
        InputError: a file does not fit its format, names an unknown indicator, activity or
            area, or gives a figure another file gives otherwise.
    """
    files = observation_files(builder.folder)
    municipality = builder.municipality.values
    areas = area_names(builder.folder, municipality["name"], municipality["code"])
    if not files:
        return areas.files
    indicators = {r.id: r for r in builder.records if r.section == "indicators"}
    for shared in builder.shared:
        indicators.update(
            {f"{shared.owner}/{r.id}": r for r in shared.records if r.section == "indicators"}
        )
    activities = {r.id for r in builder.records if r.section == "activities"}
    context = Context(indicators, activities, areas)
    read = []
    figures = 0
    for path in files:
        kind = file_kind(path)
        assert kind is not None
        read.append(READERS[kind](path, context))
        figures += len(read[-1].observations)
        check_observation_count(figures, path)
    Cube(builder).emit(read)
    return [*areas.files, *files]


def _sex(code: str) -> ox.NamedNode:
    return SDMX_CODE.term(f"sex-{code}")


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD.integer)


class Cube:
    """Emits the observation files of one dataset, merging what several of them give."""

    def __init__(self, builder: Builder) -> None:
        self.builder = builder
        self.dataset = builder.dataset
        self.observations: dict[tuple[str, str, int, str], tuple[Observation, ox.NamedNode]] = {}
        self.populations: dict[tuple[str, int, str], tuple[Population, ox.NamedNode]] = {}
        self.outputs: dict[tuple[str, int], tuple[Output, ox.NamedNode]] = {}
        self.parts: dict[str, int] = {}
        self.breaks: set[str] = set()

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        self.dataset.quads.append(ox.Quad(s, p, o, self.dataset.graph))

    def emit(self, files: list[ObservationFile]) -> None:
        for read in files:
            data_set = self.data_set(read)
            for observation in read.observations:
                self.observation(observation, data_set)
            for population in read.populations:
                self.population(population, data_set)
            for output in read.outputs:
                self.output(output, data_set)
            if read.kind == BRA:
                for indicator in sorted(read.fed):
                    self.series_break(indicator)
        self.attach_populations()

    def indicator(self, name: str) -> tuple[ox.NamedNode, Record]:
        """The IRI and record of an indicator named as a file names it."""
        owner, slash, local = name.partition("/")
        builder = next(b for b in self.builder.shared if b.owner == owner) if slash else None
        if builder is None:
            return self.builder.iri(name), self.builder.index[name]
        return builder.iri(local), builder.index[local]

    def data_set(self, read: ObservationFile) -> ox.NamedNode:
        node = self.builder.iri(f"observations/{quote(read.path.name)}")
        self.dataset.locations[node.value] = (read.path, None)
        self.add(node, RDF.type, QB.DataSet)
        self.add(node, RDF.type, SK.Source)
        self.add(node, QB.structure, SK.observationStructure)
        self.add(node, RDFS.label, ox.Literal(read.path.name))
        self.add(node, SK.sourceFile, ox.Literal(read.path.name))
        for source in read.sources:
            self.add(node, DCTERMS.source, ox.Literal(source))
        if read.created is not None:
            self.add(node, DCTERMS.created, ox.Literal(read.created.isoformat(), datatype=XSD.date))
        return node

    def provenance(
        self, subject: ox.NamedNode, source: ox.NamedNode, place: Place, name: str = "source"
    ) -> None:
        """``subject`` was read at ``place`` of the file ``source``: the line of a CSV row, a
        JSON Pointer, or (in a workbook) the sheet and row as a description."""
        joint = "-" if "#" in subject.value else "#"  # an output is already {activity}#output-…
        if name == "source":
            n = self.parts[subject.value] = self.parts.get(subject.value, 0) + 1
            part = ox.NamedNode(f"{subject.value}{joint}source-{n}")
        else:
            part = ox.NamedNode(f"{subject.value}{joint}{name}")
        described = place.line is None and place.pointer is None
        for triple in derived_from(
            subject,
            part,
            source,
            description=place.where if described else (name if name != "source" else None),
            lines=(place.line, place.line) if place.line is not None else None,
            pointer=place.pointer,
        ):
            self.add(*triple)

    def observation(self, observation: Observation, data_set: ox.NamedNode) -> None:
        indicator, area, period, sex = observation.key
        node = self.builder.iri(f"observation/{indicator}/{area}/{period}/{sex}")
        known = self.observations.get(observation.key)
        if known is not None:
            self.merge(known[0], observation, node)
            self.provenance(node, data_set, observation.place)
            return
        self.observations[observation.key] = (observation, node)
        self.dataset.locations[node.value] = (observation.place.path, observation.place.where)
        iri, _ = self.indicator(indicator)
        self.add(node, RDF.type, QB.Observation)
        self.add(node, QB.dataSet, data_set)
        self.add(node, SK.indicator, iri)
        self.add(node, SK.areaCode, ox.Literal(area))
        self.add(node, SDMX_DIMENSION.refPeriod, year_literal(period))
        self.add(node, SDMX_DIMENSION.sex, _sex(sex))
        self.add(node, SDMX_MEASURE.obsValue, decimal_literal(observation.value))
        if observation.window_start is not None:
            self.add(node, SK.windowStart, year_literal(observation.window_start))
        self.attributes(node, observation, observation)
        if observation.source is not None:
            self.add(node, DCTERMS.source, ox.Literal(observation.source))
        self.provenance(node, data_set, observation.place)

    def attributes(self, node: ox.NamedNode, observation: Observation, new: Observation) -> None:
        """The attributes ``new`` gives, as quads (those it adds to ``observation``)."""
        if new.count is not None:
            self.add(node, SK.count, _integer(new.count))
        if new.n is not None:
            self.add(node, SK.n, _integer(new.n))
        if new.ci is not None:
            self.add(node, SK.ciLow, decimal_literal(new.ci[0]))
            self.add(node, SK.ciHigh, decimal_literal(new.ci[1]))
        if new.status is not None:
            self.add(node, SDMX_ATTRIBUTE.obsStatus, ox.Literal(new.status))

    def merge(self, first: Observation, again: Observation, node: ox.NamedNode) -> None:
        """The same observation read a second time: the same value (and any attribute both
        give), else an error naming both places."""
        indicator, area, period, sex = first.key
        for what, a, b in (
            ("the value", first.value, again.value),
            ("the window start", first.window_start, again.window_start),
            ("the count", first.count, again.count),
            ("n", first.n, again.n),
            ("the confidence interval", first.ci, again.ci),
            ("the status", first.status, again.status),
        ):
            if a is not None and b is not None and a != b:
                raise InputError(
                    again.place.path,
                    again.place.where,
                    f"gives {what} of {indicator} in {area} for {period} (sex {sex}) as "
                    f"{_shown(b)}, but {first.place.path.name}, {first.place.where} gives "
                    f"{_shown(a)}; expected one figure per indicator, area, period and sex",
                )
        added = Observation(
            indicator,
            area,
            period,
            again.value,
            again.place,
            count=again.count if first.count is None else None,
            n=again.n if first.n is None else None,
            ci=again.ci if first.ci is None else None,
            status=again.status if first.status is None else None,
        )
        self.attributes(node, first, added)
        first.count = first.count if first.count is not None else again.count
        first.n = first.n if first.n is not None else again.n
        first.ci = first.ci if first.ci is not None else again.ci
        first.status = first.status if first.status is not None else again.status

    def population(self, population: Population, data_set: ox.NamedNode) -> None:
        key = (population.area, population.year, population.sex)
        known = self.populations.get(key)
        if known is None:
            self.populations[key] = (population, data_set)
            return
        if known[0].population != population.population:
            raise InputError(
                population.place.path,
                population.place.where,
                f"gives the population of {population.area} in {population.year} (sex "
                f"{population.sex}) as {population.population}, but {known[0].place.path.name}, "
                f"{known[0].place.where} gives {known[0].population}; expected one population "
                "per area, year and sex",
            )

    def attach_populations(self) -> None:
        """The population of each yearly observation that has a count or is a rate ("per
        100 000 invånare"), for its area, year and sex: the denominator of a rate over
        several years (the summed counts over the summed population)."""
        for observation, node in self.observations.values():
            if observation.window_start is not None:
                continue
            unit = self.indicator(observation.indicator)[1].values.get("unit") or ""
            if observation.count is None and not unit_key(unit).startswith("per "):
                continue
            found = self.populations.get((observation.area, observation.period, observation.sex))
            if found is None:
                continue
            population, data_set = found
            self.add(node, SK.population, _integer(population.population))
            self.provenance(node, data_set, population.place, name="population")

    def output(self, output: Output, data_set: ox.NamedNode) -> None:
        activity = self.builder.iri(output.activity)
        node = ox.NamedNode(f"{activity.value}#output-{output.year}")
        key = (output.activity, output.year)
        known = self.outputs.get(key)
        if known is not None:
            if known[0].count != output.count:
                raise InputError(
                    output.place.path,
                    output.place.where,
                    f"gives the output of the activity '{output.activity}' in {output.year} as "
                    f"{output.count}, but {known[0].place.path.name}, {known[0].place.where} "
                    f"gives {known[0].count}; expected one count per activity and year",
                )
            self.provenance(node, data_set, output.place)
            return
        self.outputs[key] = (output, node)
        self.dataset.locations[node.value] = (output.place.path, output.place.where)
        self.add(activity, SK.reportedOutput, node)
        self.add(node, SK.year, year_literal(output.year))
        self.add(node, SK.count, _integer(output.count))
        self.provenance(node, data_set, output.place)

    def series_break(self, indicator: str) -> None:
        """Brå's 2015 break on an indicator it feeds, unless the indicator states it."""
        iri, record = self.indicator(indicator)
        if indicator in self.breaks or BRA_SERIES_BREAK in record.values.get("series_breaks", []):
            return
        self.breaks.add(indicator)
        self.add(iri, SK.seriesBreak, year_literal(BRA_SERIES_BREAK))


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return "–".join(str(v) for v in value)
    return str(value)
