"""OWL reasoning (samklang reason, samklang.reasoning): inferred classes, a consistent
model, contradictions explained, and nothing else needing Java.

These tests run the reasoner, so they need Java (``.ci/system-packages`` installs it).
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import owlready2
import pyoxigraph as ox
import pytest
import yaml
from click.testing import CliRunner

from samklang.cli import cli
from samklang.commands import reason as reason_command
from samklang.graph.source_kind import load_dataset
from samklang.graph.store import open_store
from samklang.ontology.namespace import DATA, GRAPH, PREFIXES, RDF, SK
from samklang.queries.check import check
from samklang.queries.rule import parse_rule
from samklang.queries.settings import Settings
from samklang.reasoning import model as reasoning_model
from samklang.reasoning import runner as reasoning_runner
from samklang.reasoning.model import (
    INFERRED_GRAPH,
    InconsistentModelError,
    ReasonerUnavailableError,
    Reasoning,
)
from samklang.reasoning.reason import add_inferences, infer, reason
from samklang.report.reasoning import as_text

from .conftest import VETLANDA

pytestmark = pytest.mark.java

FIXTURES = Path(__file__).parent / "reasoning"
BASE = Path(__file__).parent / "rules" / "_base"
SAME = FIXTURES / "same-answer"
EXPECT = yaml.safe_load((SAME / "expect.yaml").read_text(encoding="utf-8"))
AS_OF: date = EXPECT["as_of"]


def dataset_folder(target: Path, *sources: Path) -> Path:
    """``target`` filled with the base municipality and the files of ``sources`` (folders or
    single files), as tests/rules does."""
    target.mkdir()
    for source in (BASE, *sources):
        files = [source] if source.is_file() else sorted(source.iterdir())
        for file in files:
            if file.is_file() and file.name != "expect.yaml":
                shutil.copy(file, target / file.name)
    return target


def local(iri: str) -> str:
    return iri[len(DATA.iri) + len("9999/") :] if iri.startswith(DATA.iri) else iri


def expand(curie: str) -> str:
    prefixes = {**PREFIXES, "d": DATA.iri + "9999/"}
    name, _, rest = curie.partition(":")
    return prefixes[name] + rest


@pytest.fixture(scope="module")
def inferred_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[ox.Quad]]:
    """The same-answer data, and what the reasoner infers for it (one run for the module)."""
    folder = dataset_folder(tmp_path_factory.mktemp("reason") / "data", SAME / "data")
    return folder, infer(load_dataset(folder).quads, as_of=AS_OF)


def test_defined_classes_are_inferred_as_expected(
    inferred_run: tuple[Path, list[ox.Quad]],
) -> None:
    _, quads = inferred_run
    found: dict[str, set[str]] = {}
    for q in quads:
        if q.object.value.startswith(SK.iri):
            found.setdefault(q.object.value[len(SK.iri) :], set()).add(local(q.subject.value))
    for cls, members in EXPECT["memberships"].items():
        assert found.get(cls, set()) == set(members), cls


def test_inferred_quads_are_new_types_in_the_inferred_graph(
    inferred_run: tuple[Path, list[ox.Quad]],
) -> None:
    folder, quads = inferred_run
    asserted = {
        (q.subject, q.object) for q in load_dataset(folder).quads if q.predicate == RDF.type
    }
    assert quads
    assert {q.graph_name for q in quads} == {INFERRED_GRAPH}
    assert INFERRED_GRAPH == GRAPH.inferred
    assert {q.predicate for q in quads} == {RDF.type}
    assert not {(q.subject, q.object) for q in quads} & asserted
    # Superclasses are stated too, so a query for sk:FactorTargetingActivity finds a
    # risk-reducing activity.
    risk = {q.subject for q in quads if q.object == SK.RiskReducingActivity}
    factor = {q.subject for q in quads if q.object == SK.FactorTargetingActivity}
    assert risk and risk <= factor


def test_rule_and_query_answer_the_same_with_reasoner_or_by_hand(
    inferred_run: tuple[Path, list[ox.Quad]], tmp_path: Path
) -> None:
    """A rule and a query over defined classes give one answer whether the memberships come
    from the reasoner or are written by hand in the fixture (by-hand.ttl)."""
    folder, inferred = inferred_run
    by_hand = dataset_folder(tmp_path / "by-hand", SAME / "data", SAME / "by-hand.ttl")
    rule = parse_rule((SAME / "rule.rq").read_text(encoding="utf-8"), "rule.rq")
    query = (SAME / "query.rq").read_text(encoding="utf-8")
    settings = Settings(as_of=AS_OF)

    def answers(source: Path, extra: list[ox.Quad]) -> tuple[list[tuple[str, ...]], list[str]]:
        dataset = load_dataset(source)
        store = open_store("memory")
        store.add(dataset.quads)
        store.add(extra)
        findings = check(dataset, rules=[rule], store=store, settings=settings, lang="en")
        rows = [
            tuple(local(row[k].value) if k in row else "" for k in sorted(row))
            for row in store.select(query)
        ]
        return [(f.rule, local(f.focus), f.message) for f in findings], rows

    with_reasoner = answers(folder, inferred)
    written = answers(by_hand, [])
    without = answers(folder, [])

    assert with_reasoner == written
    assert sorted(focus for _, focus, _ in with_reasoner[0]) == sorted(EXPECT["findings"])
    assert with_reasoner[1], "the query found nothing"
    assert without != with_reasoner, "the rule and query must depend on the defined classes"
    # by-hand.ttl states exactly the memberships in defined classes that the reasoner infers.
    hand = {
        (t.subject.value, t.object.value)
        for t in ox.parse(path=str(SAME / "by-hand.ttl"), format=ox.RdfFormat.TURTLE)
    }
    defined = {SK.iri + c for c in EXPECT["memberships"]}
    assert hand == {
        (q.subject.value, q.object.value) for q in inferred if q.object.value in defined
    }


def test_add_inferences_fills_the_inferred_graph_of_a_store(
    inferred_run: tuple[Path, list[ox.Quad]],
) -> None:
    """What --reason on check and query does: reason over the store's data, replace its
    graph/inferred; a second run replaces rather than adds."""
    folder, inferred = inferred_run
    store = open_store("memory")
    store.add(load_dataset(folder).quads)
    for _ in range(2):
        added = add_inferences(store, as_of=AS_OF)  # type: ignore[arg-type]
    assert set(added) == set(inferred)
    assert set(store.quads(INFERRED_GRAPH)) == set(inferred)  # type: ignore[attr-defined]
    rows = store.select("SELECT ?a WHERE { ?a a sk:FamilyDomainActivity } ORDER BY ?a")
    assert [local(r["a"].value) for r in rows] == sorted(
        EXPECT["memberships"]["FamilyDomainActivity"]
    )


def test_in_force_and_decided_follow_the_dates(tmp_path: Path) -> None:
    """The date part: sk:DocumentInForce moves with the reference date; sk:DecidedDocument
    needs a deciding body and a date (the plan names a body and no date)."""
    folder = dataset_folder(tmp_path / "data", SAME / "data")
    quads = load_dataset(folder).quads
    late = infer(quads, as_of=date(2026, 6, 1))
    in_force = {local(q.subject.value) for q in late if q.object == SK.DocumentInForce}
    assert in_force == {"handlingsprogram", "plan", "samverkansoverenskommelse"}
    decided = {local(q.subject.value) for q in late if q.object == SK.DecidedDocument}
    assert decided == {"handlingsprogram", "atgardsplan"}


@pytest.fixture(scope="module")
def vetlanda() -> Reasoning:
    """The library's reasoning over the Vetlanda example (one run for the module)."""
    return reason(load_dataset(VETLANDA).quads, as_of=date(2021, 6, 1))


def test_a_corpus_is_reasoned_part_by_part_with_the_same_answer(
    inferred_run: tuple[Path, list[ox.Quad]],
    vetlanda: Reasoning,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two municipalities in one model, realised part by part (they share no individual of
    their own; small batches force two parts): each gets the memberships it has alone."""
    monkeypatch.setattr(reasoning_runner, "BATCH", 100)
    folder, inferred = inferred_run
    both = [*load_dataset(folder).quads, *load_dataset(VETLANDA).quads]
    for as_of, alone in (
        (AS_OF, {(q.subject.value, q.object.value) for q in inferred}),
        (date(2021, 6, 1), {(m.individual, m.cls) for m in vetlanda.memberships}),
    ):
        code = "/9999/" if as_of == AS_OF else "/0685/"
        found = {(m.individual, m.cls) for m in reason(both, as_of=as_of).memberships}
        # (Vetlanda's shared programme, in HRF's namespace, is compared as Vetlanda's own.)
        assert {f for f in found if code in f[0]} == {a for a in alone if code in a[0]}
        if code == "/0685/":
            shared = {f for f in found if "/shared/" in f[0]}
            assert shared == {a for a in alone if "/shared/" in a[0]} != set()


def test_a_contradiction_across_parts_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each municipality alone is consistent; together they make a CTC concept both a factor
    (an activity targets it) and a domain (a plan considers it): the whole model's
    consistency is checked before the parts are realised one by one."""
    family = ox.NamedNode("https://w3id.org/samklang/vocab/ctc/family")
    one = dataset_folder(tmp_path / "one", FIXTURES / "inconsistent" / "documents.yaml")
    first = [
        *load_dataset(one).quads,
        ox.Quad(
            ox.NamedNode(DATA.iri + "9999/plan"), SK.considersDomain, family, GRAPH.term("9999")
        ),
    ]
    second = [
        *load_dataset(VETLANDA).quads,
        ox.Quad(
            ox.NamedNode(DATA.iri + "0685/ml2020-langning"),
            SK.targetsFactor,
            family,
            GRAPH.term("0685"),
        ),
    ]
    # Each alone, in one part (one reasoner run each); together, in small batches.
    assert reason(first, explain=False).consistent and reason(second, explain=False).consistent
    monkeypatch.setattr(reasoning_runner, "BATCH", 100)
    result = reason([*first, *second])
    assert not result.consistent
    [clash] = result.clashes
    assert clash.individual == family.value
    assert set(clash.classes) == {SK.Domain.value, SK.Factor.value}
    assert {(t[0].value, t[1]) for t in clash.statements} == {
        (DATA.iri + "9999/plan", SK.considersDomain),
        (DATA.iri + "0685/ml2020-langning", SK.targetsFactor),
    }


def test_vetlanda_is_consistent(runner: CliRunner, vetlanda: Reasoning) -> None:
    result = runner.invoke(
        cli, ["reason", str(VETLANDA), "--as-of", "2021-06-01", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["consistent"] is True and report["clashes"] == [] and report["note"] is None
    members = {(m["individual"], m["class"]) for m in report["inferred"]}
    assert members == {(m.individual, m.cls) for m in vetlanda.memberships}
    langning = DATA.iri + "0685/ml2020-langning"
    assert (langning, SK.CommunityDomainActivity.value) in members
    assert (langning, SK.SocialActivity.value) in members
    # Vetlanda's plan shows empty decision fields: it is not a decided document.
    plan = DATA.iri + "0685/plan"
    assert (plan, SK.DocumentInForce.value) in members
    assert (plan, SK.DecidedDocument.value) not in members
    omitted = {(o["reason"], o["detail"]): o for o in report["omitted"]}
    dates = omitted[("datatype", "xsd:date")]
    assert dates["count"] == dates["converted"] > 0


def test_reason_reads_an_on_disk_store(
    runner: CliRunner, tmp_path: Path, vetlanda: Reasoning
) -> None:
    """--store: the store's data graphs (not its ontology or catalogue) are reasoned over."""
    store = tmp_path / "store"
    loaded = runner.invoke(cli, ["load", str(VETLANDA), "--store", str(store)])
    assert loaded.exit_code == 0, loaded.output
    result = runner.invoke(
        cli, ["reason", "--store", str(store), "--as-of", "2021-06-01", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["individuals"] == vetlanda.individuals
    found = {(m["individual"], m["class"]) for m in report["inferred"]}
    assert found == {(m.individual, m.cls) for m in vetlanda.memberships}


def test_text_report_in_swedish_and_english(
    runner: CliRunner, vetlanda: Reasoning, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend the example is a large corpus, to see the notes on slowness.
    monkeypatch.setattr(reasoning_model, "SLOW_INDIVIDUALS", 100)
    monkeypatch.setattr(reason_command, "SLOW_SECONDS", 0.0)
    sv = runner.invoke(cli, ["reason", str(VETLANDA), "--as-of", "2021-06-01"])
    assert sv.exit_code == 0, sv.output
    # 150: the six activity statuses count since sk:FollowedUpActivity reads sk:status, the
    # example holds the public record (Kommunstyrelsen, Trygghetsbokslut 2020 and HRF's direktion
    # it goes to, the tertial follow-up, the shared programme's owner and Nässjö's fullmäktige),
    # and the seven authors
    # of the works the plan cites are dcterms:Agents
    assert sv.stderr.startswith("150 individer: det tar en stund")
    assert "SPARQL-reglerna (samklang check) är snabbare" in sv.stderr
    assert sv.stdout.startswith("Modellen är konsekvent (med HermiT: 150 individer, ")
    assert "aktivitet inom samhället (sk:CommunityDomainActivity) — definierad klass: 1" in (
        sv.stdout
    )
    en = as_text(vetlanda, "en")
    assert en.startswith("The model is consistent (with HermiT: 150 individuals, ")
    assert "community-domain activity (sk:CommunityDomainActivity) — defined class: 1" in en
    assert "The reasoner did not see: 12 values of type xsd:date (12 of them as day numbers)" in en


def test_turtle_output_is_the_inferred_triples(
    runner: CliRunner, tmp_path: Path, vetlanda: Reasoning
) -> None:
    target = tmp_path / "inferred.ttl"
    result = runner.invoke(
        cli,
        ["reason", str(VETLANDA), "--as-of", "2021-06-01", "--format", "turtle", "-o", str(target)],
    )
    assert result.exit_code == 0, result.output
    written = {
        (t.subject, t.predicate, t.object)
        for t in ox.parse(path=str(target), format=ox.RdfFormat.TURTLE)
    }
    assert written == {(q.subject, q.predicate, q.object) for q in vetlanda.quads()}


@pytest.mark.parametrize("case", ["inconsistent", "inconsistent-datatype"])
def test_inconsistency_names_classes_individuals_and_statements(
    runner: CliRunner, tmp_path: Path, case: str
) -> None:
    folder = dataset_folder(tmp_path / "data", FIXTURES / case)
    result = runner.invoke(cli, ["reason", str(folder), "--format", "json"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "Exception" not in result.output
    report = json.loads(result.stdout)
    assert report["consistent"] is False and report["inferred"] == []
    expected = yaml.safe_load((FIXTURES / case / "expect.yaml").read_text("utf-8"))

    def term(text: str) -> str:
        return text if text.startswith('"') else expand(text)

    want = {
        expand(c["individual"]): (
            {expand(k) for k in c["classes"]},
            {tuple(term(x) for x in s) for s in c["statements"]},
        )
        for c in expected["clashes"]
    }
    got = {
        c["individual"]: (
            {k["class"] for k in c["classes"]},
            {(s["subject"], s["predicate"], s["object"]) for s in c["statements"]},
        )
        for c in report["clashes"]
    }
    assert got == want
    messages = " ".join(c["message"] for c in report["clashes"])
    if case == "inconsistent":
        assert "kan inte vara både" in messages and "utesluter varandra" in messages
    else:
        assert "motsäger ontologin (inga två klasser krockar" in messages


def test_no_explain_only_says_inconsistent(runner: CliRunner, tmp_path: Path) -> None:
    folder = dataset_folder(tmp_path / "data", FIXTURES / "inconsistent")
    result = runner.invoke(cli, ["reason", str(folder), "--no-explain", "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("The model is inconsistent (with HermiT")
    assert "The cause was not looked for (--no-explain)." in result.stdout
    assert "looking for the cause" not in result.stderr


def test_infer_refuses_an_inconsistent_model(tmp_path: Path) -> None:
    folder = dataset_folder(tmp_path / "data", FIXTURES / "inconsistent")
    with pytest.raises(InconsistentModelError, match="inconsistent: .* would be both") as err:
        infer(load_dataset(folder).quads)
    assert not err.value.reasoning.consistent


def test_without_java_reason_says_what_to_install_and_check_still_works(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No Java: 'reason' says in one sentence what to install (exit 2); nothing else needs it."""
    monkeypatch.setattr(owlready2, "JAVA_EXE", "samklang-test-no-such-java")
    result = runner.invoke(cli, ["reason", str(VETLANDA), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert "apt-get install default-jre-headless" in result.stderr
    assert "Traceback" not in result.output
    with pytest.raises(ReasonerUnavailableError):
        infer(load_dataset(VETLANDA).quads)
    checked = runner.invoke(cli, ["check", str(VETLANDA), "--fail-on", "never"])
    assert checked.exit_code == 0, checked.output
    assert checked.stdout.strip()


def _pellet_fits_this_java() -> bool:
    """Whether the Pellet jars of the installed owlready2 are built for a Java this machine
    runs (owlready2 0.50 and 0.51 ship one built for Java 25; 0.49's runs on Java 8+)."""
    import re
    import subprocess
    import zipfile
    from importlib.resources import files

    version = subprocess.run(
        [owlready2.JAVA_EXE, "-version"], capture_output=True, text=True, check=True
    ).stderr
    major = int(re.search(r'version "(?:1\.)?(\d+)', version).group(1))  # type: ignore[union-attr]
    newest = 0
    for jar in Path(str(files("owlready2").joinpath("pellet"))).glob("*.jar"):
        with zipfile.ZipFile(jar) as archive:
            for name in archive.namelist():
                if name.endswith(".class"):
                    head = archive.read(name)[:8]
                    newest = max(newest, int.from_bytes(head[6:8], "big"))
    return newest - 44 <= major


def test_pellet_agrees_with_hermit_or_says_why_it_cannot_run(
    runner: CliRunner, vetlanda: Reasoning
) -> None:
    args = ["reason", str(VETLANDA), "--as-of", "2021-06-01", "--format", "json"]
    pellet = runner.invoke(cli, [*args, "--reasoner", "pellet", "--lang", "en"])
    if _pellet_fits_this_java():
        assert pellet.exit_code == 0, pellet.output
        found = {(m["individual"], m["class"]) for m in json.loads(pellet.stdout)["inferred"]}
        assert found == {(m.individual, m.cls) for m in vetlanda.memberships}
    else:
        assert pellet.exit_code == 2, pellet.output
        assert "Pellet as shipped with owlready2" in pellet.stderr
        assert "use --reasoner hermit" in pellet.stderr
        assert "owlready2==0.49" in pellet.stderr
        assert "Traceback" not in pellet.output and "at org." not in pellet.output


def test_reason_reports_bad_input_in_one_sentence(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    result = runner.invoke(cli, ["reason", str(folder)])
    assert result.exit_code == 2
    assert result.stderr.startswith("samklang: ") and "Traceback" not in result.output


def test_reason_on_nothing_is_the_ontology_alone() -> None:
    """The ontology with its defined classes and disjointness axioms is consistent."""
    result = reason([], as_of=AS_OF)
    assert result.consistent and result.memberships == [] and result.individuals == 0
