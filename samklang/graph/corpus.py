"""Many municipalities in one store: a named graph per source, and a catalogue describing them.

Each source gets its own named graph:

- a dataset folder (or plan document) goes into its municipality's graph, ``graph/{kommunkod}``;
- an RDF file of triples (Turtle, N-Triples, RDF/XML, JSON-LD) into ``graph/source/{name}``;
- an RDF file of quads (TriG, N-Quads, or JSON-LD with graphs) keeps its own graph names, and
  its default-graph triples go into ``graph/source/{name}``.

Loading a source again replaces its graphs, and its entries in the catalogue, and nothing else.
The catalogue graph ``graph/catalogue`` is a ``dcat:Catalog`` whose ``dcat:dataset`` entries are
the named graphs themselves, described with ``dcterms`` (title, identifier, spatial, source,
modified), ``void:triples`` and ``dcterms:conformsTo`` the ontology.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from samklang.errors import InputError, UsageError
from samklang.graph.store import ONTOLOGY_GRAPH, GraphStore, Store, ontology_quads
from samklang.graph.store.oxigraph import OxigraphStore
from samklang.ontology.namespace import DCTERMS, GRAPH, RDF, SK, XSD, Namespace

log = logging.getLogger(__name__)

DCAT = Namespace("http://www.w3.org/ns/dcat#")
VOID = Namespace("http://rdfs.org/ns/void#")
CATALOGUE_GRAPH = GRAPH.catalogue
CATALOGUE_TITLE = "samklang-korpus"
ONTOLOGY_TITLE = "Samklang-ontologin och vokabulären"
ONTOLOGY = ox.NamedNode("https://w3id.org/samklang/ontology")

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
}
"""RDF files a corpus loads as they are, by file name extension."""


@dataclass(frozen=True)
class Entry:
    """One named graph of a corpus, as the catalogue describes it.

    Attributes:
        graph: the named graph.
        title: the municipality's name, or the source's file name.
        source: the folder or file name it was loaded from.
        triples: how many triples it holds.
        code: the SCB municipality code, for a municipality's graph.
    """

    graph: ox.NamedNode
    title: str
    source: str
    triples: int
    code: str | None = None


@dataclass
class _Source:
    path: Path
    graphs: dict[ox.NamedNode, list[ox.Quad]]
    titles: dict[ox.NamedNode, str]
    code: str | None = None
    municipality: ox.NamedNode | None = None
    catalogue: list[ox.Quad] | None = None  # a catalogue graph the file carries itself
    locations: dict[str, tuple[Path, str | None]] = field(default_factory=dict)
    has_settings: bool = False  # a dataset with a settings: section of its own


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "source"


def _read_source(path: Path) -> _Source:
    """Read one source into its named graphs.

    Raises:
        InputError: the source cannot be read.
    """
    fmt = RDF_FORMATS.get(path.suffix.lower()) if path.is_file() else None
    if fmt is None:
        from samklang.graph.source_kind import load_dataset

        dataset = load_dataset(path)
        municipality = next(
            (
                q.subject
                for q in dataset.quads
                if q.predicate == RDF.type and q.object == SK.Municipality
            ),
            None,
        )
        return _Source(
            path,
            {dataset.graph: dataset.quads},
            {dataset.graph: dataset.name},
            code=dataset.code,
            municipality=municipality if isinstance(municipality, ox.NamedNode) else None,
            has_settings=bool(dataset.settings),
            locations=dataset.locations,
        )
    own = source_graph(path)
    try:
        with path.open("rb") as stream:
            quads = [
                q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object, own)
                for q in ox.parse(stream, format=fmt, base_iri=path.resolve().as_uri())
            ]
    except SyntaxError as err:
        problem = str(getattr(err, "msg", err)).split(": ", 1)[-1]
        line = getattr(err, "lineno", None)
        where = f"line {line}" if line else None
        raise InputError(path, where, f"is not valid RDF: {problem}") from err
    except OSError as err:
        raise InputError(path, None, f"cannot be read: {err.strerror}") from err
    if not quads:
        from samklang.graph.rdf_file import stating_nothing

        raise stating_nothing(path)
    graphs: dict[ox.NamedNode, list[ox.Quad]] = {}
    for q in quads:
        g = own if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name
        if not isinstance(g, ox.NamedNode):
            raise InputError(path, None, "names a graph with a blank node; expected IRIs")
        graphs.setdefault(g, []).append(
            q if q.graph_name == g else ox.Quad(q.subject, q.predicate, q.object, g)
        )
    catalogue = graphs.pop(CATALOGUE_GRAPH, None)
    return _Source(path, graphs, {g: path.name for g in graphs}, catalogue=catalogue)


def _entry_quads(source: _Source, graph: ox.NamedNode, triples: int, now: str) -> list[ox.Quad]:
    c = CATALOGUE_GRAPH

    def q(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> ox.Quad:
        return ox.Quad(s, p, o, c)

    quads = [
        q(c, DCAT.dataset, graph),
        q(graph, RDF.type, DCAT.Dataset),
        q(graph, DCTERMS.title, ox.Literal(source.titles[graph], language="sv")),
        q(graph, DCTERMS.source, ox.Literal(source.path.name)),
        q(graph, DCTERMS.modified, ox.Literal(now, datatype=XSD.dateTime)),
        q(graph, VOID.triples, ox.Literal(str(triples), datatype=XSD.integer)),
        q(graph, DCTERMS.conformsTo, ONTOLOGY),
    ]
    if source.code is not None:
        quads.append(q(graph, DCTERMS.identifier, ox.Literal(source.code)))
    if source.municipality is not None:
        quads.append(q(graph, DCTERMS.spatial, source.municipality))
    return quads


def _catalogue_head() -> list[ox.Quad]:
    c = CATALOGUE_GRAPH
    return [
        ox.Quad(c, RDF.type, DCAT.Catalog, c),
        ox.Quad(c, DCTERMS.title, ox.Literal(CATALOGUE_TITLE, language="sv"), c),
        ox.Quad(c, DCTERMS.title, ox.Literal("samklang corpus", language="en"), c),
        ox.Quad(c, DCAT.dataset, ONTOLOGY_GRAPH, c),
        ox.Quad(ONTOLOGY_GRAPH, RDF.type, DCAT.Dataset, c),
        ox.Quad(
            ONTOLOGY_GRAPH,
            DCTERMS.title,
            ox.Literal(ONTOLOGY_TITLE, language="sv"),
            c,
        ),
        ox.Quad(ONTOLOGY_GRAPH, DCTERMS.conformsTo, ONTOLOGY, c),
    ]


def load_corpus(
    paths: Sequence[str | Path],
    store: GraphStore,
    *,
    now: datetime | None = None,
    warn_settings: bool = True,
    places: dict[str, tuple[Path, Path, str | None]] | None = None,
) -> list[Entry]:
    """Load dataset folders, plan documents and RDF files into ``store``, one graph each.

    Every source is read (and validated) before the store changes. A source's graphs replace
    graphs of the same name; other graphs stay. The catalogue graph is updated to match. Into
    an on-disk store the load is one step: the catalogue is checked against the graphs
    (:func:`verify_catalogue`) and the new generation published whole
    (:meth:`OxigraphStore.commit`), so a reader, or a load killed at any point, sees the store
    before the load or after it.

    Args:
        paths: the sources.
        store: where they go.
        now: the time recorded as ``dcterms:modified`` (default: now, in UTC).
        warn_settings: whether to warn that a dataset's own ``settings:`` do not apply (they
            are rule parameters: a command that runs no rule says nothing about them).
        places: when given, filled with where each resource of a dataset source was written,
            IRI → (the source's path, file, location), for reports of a check of several
            datasets (``samklang.queries.check.check``).

    Returns:
        One catalogue entry per graph written, in the order of ``paths``.

    Raises:
        InputError: a source cannot be read.
        UsageError: two sources describe the same municipality or graph.
    """
    stamp = (now or datetime.now(UTC)).replace(microsecond=0).isoformat()
    sources = [_read_source(Path(p)) for p in paths]
    with_settings = [str(s.path) for s in sources if s.has_settings]
    if with_settings and warn_settings:  # decision 0003: settings do not travel into a corpus
        log.warning(
            "samklang: the settings of %s apply when a dataset is checked alone; a corpus is "
            "checked with the defaults and --setting.",
            ", ".join(with_settings),
        )
    if places is not None:
        for source in sources:
            for iri, (file, location) in source.locations.items():
                places.setdefault(iri, (source.path, file, location))
    seen: dict[ox.NamedNode, Path] = {}
    for source in sources:
        for graph in source.graphs:
            if graph in seen:
                raise UsageError(
                    f"{seen[graph]} and {source.path} both fill the graph {graph.value}"
                    + (f" (municipality {source.code})" if source.code else "")
                    + "; load one of them"
                )
            seen[graph] = source.path
    before = list(store.quads(CATALOGUE_GRAPH)) if CATALOGUE_GRAPH in store.graphs() else []
    catalogue: list[ox.Quad] | None = before or None
    entries: list[Entry] = []
    for source in sources:
        if source.catalogue is not None:
            carried = _carried_catalogue(source)
            catalogue = carried if catalogue is None else _merged(catalogue, carried)
    if catalogue is None:
        catalogue = _catalogue_head()
    for source in sources:
        for graph, quads in source.graphs.items():
            triples = len({(q.subject, q.predicate, q.object) for q in quads})
            store.replace_graph(graph, quads)
            if source.catalogue is None:
                catalogue = [
                    q
                    for q in catalogue
                    if q.subject != graph
                    and not (q.predicate == DCAT.dataset and q.object == graph)
                ]
                catalogue.extend(_entry_quads(source, graph, triples, stamp))
            entries.append(
                Entry(graph, source.titles[graph], source.path.name, triples, source.code)
            )
    store.replace_graph(CATALOGUE_GRAPH, catalogue)
    if isinstance(store, OxigraphStore) and store.path is not None:
        # What the generation it was copied from held was counted when that was published.
        written = {g for s in sources for g in s.graphs} | {CATALOGUE_GRAPH}
        try:
            verify_catalogue(store, store.path, count=written if store.copied else True)
        except UsageError:
            store.close()  # the load is abandoned: the store stays as it was
            raise
        store.commit()  # one step: readers see the store before this load or after it
    return entries


def _carried_catalogue(source: _Source) -> list[ox.Quad]:
    """The catalogue an RDF file carries, cut to the graphs the file holds (and the catalogue's
    own description), with the triple counts it gives replaced by the counts as loaded."""
    assert source.catalogue is not None
    counts = {
        graph: len({(q.subject, q.predicate, q.object) for q in quads})
        for graph, quads in source.graphs.items()
    }
    return _cut_catalogue(source.catalogue, counts)


def _cut_catalogue(catalogue: list[ox.Quad], counts: dict[ox.NamedNode, int]) -> list[ox.Quad]:
    """``catalogue`` cut to the graphs of ``counts`` (graph → its triples, as loaded)."""
    c = CATALOGUE_GRAPH
    held = set(counts) | {ONTOLOGY_GRAPH, c}
    kept = [
        q
        for q in catalogue
        if (q.subject in held or not isinstance(q.subject, ox.NamedNode))
        and not (q.predicate == DCAT.dataset and q.object not in held)
        and not (q.predicate == VOID.triples and q.subject in counts)
    ]
    counted = {q.subject for q in catalogue if q.predicate == VOID.triples}
    for graph, triples in counts.items():
        if graph in counted:
            kept.append(
                ox.Quad(graph, VOID.triples, ox.Literal(str(triples), datatype=XSD.integer), c)
            )
    return kept


def carried_catalogue(
    path: Path,
    catalogue: list[ox.Quad] | None,
    counts: dict[ox.NamedNode, int],
    stamp: str,
) -> list[ox.Quad]:
    """The catalogue :func:`load_corpus` writes when it loads the one RDF file ``path`` into a
    new store: the ``catalogue`` the file carries, cut to its graphs (``counts``: graph → its
    triples), else a new catalogue with an entry for each graph, modified at ``stamp``."""
    if catalogue is not None:
        return _cut_catalogue(catalogue, counts)
    source = _Source(path, {g: [] for g in counts}, {g: path.name for g in counts})
    written = _catalogue_head()
    for graph, triples in counts.items():  # as load_corpus replaces each graph's entry
        written = [
            q
            for q in written
            if q.subject != graph and not (q.predicate == DCAT.dataset and q.object == graph)
        ]
        written.extend(_entry_quads(source, graph, triples, stamp))
    return written


def _corpus_file(path: Path) -> OxigraphStore:
    """A new in-memory store holding the one N-Quads or TriG file ``path``: what
    ``load_corpus([path], OxigraphStore())`` holds, the catalogue included, parsed by Oxigraph
    straight into the store (``rdf_file``).

    Raises:
        InputError: the file cannot be read, is not valid RDF, or names a blank-node graph.
    """
    from samklang.graph import rdf_file

    parsed = rdf_file.parse(path, source_graph(path))
    counts = {
        row["g"]: int(row["n"].value)
        for row in parsed.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
    }
    own_catalogue = list(parsed.quads_for_pattern(None, None, None, CATALOGUE_GRAPH))
    held = {g: n for g, n in counts.items() if g != CATALOGUE_GRAPH}
    stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
    catalogue = carried_catalogue(path, own_catalogue or None, held, stamp)
    if own_catalogue:
        parsed.remove_graph(CATALOGUE_GRAPH)
    parsed.bulk_extend(catalogue)
    if ONTOLOGY_GRAPH not in counts:  # a new store holds the ontology; a file's replaces it
        parsed.bulk_extend(ontology_quads())
    store = OxigraphStore()
    store.store = parsed
    return store


def source_graph(path: Path) -> ox.NamedNode:
    """The graph of what an RDF file ``path`` states in its default graph."""
    return GRAPH.term(f"source/{_slug(path.stem)}")


def _merged(catalogue: list[ox.Quad], carried: list[ox.Quad]) -> list[ox.Quad]:
    """``catalogue`` with the entries ``carried`` describes replaced by those of ``carried``."""
    described = {q.object for q in carried if q.predicate == DCAT.dataset}
    described |= {q.subject for q in carried if q.subject != CATALOGUE_GRAPH}
    kept = [
        q
        for q in catalogue
        if q.subject not in described
        and not (q.predicate == DCAT.dataset and q.object in described)
    ]
    return kept + [q for q in carried if q not in set(kept)]


def verify_catalogue(
    store: Store, name: str | Path, *, count: bool | Collection[ox.NamedNode] = True
) -> None:
    """Refuse a store whose catalogue disagrees with its graphs: every graph the catalogue
    lists must be there, with the number of triples its entry gives, and every graph but the
    catalogue itself must have an entry.

    Args:
        store: the store.
        name: how to name it in the error.
        count: also count each graph's triples (at 290 municipalities, 2–3 s), or only those
            of the graphs given. Without it, only which graphs there are is compared: enough
            for a generation a load published, which was counted before it was published and
            is never written again.

    Raises:
        UsageError: the first disagreement found (and how many more there are).
    """
    counts: dict[str, int | None]
    if count is True:
        counts = {
            row["g"].value: int(row["n"].value)
            for row in store.select(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
            )
        }
    else:
        counts = {
            row["g"].value: None
            for row in store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        }
        for named in count or ():
            if named.value in counts:
                [row] = store.select(
                    f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {named} {{ ?s ?p ?o }} }}"
                )
                counts[named.value] = int(row["n"].value)
    problems: list[tuple[str, str, int, int]] = []  # (what, graph, holds, says)
    if CATALOGUE_GRAPH.value not in counts:
        problems.append(("no catalogue", CATALOGUE_GRAPH.value, 0, 0))
    listed: dict[str, int | None] = {}
    for row in store.select(
        f"""
        SELECT ?graph ?triples WHERE {{
          GRAPH {CATALOGUE_GRAPH} {{
            ?catalogue {DCAT.dataset} ?graph .
            OPTIONAL {{ ?graph {VOID.triples} ?triples }}
          }}
        }}
        """
    ):
        given = row.get("triples")
        listed[row["graph"].value] = int(given.value) if given is not None else None
    for graph, triples in sorted(listed.items()):
        if graph not in counts:
            problems.append(("missing", graph, 0, 0))
        elif triples is not None and counts[graph] not in (None, triples):
            problems.append(("count", graph, counts[graph] or 0, triples))
    for graph in sorted(counts):
        if graph != CATALOGUE_GRAPH.value and graph not in listed:
            problems.append(("unlisted", graph, 0, 0))
    if not problems:
        return
    what, g, holds, says = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    if what == "no catalogue":
        raise UsageError(
            f"the store {name} disagrees with its catalogue: it has no catalogue graph <{g}>"
            f"{more}; load its sources again with 'samklang load PATH… --store {name}'"
        )
    if what == "missing":
        raise UsageError(
            f"the store {name} disagrees with its catalogue: the catalogue lists the graph "
            f"<{g}>, which the store does not hold{more}; load its sources again with "
            f"'samklang load PATH… --store {name}'"
        )
    if what == "count":
        raise UsageError(
            f"the store {name} disagrees with its catalogue: the graph <{g}> holds {holds} "
            f"triples where the catalogue says {says}{more}; load its sources again with "
            f"'samklang load PATH… --store {name}'"
        )
    raise UsageError(
        f"the store {name} disagrees with its catalogue: the graph <{g}> is not in the "
        f"catalogue{more}; load its sources again with 'samklang load PATH… --store {name}'"
    )


def catalogue_entries(store: Store) -> list[Entry]:
    """The graphs the catalogue of ``store`` describes, sorted by graph IRI."""
    rows = store.select(
        f"""
        SELECT ?graph ?title ?source ?triples ?code WHERE {{
          GRAPH {CATALOGUE_GRAPH} {{
            ?catalogue {DCAT.dataset} ?graph .
            OPTIONAL {{ ?graph dcterms:title ?title }}
            OPTIONAL {{ ?graph dcterms:source ?source }}
            OPTIONAL {{ ?graph {VOID.triples} ?triples }}
            OPTIONAL {{ ?graph dcterms:identifier ?code }}
          }}
        }}
        ORDER BY ?graph
        """
    )
    entries = []
    for row in rows:
        graph = row["graph"]
        if not isinstance(graph, ox.NamedNode):
            continue
        entries.append(
            Entry(
                graph,
                row["title"].value if "title" in row else graph.value,
                row["source"].value if "source" in row else "",
                int(row["triples"].value) if "triples" in row else 0,
                row["code"].value if "code" in row else None,
            )
        )
    return entries


def open_sources(
    paths: Iterable[str | Path] = (),
    store_dir: str | Path | None = None,
    endpoint: str | None = None,
    *,
    runs_rules: bool = True,
    places: dict[str, tuple[Path, Path, str | None]] | None = None,
) -> Store:
    """A store holding what a command should read: dataset paths, an on-disk store, or an
    endpoint — exactly one of the three.

    Args:
        paths: dataset folders, plan documents or RDF files, loaded into a new in-memory store
            (a named graph per source, and the catalogue).
        store_dir: a store built by ``samklang load``, opened for reading.
        endpoint: the URL of a SPARQL 1.1 endpoint, read through the protocol, once
            :meth:`SparqlStore.probe` has found the municipalities' graphs.
        runs_rules: whether the command runs the rules, so that a dataset's own ``settings:``
            (which a corpus does not use) are worth a warning.
        places: when given, filled with where each resource of the dataset paths was written
            (:func:`load_corpus`).

    Raises:
        UsageError: none or more than one of them is given, the store cannot be opened, or
            the endpoint holds no municipality.
        InputError: a path cannot be read.
    """
    paths = list(paths)
    given = [
        name for name, v in (("PATH", paths), ("--store", store_dir), ("--endpoint", endpoint)) if v
    ]
    if len(given) != 1:
        raise UsageError(
            "give dataset paths, --store DIR or --endpoint URL"
            + (f", not {' and '.join(given)} together" if given else "")
            + " ('samklang load PATH… --store DIR' adds datasets to a store)"
        )
    from samklang.graph import rdf_file

    if endpoint:
        from samklang.graph.store.endpoint import SparqlStore  # urllib: only for an endpoint

        remote = SparqlStore(endpoint)
        remote.probe()  # refuses an endpoint where no municipality is found
        return remote
    if store_dir:
        on_disk = OxigraphStore(store_dir, read_only=True)
        # A generation was counted when its load published it; a store of before is counted.
        verify_catalogue(on_disk, store_dir, count=on_disk.generation is None)
        return on_disk
    if len(paths) == 1 and rdf_file.is_corpus_file(Path(paths[0])):
        return _corpus_file(Path(paths[0]))  # an export: parsed straight into the store
    store = OxigraphStore()
    load_corpus(paths, store, warn_settings=runs_rules, places=places)
    return store


def push(
    paths: Sequence[str | Path], store_dir: str | Path | None, target: GraphStore
) -> list[Entry]:
    """Write dataset ``paths`` (or every graph of the store in ``store_dir``) to ``target``,
    replacing graphs of the same name, together with the ontology graph and the catalogue.

    Returns:
        An entry per graph written: the datasets' graphs, then the ontology and the catalogue.

    Raises:
        UsageError: neither or both of paths and store given; the target refuses a write.
        InputError: a path cannot be read.
    """
    from samklang.graph.store import ontology_quads

    if bool(paths) == bool(store_dir):
        raise UsageError("give dataset paths or --store DIR to push, not both and not neither")
    ontology = ontology_quads()
    target.replace_graph(ONTOLOGY_GRAPH, ontology)
    if paths:
        entries = load_corpus(paths, target)
    else:
        assert store_dir is not None
        source = OxigraphStore(store_dir, read_only=True)
        verify_catalogue(source, store_dir, count=source.generation is None)
        for graph in source.graphs():
            if graph != ONTOLOGY_GRAPH:
                target.replace_graph(graph, source.quads(graph))
        entries = [e for e in catalogue_entries(source) if e.graph != ONTOLOGY_GRAPH]
    [row] = target.select(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {CATALOGUE_GRAPH} {{ ?s ?p ?o }} }}"
    )
    return [
        *entries,
        Entry(ONTOLOGY_GRAPH, ONTOLOGY_TITLE, "samklang", len({q.triple for q in ontology})),
        Entry(CATALOGUE_GRAPH, CATALOGUE_TITLE, "samklang", int(row["n"].value)),
    ]
