"""Stores: descriptors, the on-disk store, graph replacement, and binding values as RDF terms."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from samklang.cli import cli
from samklang.errors import UsageError
from samklang.graph.corpus import CATALOGUE_GRAPH, catalogue_entries, load_corpus, open_sources
from samklang.graph.sparql_json import term_from_json
from samklang.graph.sparql_text import bind_values, inspect, projection, term_text
from samklang.graph.store import ONTOLOGY_GRAPH, open_store
from samklang.graph.store.endpoint import SparqlStore
from samklang.graph.store.oxigraph import OxigraphStore
from samklang.graph.store.rdflib import RdflibStore
from samklang.ontology.namespace import GRAPH, XSD
from samklang.queries.check import check
from samklang.queries.settings import Settings

from .conftest import ROOT

VETLANDA = ROOT / "examples" / "vetlanda"

RESEARCH = ROOT / "tests" / "research"
EXEMPELBY, PROVKOPING = RESEARCH / "exempelby", RESEARCH / "provkoping"

EX = ox.NamedNode("http://example.org/g")


def test_descriptors_open_each_engine(tmp_path: Path) -> None:
    assert isinstance(open_store("memory"), OxigraphStore)
    assert isinstance(open_store("rdflib"), RdflibStore)
    assert isinstance(open_store(f"oxigraph:{tmp_path / 's'}"), OxigraphStore)
    assert isinstance(open_store("sparql:http://127.0.0.1:1/sparql"), SparqlStore)
    with pytest.raises(UsageError, match="oxigraph:DIR or sparql:URL"):
        open_store("postgres")
    with pytest.raises(UsageError, match="not an http"):
        open_store("sparql:file:///etc/passwd")


def test_on_disk_store_keeps_its_graphs(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    store = OxigraphStore(folder)
    load_corpus([EXEMPELBY], store)
    del store
    again = OxigraphStore(folder, read_only=True)
    assert GRAPH.term("9999") in again.graphs()
    rows = again.select("SELECT ?m WHERE { ?m a sk:Municipality }")
    assert [r["m"].value for r in rows] == ["https://w3id.org/samklang/data/9999/exempelby-kommun"]


def test_rule_pack_on_an_on_disk_store_from_several_threads(tmp_path: Path) -> None:
    """The pack runs in threads, each with its own handle on a store opened for reading: the
    findings equal those of the same corpus in memory."""
    folder = tmp_path / "store"
    load_corpus([EXEMPELBY, PROVKOPING], OxigraphStore(folder))
    memory = OxigraphStore()
    load_corpus([EXEMPELBY, PROVKOPING], memory)
    settings = Settings(as_of=date(2024, 6, 1))
    on_disk = check(None, store=OxigraphStore(folder, read_only=True), settings=settings)
    in_memory = check(None, store=memory, settings=settings)
    assert on_disk and on_disk == in_memory


def test_a_corpus_says_that_a_datasets_own_settings_are_not_applied(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "exempelby"
    shutil.copytree(EXEMPELBY, folder)
    (folder / "settings.yaml").write_text("settings:\n  mandate_first_year: 2020\n")
    load_corpus([folder, PROVKOPING], OxigraphStore())
    [record] = caplog.records
    assert record.levelname == "WARNING"
    assert f"the settings of {folder} apply when a dataset is checked alone" in record.message
    caplog.clear()
    load_corpus([EXEMPELBY, PROVKOPING], OxigraphStore())
    assert not caplog.records


def test_a_folder_that_is_no_store_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="holds files but no samklang store"):
        OxigraphStore(tmp_path)
    with pytest.raises(UsageError, match="is not a samklang store"):
        OxigraphStore(tmp_path, read_only=True)
    with pytest.raises(UsageError, match="is not a samklang store"):
        open_sources(store_dir=tmp_path / "missing")


@pytest.mark.parametrize("engine", ["memory", "rdflib"])
def test_reloading_a_municipality_replaces_its_graph_and_nothing_else(
    engine: str, tmp_path: Path
) -> None:
    store = open_store(engine)
    load_corpus([EXEMPELBY, PROVKOPING], store)  # type: ignore[arg-type]
    other_before = sorted(map(str, store.quads(GRAPH.term("9998"))))  # type: ignore[attr-defined]
    changed = tmp_path / "exempelby"
    changed.mkdir()
    for file in EXEMPELBY.iterdir():
        text = file.read_text(encoding="utf-8")
        (changed / file.name).write_text(
            text.replace("Kvällsvandringar i centrum", "Nattvandringar"), encoding="utf-8"
        )
    load_corpus([changed], store)  # type: ignore[arg-type]
    titles = {
        r["t"].value
        for r in store.select("SELECT ?t WHERE { ?a a sk:Activity ; dcterms:title ?t }")
    }
    assert "Nattvandringar" in titles and "Kvällsvandringar i centrum" not in titles
    assert sorted(map(str, store.quads(GRAPH.term("9998")))) == other_before  # type: ignore[attr-defined]
    entries = {e.graph.value: e for e in catalogue_entries(store)}
    assert entries[GRAPH.term("9999").value].source == "exempelby"
    assert entries[GRAPH.term("9998").value].code == "9998"
    dcat_dataset = "<http://www.w3.org/ns/dcat#dataset>"
    datasets = store.select(
        f"SELECT ?d WHERE {{ GRAPH {CATALOGUE_GRAPH} {{ ?c {dcat_dataset} ?d }} }}"
    )
    assert sorted(r["d"].value for r in datasets) == sorted(
        [GRAPH.term("9998").value, GRAPH.term("9999").value, ONTOLOGY_GRAPH.value]
    )


def test_two_sources_for_one_municipality_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="both fill the graph"):
        load_corpus([EXEMPELBY, EXEMPELBY], OxigraphStore())


def test_open_sources_wants_exactly_one_kind_of_source(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="give dataset paths"):
        open_sources()
    with pytest.raises(UsageError, match="not PATH and --store together"):
        open_sources([EXEMPELBY], tmp_path)


def test_bind_values_puts_values_first_in_where_and_in_minus() -> None:
    query = "SELECT ?x WHERE { ?x ?p ?d FILTER(?d < ?asOf) MINUS { ?x ?q ?e FILTER(?e > ?asOf) } }"
    bound = bind_values(query, {"asOf": ox.Literal("2024-01-01", datatype=XSD.date)})
    value = '"2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert bound.startswith(f"SELECT ?x WHERE {{ VALUES (?asOf) {{ ({value}) }} ?x")
    assert f"MINUS {{ VALUES (?asOf) {{ ({value}) }} ?x ?q ?e" in bound
    # Variables the query does not name are ignored, as engines that pre-bind do.
    assert bind_values(query, {"other": ox.Literal("1")}) == query


def test_bind_values_reaches_a_subquery_through_its_projection() -> None:
    query = "SELECT ?n WHERE { { SELECT (SUM(IF(?s = ?done, 1, 0)) AS ?n) WHERE { ?e ?p ?s } } }"
    bound = bind_values(query, {"done": ox.NamedNode("http://example.org/done")})
    assert "WHERE { ?e ?p ?s }" not in bound
    assert "WHERE { VALUES (?done) { (<http://example.org/done>) } ?e ?p ?s }" in bound


def test_bind_values_skips_construct_templates_and_values_data() -> None:
    query = "CONSTRUCT { ?s ?p ?x } WHERE { VALUES ?s { <http://a> } ?s ?p ?x }"
    bound = bind_values(query, {"x": ox.Literal("1")})
    assert bound.startswith('CONSTRUCT { ?s ?p ?x } WHERE { VALUES (?x) { ("1") }')


@pytest.mark.parametrize(
    "value",
    [
        '" } } ; DROP ALL ; SELECT * WHERE { ?s ?p "',
        'x\\" . ?s ?p ?o } #',
        "line\nbreak } # \r\n",
        "\\u0022 } UNION { ?s ?p ?o } #",
    ],
)
def test_a_value_cannot_change_the_query(value: str) -> None:
    """Injection through a parameter: the value stays one literal, whatever it holds."""
    query = "SELECT ?s WHERE { ?s <http://example.org/name> ?name }"
    bound = bind_values(query, {"name": ox.Literal(value)})
    store = ox.Store()
    store.add(
        ox.Quad(
            ox.NamedNode("http://example.org/a"),
            ox.NamedNode("http://example.org/name"),
            ox.Literal(value),
        )
    )
    store.add(
        ox.Quad(
            ox.NamedNode("http://example.org/b"),
            ox.NamedNode("http://example.org/other"),
            ox.Literal("y"),
        )
    )
    rows = list(store.query(bound))  # type: ignore[arg-type]
    assert [r["s"].value for r in rows] == ["http://example.org/a"]
    assert inspect(bound).form == "SELECT" and not inspect(bound).is_update


def test_term_text_is_sparql() -> None:
    assert term_text(ox.Literal('a"b\\c', language="sv")) == '"a\\"b\\\\c"@sv'
    assert term_text(ox.Literal("5", datatype=XSD.integer)) == (
        '"5"^^<http://www.w3.org/2001/XMLSchema#integer>'
    )
    with pytest.raises(UsageError):
        term_text(ox.BlankNode("b"))  # type: ignore[arg-type]


def test_inspect_finds_updates_services_and_datasets() -> None:
    assert inspect("PREFIX insert: <http://x/> SELECT * { ?s insert:p ?o }").form == "SELECT"
    assert inspect("INSERT DATA { <a> <b> <c> }").is_update
    assert inspect("LOAD <http://example.org/x.ttl>").is_update
    shape = inspect(
        "SELECT * FROM <http://a/> FROM NAMED <http://b/> "
        "WHERE { SERVICE SILENT <http://c/> { ?s ?p ?o } }"
    )
    assert shape.from_graphs == ("http://a/", "http://b/")
    assert shape.services == ("http://c/",)
    # Keywords in strings, IRIs and comments do not count.
    quiet = inspect('SELECT * WHERE { ?s ?p "SERVICE <http://x>" } # INSERT')
    assert quiet.services == () and not quiet.is_update


def test_projection_in_order() -> None:
    assert projection("SELECT ?a (COUNT(?b) AS ?n) ?c WHERE { ?a ?b ?c } GROUP BY ?a ?c") == [
        "a",
        "n",
        "c",
    ]
    assert projection("SELECT * WHERE { ?a ?b ?c }") == []


def test_results_json_terms_including_virtuoso_quirks() -> None:
    boolean = {"type": "typed-literal", "datatype": str(XSD.boolean.value), "value": "1"}
    assert term_from_json(boolean) == ox.Literal("true", datatype=XSD.boolean)
    assert term_from_json({"type": "bnode", "value": "nodeID://b10001"}) == ox.BlankNode("b10001")
    assert term_from_json({"type": "literal", "xml:lang": "sv", "value": "x"}) == ox.Literal(
        "x", language="sv"
    )
    assert term_from_json({"type": "uri", "value": "http://a/"}) == ox.NamedNode("http://a/")


def test_unreachable_endpoint_is_one_sentence() -> None:
    store = SparqlStore("http://127.0.0.1:9/sparql", timeout=2)
    with pytest.raises(UsageError, match="cannot reach the endpoint"):
        store.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")


def test_rdf_files_go_into_source_graphs(tmp_path: Path) -> None:
    ttl = tmp_path / "extra facts.ttl"
    ttl.write_text("<http://example.org/a> <http://example.org/b> 'c' .\n", encoding="utf-8")
    trig = tmp_path / "more.trig"
    trig.write_text("<http://example.org/g> { <http://example.org/x> <http://example.org/y> 1 }\n")
    store = OxigraphStore()
    entries = load_corpus([ttl, trig], store)
    assert [e.graph.value for e in entries] == [
        GRAPH.term("source/extra-facts").value,
        "http://example.org/g",
    ]
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://example.org/a> <b", encoding="utf-8")
    from samklang.errors import InputError

    with pytest.raises(InputError, match="is not valid RDF"):
        load_corpus([bad], store)


# --- The on-disk store: generations published whole, the catalogue checked --------------------


def _graph_names(folder: Path) -> list[str]:
    store = OxigraphStore(folder, read_only=True)
    try:
        return [g.value for g in store.graphs()]
    finally:
        store.close()


def _generations(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and p.name.startswith("g"))


def test_a_load_publishes_a_new_generation_and_a_reader_keeps_its_snapshot(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    load_corpus([EXEMPELBY], OxigraphStore(folder))
    reader = OxigraphStore(folder, read_only=True)
    assert reader.generation is not None and reader.generation.generation == 1
    held = folder / reader.generation.folder
    files = {p.name: (p.stat().st_ino, p.stat().st_size, p.stat().st_mtime_ns)
             for p in held.iterdir() if not p.name.startswith("LOG")}
    load_corpus([PROVKOPING], OxigraphStore(folder))
    # The reader still reads the generation it opened, unchanged, file for file.
    assert GRAPH.term("9998") not in reader.graphs()
    assert {p.name: (p.stat().st_ino, p.stat().st_size, p.stat().st_mtime_ns)
            for p in held.iterdir() if not p.name.startswith("LOG")} == files
    # A new reader reads the new one; the held generation stays until it is let go.
    assert {GRAPH.term("9998").value, GRAPH.term("9999").value} <= set(_graph_names(folder))
    assert _generations(folder) == ["g00000001", "g00000002"]
    reader.close()
    load_corpus([PROVKOPING], OxigraphStore(folder))
    assert _generations(folder) == ["g00000003"]
    pointer = json.loads((folder / "samklang-store.json").read_text(encoding="utf-8"))
    assert pointer["generation"] == 3 and pointer["folder"] == "g00000003"


def test_a_load_that_is_not_committed_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    load_corpus([EXEMPELBY], OxigraphStore(folder))
    before = _graph_names(folder)
    writing = OxigraphStore(folder)
    writing.replace_graph(GRAPH.term("9999"), [])
    writing.replace_graph(EX, [ox.Quad(EX, EX, EX, EX)])
    assert _graph_names(folder) == before  # nothing is visible before the commit
    writing.close()  # abandoned
    assert _graph_names(folder) == before
    assert not [p for p in folder.iterdir() if p.name.startswith(".stage-")]


def test_two_loads_at_once_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    first = OxigraphStore(folder)
    with pytest.raises(UsageError, match="another samklang load is writing to the store"):
        OxigraphStore(folder)
    first.close()
    OxigraphStore(folder).close()


def test_a_store_built_before_generations_is_read_and_then_made_a_generation(
    tmp_path: Path,
) -> None:
    built = tmp_path / "built"
    load_corpus([EXEMPELBY], OxigraphStore(built))
    legacy = tmp_path / "legacy"  # RocksDB's files directly in the folder, as before
    shutil.copytree(built / "g00000001", legacy)
    (legacy / "readers.lock").unlink()
    assert GRAPH.term("9999").value in _graph_names(legacy)
    load_corpus([PROVKOPING], OxigraphStore(legacy))
    assert (legacy / "samklang-store.json").is_file()
    assert not (legacy / "CURRENT").exists() and not list(legacy.glob("*.sst"))
    assert {GRAPH.term("9998").value, GRAPH.term("9999").value} <= set(_graph_names(legacy))
    assert open_sources(store_dir=legacy)  # and its catalogue agrees


def _damaged_store(folder: Path, damage: str) -> None:
    """A store whose catalogue disagrees with its graphs, as a load interrupted outside any
    transaction left one (written directly with Oxigraph, in the layout of before)."""
    memory = OxigraphStore()
    load_corpus([EXEMPELBY, PROVKOPING], memory)
    quads = list(memory.quads())
    graph = GRAPH.term("9999")
    if damage == "missing":
        quads = [q for q in quads if q.graph_name != graph]
    elif damage == "count":
        quads.remove(next(q for q in quads if q.graph_name == graph))
    elif damage == "unlisted":
        quads.append(ox.Quad(EX, EX, EX, EX))
    elif damage == "no catalogue":
        quads = [q for q in quads if q.graph_name != CATALOGUE_GRAPH]
    raw = ox.Store(str(folder))
    raw.bulk_extend(quads)
    raw.flush()
    del raw


@pytest.mark.parametrize(
    ("damage", "sentence"),
    [
        ("missing", "the catalogue lists the graph <https://w3id.org/samklang/graph/9999>, which "
         "the store does not hold"),
        ("count", "the graph <https://w3id.org/samklang/graph/9999> holds"),
        ("unlisted", "the graph <http://example.org/g> is not in the catalogue"),
        ("no catalogue", "it has no catalogue graph"),
    ],
)
def test_check_refuses_a_store_that_disagrees_with_its_catalogue(
    runner: CliRunner, tmp_path: Path, damage: str, sentence: str
) -> None:
    folder = tmp_path / "store"
    _damaged_store(folder, damage)
    result = runner.invoke(cli, ["check", "--store", str(folder), "--lang", "en"])
    assert result.exit_code == 2, result.output
    [line] = result.stderr.strip().splitlines()
    assert f"the store {folder} disagrees with its catalogue: {sentence}" in line
    assert line.endswith(f"load its sources again with 'samklang load PATH… --store {folder}'.")
    # A load into it is refused the same way, and leaves it as it was.
    before = _graph_names(folder)
    if damage != "missing":
        with pytest.raises(UsageError, match="disagrees with its catalogue"):
            load_corpus([ROOT / "examples" / "fiktivby"], OxigraphStore(folder))
        assert _graph_names(folder) == before
    else:  # loading the missing municipality again repairs it
        load_corpus([EXEMPELBY], OxigraphStore(folder))
        assert runner.invoke(cli, ["check", "--store", str(folder)]).exit_code in (0, 1)


def test_a_consistent_store_passes_the_catalogue_check(tmp_path: Path) -> None:
    from samklang.graph.corpus import verify_catalogue

    folder = tmp_path / "store"
    load_corpus([EXEMPELBY, PROVKOPING], OxigraphStore(folder))
    trig = tmp_path / "more.trig"
    trig.write_text("<http://example.org/g> { <http://example.org/x> <http://example.org/y> 1 }\n")
    load_corpus([trig], OxigraphStore(folder))
    store = OxigraphStore(folder, read_only=True)
    verify_catalogue(store, folder)
    assert {e.graph.value: e.triples for e in catalogue_entries(store)}["http://example.org/g"] == 1


def test_a_published_generation_is_checked_by_its_graph_names(tmp_path: Path) -> None:
    """Its counts were checked when its load published it and it is never written again, so a
    reader compares only which graphs there are (0.1 s at 290 municipalities, against 2–3 s for
    counting); a graph added behind samklang's back is still refused."""
    folder = tmp_path / "store"
    load_corpus([EXEMPELBY], OxigraphStore(folder))
    assert open_sources(store_dir=folder)
    raw = ox.Store(str(folder / "g00000001"))  # tampering, not a load
    raw.add(ox.Quad(EX, EX, EX, EX))
    raw.remove(next(iter(raw.quads_for_pattern(None, None, None, GRAPH.term("9999")))))
    raw.flush()
    del raw
    with pytest.raises(UsageError, match="the graph <http://example.org/g> is not in the cat"):
        open_sources(store_dir=folder)


class _Dropping:
    """A server on 127.0.0.1 that drops the first ``drops`` connections before answering (as
    Virtuoso may drop a large PUT it answers before reading it), then answers empty results."""

    def __init__(self, drops: int) -> None:
        import socket
        import threading

        self.drops, self.seen = drops, 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        import socket
        import struct

        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                self.seen += 1
                if self.seen <= self.drops:  # a reset: close at once, unread data discarded
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    continue
                body = b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}'
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                    + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body
                )

    def close(self) -> None:
        self.sock.close()


def test_a_query_is_sent_again_when_the_connection_drops() -> None:
    server = _Dropping(drops=1)
    try:
        assert SparqlStore(server.url, timeout=5).select("SELECT ?s WHERE { ?s ?p ?o }") == []
        assert server.seen == 2
    finally:
        server.close()


def test_an_update_is_sent_once_when_the_connection_drops() -> None:
    server = _Dropping(drops=1)
    try:
        store = SparqlStore(server.url, timeout=5)
        with pytest.raises(UsageError, match="cannot reach the endpoint"):
            store.update("INSERT DATA { <http://a/s> <http://a/p> 1 }")
        assert server.seen == 1
    finally:
        server.close()


def test_a_server_that_keeps_dropping_is_one_sentence() -> None:
    server = _Dropping(drops=10)
    try:
        with pytest.raises(UsageError, match="cannot reach the endpoint"):
            SparqlStore(server.url, timeout=5).select("SELECT ?s WHERE { ?s ?p ?o }")
        assert server.seen == 3  # the first try and two more
    finally:
        server.close()


@pytest.mark.parametrize("damage", ["table-files-cut", "generation-gone"])
def test_a_damaged_store_is_one_sentence(damage: str, tmp_path: Path) -> None:
    """A store whose table files are cut short (a disk that filled, a copy broken off) gave
    RocksDB's traceback; one whose generation folder is gone said that it "changed 100 times
    while being opened"."""
    runner = CliRunner()
    store = tmp_path / "s"
    assert runner.invoke(cli, ["load", "--store", str(store), str(VETLANDA)]).exit_code == 0
    [generation] = store.glob("g0*")
    if damage == "table-files-cut":
        for table in generation.glob("*.sst"):
            data = table.read_bytes()
            table.write_bytes(data[: len(data) // 2])
    else:
        shutil.rmtree(generation)
    result = runner.invoke(cli, ["check", "--store", str(store), "--lang", "en"])
    assert result.exit_code == 2, result.output
    [said] = result.stderr.splitlines()
    assert said.startswith(f"samklang: the store {store} is damaged (") and said.endswith(
        "load the datasets again into a new folder with samklang load."
    ), said
