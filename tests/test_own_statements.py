"""A dataset's Turtle speaks only about the dataset's own resources (issue 17): one municipality's
file cannot accept another's finding, decide another's document, restate a shared document or
redefine the ontology, in a corpus check, a store load or the national view."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from samklang.cli import cli

from .conftest import EXAMPLES, copy_vetlanda

AS_OF = "2026-11-25"
PREFIXES = """# Fiktiva uppgifter för test.
@prefix sk: <https://w3id.org/samklang/ontology#> .
@prefix skdom: <https://w3id.org/samklang/vocab/domain/> .
@prefix d: <https://w3id.org/samklang/data/9901/> .
@prefix vetlanda: <https://w3id.org/samklang/data/0685/> .
@prefix hrf: <https://w3id.org/samklang/data/shared/hrf/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
PREFIX_LINES = PREFIXES.count("\n")

FORBIDDEN = {
    # Vetlanda's finding on the shared programme, accepted from Fiktivby's folder.
    "acceptance": (
        "fiktivby",
        """
[] a sk:Acceptance ;
   sk:acceptedRule "LAW-MSBFS-2021-1" ;
   sk:acceptedFocus hrf:handlingsprogram ;
   sk:acceptedBy "Någon annan" ;
   dcterms:date "2026-01-01"^^xsd:date ;
   sk:reason "Inte vårt fynd." .
""",
        2,
        "states an acceptance of a finding",
    ),
    # A decision for Vetlanda's plan (whose DOC-DECISION finding it would silence).
    "decision": (
        "fiktivby",
        """
d:egen rdfs:label "Egen resurs" .
vetlanda:plan sk:decision [ sk:decidedBy d:kommunfullmaktige ;
                            dcterms:date "2024-01-01"^^xsd:date ] .
""",
        3,
        "'https://w3id.org/samklang/data/0685/plan', a resource of municipality 0685",
    ),
    "ontology": (
        "fiktivby",
        '\nsk:Activity rdfs:label "Något annat"@sv .\n',
        2,
        "a term of the ontology or a vocabulary",
    ),
    "vocabulary": (
        "fiktivby",
        '\nskdom:familjen rdfs:label "Något annat"@sv .\n',
        2,
        "'https://w3id.org/samklang/vocab/domain/familjen', a term of the ontology",
    ),
    # Vetlanda uses the federation's programme but does not own it.
    "shared": (
        "vetlanda",
        '\n\nhrf:handlingsprogram dcterms:title "Ett annat program" .\n',
        3,
        "a resource of the shared dataset 'hrf'; a shared document is stated once, by its owner",
    ),
    "unreached blank node": (
        "fiktivby",
        '\n[] sk:decision d:beslut .\n',
        2,
        "states something about a blank node that none of the dataset's own resources",
    ),
}


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    """Fiktivby and Vetlanda (with the federation whose programme Vetlanda uses), writable."""
    fiktivby = tmp_path / "fiktivby"
    shutil.copytree(EXAMPLES / "fiktivby", fiktivby)
    return fiktivby, copy_vetlanda(tmp_path / "vetlanda")


def _write(folder: Path, body: str) -> Path:
    path = folder / "extra.ttl"
    path.write_text(PREFIXES + body, encoding="utf-8")
    return path


def _run(runner, path: str, folders: tuple[Path, Path], out: Path) -> object:
    args = {
        "check": ["check", *map(str, folders), "--as-of", AS_OF, "--format", "json"],
        "load": ["load", "--store", str(out), *map(str, folders)],
        "national view": [
            "viz", *map(str, folders), "--view", "national", "--as-of", AS_OF, "-o", str(out),
        ],
    }[path]
    return runner.invoke(cli, [*args, "--lang", "en"])


@pytest.mark.parametrize("path", ["check", "load", "national view"])
@pytest.mark.parametrize("case", list(FORBIDDEN))
def test_a_statement_about_what_is_not_the_datasets_own_is_refused(
    runner, corpus, tmp_path: Path, case: str, path: str
) -> None:
    where, body, line, expected = FORBIDDEN[case]
    out = tmp_path / "out"
    if path == "load":  # the store holds Vetlanda alone; the refused load leaves it so
        assert runner.invoke(cli, ["load", "--store", str(out), str(corpus[1])]).exit_code == 0
        before = _findings(runner, ["--store", str(out)])
    ttl = _write(corpus[0] if where == "fiktivby" else corpus[1], body)
    result = _run(runner, path, corpus, out)
    assert result.exit_code == 2, result.output
    [sentence] = result.stderr.strip().splitlines()
    assert sentence.startswith(f"samklang: {ttl}, line {PREFIX_LINES + line}: "), sentence
    assert expected in sentence
    assert "Traceback" not in result.output
    if path == "load":
        assert _findings(runner, ["--store", str(out)]) == before
    else:
        assert not out.exists()  # no page written


def test_the_refusal_is_in_swedish_too(runner, corpus) -> None:
    _write(corpus[0], FORBIDDEN["decision"][1])
    result = runner.invoke(cli, ["check", *map(str, corpus), "--lang", "sv"])
    assert result.exit_code == 2
    assert "en resurs som hör till kommun 0685; ett dataset anger bara uppgifter om sina egna" in (
        result.stderr
    )


def _findings(runner, sources) -> list[tuple[str, str, object]]:
    """(rule, focus, acceptance) of each finding of ``check`` on ``sources`` (folders, or
    ``--store DIR``)."""
    result = runner.invoke(
        cli, ["check", *map(str, sources), "--as-of", AS_OF, "--format", "json"]
    )
    assert result.exit_code in (0, 1), result.output
    return sorted(
        (f["rule"], f["focus"], f["accepted"]) for f in json.loads(result.stdout)["findings"]
    )


def test_own_resources_and_references_to_others_still_load_and_change_nothing_else(
    runner, corpus
) -> None:
    before = _findings(runner, corpus)
    assert ("DOC-DECISION", "https://w3id.org/samklang/data/0685/plan", None) in before
    _write(
        corpus[0],
        """
d:plan rdfs:comment "Planen hänvisar till Vetlandas plan och förbundets program." ;
    rdfs:seeAlso vetlanda:plan , hrf:handlingsprogram ;
    dcterms:relation [ rdfs:label "En blank nod som planen når" ;
                       rdfs:seeAlso [ rdfs:label "och en till" ] ] .
""",
    )
    assert _findings(runner, corpus) == before


def test_the_owner_states_its_shared_document_and_the_user_loads_it(runner, corpus, tmp_path):
    """Vetlanda's dataset, with the federation's programme in the shared dataset that owns it,
    loads into a store with its Turtle about its own plan."""
    _write(corpus[1], '\nvetlanda:plan rdfs:seeAlso hrf:handlingsprogram .\n')
    store = tmp_path / "store"
    result = runner.invoke(cli, ["load", "--store", str(store), str(corpus[1])])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        cli,
        ["check", "--store", str(store), "--as-of", AS_OF, "--format", "json",
         "--rules", "LAW-MSBFS-2021-1"],
    )
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["focus"] == "https://w3id.org/samklang/data/shared/hrf/handlingsprogram"


def test_a_blank_node_label_holds_only_in_its_own_file(tmp_path: Path) -> None:
    """``_:b1`` in two files are two blank nodes (RDF 1.1: a label's scope is its document), so
    a second file cannot add to the first file's node, nor another municipality's."""
    import pyoxigraph as ox

    from samklang.errors import InputError
    from samklang.graph.dataset import load_dataset_folder

    dataset = copy_vetlanda(tmp_path / "vetlanda")
    plan = "<https://w3id.org/samklang/data/0685/document/plan>"
    note = "<https://w3id.org/samklang/data/0685/note>"
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    (dataset / "a.ttl").write_text(f'{plan} {note} _:b1 .\n_:b1 {label} "a" .\n')
    (dataset / "b.ttl").write_text(f'{plan} {note} _:b1 .\n_:b1 {label} "b" .\n')
    quads = load_dataset_folder(dataset).quads
    notes = {q.object for q in quads if q.predicate.value.endswith("/note")}
    assert len(notes) == 2 and all(isinstance(n, ox.BlankNode) for n in notes)
    labels = {q.subject: q.object.value for q in quads if q.subject in notes}
    assert sorted(labels.values()) == ["a", "b"]
    assert load_dataset_folder(dataset).quads == quads  # the same labels at every read

    (dataset / "b.ttl").write_text(f'_:b1 {label} "added from another file" .\n')
    with pytest.raises(InputError) as refused:
        load_dataset_folder(dataset)
    assert refused.value.path.name == "b.ttl" and refused.value.location == "line 1"
    assert "a blank node that none of the dataset's own resources" in refused.value.problem
