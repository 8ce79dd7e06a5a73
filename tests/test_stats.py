"""samklang stats: organisations' centrality, loose components and the red thread per activity,
on the fictional Exempelstad (tests/viz/exempelstad)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from samklang.cli import cli
from samklang.network.analytics import compute_stats
from samklang.network.build import planning_graph

from .conftest import EXAMPLES
from .test_viz import AS_OF, DATA, EXEMPELSTAD, store_of

BRACKETED = ["Region [region Syd]", "Grupp [/]", "Rapport [/] om [region Syd]", "Möte [bold]x[/]"]
"""Names that rich would read as markup: a style, a closing tag with nothing to close."""


def bracketed_dataset(folder: Path) -> Path:
    """Exempelstad with an organisation, a group, a document and an activity whose names hold
    square brackets (:data:`BRACKETED`)."""
    shutil.copytree(EXEMPELSTAD, folder)
    (folder / "extra.yaml").write_text(
        "organisations:\n"
        "  - id: region-syd\n    name: Region [region Syd]\n    type: myndighet\n"
        "groups:\n"
        "  - id: grupp-x\n    name: Grupp [/]\n    type: temagrupp\n"
        "    members: [region-syd]\n"
        "documents:\n"
        "  - id: rapport-x\n    title: Rapport [/] om [region Syd]\n    type: publikation\n",
        encoding="utf-8",
    )
    with (folder / "activities.csv").open("a", encoding="utf-8") as activities:
        activities.write("a-mote,Möte [bold]x[/],2024,plan-brott,region-syd,social,,,,,,,\n")
    return folder


def unboxed(text: str) -> str:
    """A rich table's text with its borders gone and its wrapped lines joined by spaces."""
    for border in "│┃┏┓┗┛┡┩└┘┌┐├┤┼━─╇╈╋┳┻┬┴":
        text = text.replace(border, " ")
    return " ".join(text.split())


def test_red_thread_per_activity() -> None:
    stats = compute_stats(store_of(EXEMPELSTAD), as_of=AS_OF)
    threads = {t.iri.rsplit("/", 1)[-1]: t for t in stats.threads}
    vandring = threads["a-vandring"]
    assert (vandring.problem, vandring.factor, vandring.goal, vandring.follow_up) == (
        True,
        True,
        True,
        True,
    )
    assert vandring.linked and vandring.completeness == 1.0 and vandring.missing == []
    grann = threads["a-grannsamverkan"]  # 2026: no follow-up due yet on 2025-06-01
    assert grann.follow_up is None
    assert grann.missing == ["problem", "goal"]
    assert grann.completeness == pytest.approx(1 / 3, abs=1e-3)
    # Follow-up is due once the last year is past, as FUP-ACTIVITY reads it: not for
    # 2024–2025 on 2025-06-01, but for 2024, which has no outcome reported.
    assert threads["a-trafikkontroller"].follow_up is None
    belysning = threads["a-belysning"]
    assert belysning.follow_up is False and "follow_up" in belysning.missing
    # a situational activity needs no factor; a social one does, and a domain is not one
    assert not belysning.factor and "factor" not in belysning.missing
    skolnarvaro = threads["a-skolnarvaro"]
    assert not skolnarvaro.factor and "factor" in skolnarvaro.missing
    assert stats.thread_completeness == pytest.approx(
        sum(t.completeness for t in stats.threads) / 10, abs=1e-3
    )


def test_organisations_centrality() -> None:
    stats = compute_stats(store_of(EXEMPELSTAD), as_of=AS_OF)
    first = stats.organisations[0]
    assert first.iri == DATA + "exempelstad-kommun"
    by_iri = {c.iri: c for c in stats.organisations}
    assert by_iri[DATA + "lpo-exempelstad"].activities == 3
    assert by_iri[DATA + "polismyndigheten"].betweenness == 0.0
    assert by_iri[DATA + "polismyndigheten"].degree == 1
    assert all(0.0 <= c.betweenness <= 1.0 for c in stats.organisations)


def test_betweenness_equals_networkx_over_the_whole_graph() -> None:
    """The folded leaves give the stats their speed (decision 0011); networkx over the whole actor
    graph, which users get from the Python API, is the reference, on two municipalities (two
    components: normalised by the size of the whole graph, not of each component)."""
    import networkx as nx

    from samklang.graph.corpus import load_corpus
    from samklang.graph.store.oxigraph import OxigraphStore
    from samklang.network.analytics import ACTOR_RELATIONS, choose_municipality

    store = OxigraphStore()
    load_corpus([EXEMPELSTAD, EXAMPLES / "fiktivby"], store)
    graph = planning_graph(store, choose_municipality(store, None), "sv")
    actors = nx.Graph()
    actors.add_edges_from((s, o) for s, o, r in graph.edges(keys=True) if r in ACTOR_RELATIONS)
    assert nx.number_connected_components(actors) >= 2
    expected = nx.betweenness_centrality(actors, normalized=True)
    stats = compute_stats(store, as_of=AS_OF)
    assert any(c.betweenness > 0 for c in stats.organisations)
    for c in stats.organisations:
        assert c.betweenness == round(expected.get(c.iri, 0.0), 4), c.label


@pytest.mark.parametrize("large_core", [400, 0], ids=["folded-leaves", "rustworkx"])
def test_betweenness_equals_networkx_on_graphs_of_every_shape(large_core: int) -> None:
    """The organisations' betweenness folds the nodes of one link into the node they hang from
    and measures each component apart (decision 0011); a component with a large core goes to
    rustworkx. Both give networkx's values over the whole graph: trees, stars, cycles and
    dense parts with leaves hanging from them, pairs on their own, several components."""
    import random

    import networkx as nx

    from samklang.network.analytics import _betweenness

    shuffled = random.Random(19)
    for trial in range(60):
        size = shuffled.randint(1, 30)
        graph = nx.gnm_random_graph(size, shuffled.randint(0, 2 * size), seed=trial)
        for leaf in range(shuffled.randint(0, 25)):
            graph.add_edge(("leaf", leaf), shuffled.randrange(size))
        graph.add_edge(("pair", 0), ("pair", 1))
        graph.add_edges_from([(("star", 0), ("star", i)) for i in range(1, 5)])
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
        expected = nx.betweenness_centrality(graph, normalized=True)
        found = _betweenness(graph, large_core=large_core)
        assert found.keys() == expected.keys()
        for node, value in expected.items():
            assert found[node] == pytest.approx(value, abs=1e-12), (trial, node)


def test_loose_documents_are_found(tmp_path: Path) -> None:
    target = tmp_path / "loose"
    shutil.copytree(EXEMPELSTAD, target)
    (target / "extra.yaml").write_text(
        "documents:\n  - id: los-rapport\n    title: En rapport som inget hänvisar till\n"
        "    type: publikation\n",
        encoding="utf-8",
    )
    stats = compute_stats(store_of(target), as_of=AS_OF)
    assert stats.components == {"9990": 2}
    assert [(item.label, item.kind) for item in stats.loose] == [
        ("En rapport som inget hänvisar till", "document")
    ]
    assert compute_stats(store_of(EXEMPELSTAD), as_of=AS_OF).loose == []


# rdflib 7.6 answers GRAPH ?g through its own deprecated Dataset.contexts (RdflibStore only
# silences Dataset.default_context).
@pytest.mark.filterwarnings("ignore:Dataset.contexts is deprecated:DeprecationWarning")
def test_engines_agree_on_the_planning_graph() -> None:
    graphs = [planning_graph(store_of(EXEMPELSTAD, engine=e)) for e in ("memory", "rdflib")]
    nodes = [sorted(g.nodes) for g in graphs]
    edges = [sorted(g.edges(keys=True)) for g in graphs]
    assert nodes[0] == nodes[1] and edges[0] == edges[1]


def test_a_corpus_is_measured_per_municipality() -> None:
    stats = compute_stats(store_of(EXEMPELSTAD, EXAMPLES / "vetlanda"), as_of=date(2025, 6, 1))
    assert sorted(stats.components) == ["0685", "9990"]
    assert {t.municipality for t in stats.threads} == {"0685", "9990"}
    one = compute_stats(
        store_of(EXEMPELSTAD, EXAMPLES / "vetlanda"), as_of=AS_OF, municipality="0685"
    )
    assert {t.municipality for t in one.threads} == {"0685"}


def test_cli_json_and_text(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(
        cli, ["stats", str(EXEMPELSTAD), "--as-of", "2025-06-01", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"organisations", "components", "loose", "threads", "thread_completeness"}
    assert len(data["threads"]) == 10
    result = runner.invoke(
        cli, ["stats", str(EXEMPELSTAD), "--as-of", "2025-06-01", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    assert "Red thread per activity" in result.output
    assert "Trygghetsvandringar" in result.output


def test_cli_needs_a_source(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(cli, ["stats"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_cli_text_prints_names_with_brackets_as_written(  # type: ignore[no-untyped-def]
    runner, tmp_path: Path, lang: str
) -> None:
    dataset = bracketed_dataset(tmp_path / "brackets")
    result = runner.invoke(cli, ["stats", str(dataset), "--as-of", "2025-06-01", "--lang", lang])
    assert result.exit_code == 0, result.output
    assert result.exception is None
    text = unboxed(result.stdout)
    for name in BRACKETED:
        assert name in text
    result = runner.invoke(
        cli, ["stats", str(dataset), "--as-of", "2025-06-01", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"Region [region Syd]", "Grupp [/]"} <= {c["label"] for c in data["organisations"]}


def test_concepts_are_written_into_the_mapped_query_as_checked_iris() -> None:
    """The concepts come from the store's ontology graph, which a corpus file can supply: each
    is written as an IRI pyoxigraph accepts, and text that would end the IRI is refused."""
    from samklang.network.mapped_facts import chain

    a, b = "https://samklang.se/ns/status/klar", "https://samklang.se/ns/status/p%C3%A5g%C3%A5r"
    assert chain("?v", [a, b]) == (
        f"COALESCE(IF(?v = <{a}>, 0, ?unbound), IF(?v = <{b}>, 1, ?unbound))"
    )
    assert chain("?v", []) == "?unbound"
    with pytest.raises(ValueError):
        chain("?v", ["https://x.se/a> } ; DROP ALL ; { <https://x.se/b"])


@pytest.mark.parametrize(
    ("years", "due"), [([], False), ([2024, 2025], True), ([2025, 2026], False), ([2027], False)]
)
def test_follow_up_is_due_once_the_last_year_is_past(years: list[int], due: bool) -> None:
    """One definition of when follow-up is due, from the graph and from the kept years."""
    import networkx as nx

    from samklang.graph import concepts

    graph = nx.MultiDiGraph()
    graph.add_node("a", years=years)
    as_of = date(2026, 11, 25)
    assert concepts.follow_up_due(graph, "a", as_of) is due
    assert concepts.follow_up_due_in(years, as_of) is due
