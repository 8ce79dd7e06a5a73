"""A document several municipalities share is stated once, by its owner, in a namespace of its
own; each municipality's dataset refers to it (``shared:``, ``owner/id``) without restating it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from samklang.cli import cli
from samklang.errors import InputError
from samklang.graph.source_kind import load_dataset
from samklang.ontology import SK

from .conftest import HRF, VETLANDA

DATA = "https://w3id.org/samklang/data/"
PROGRAMME = DATA + "shared/hrf/handlingsprogram"


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def municipality(folder: Path, code: str, shared: str = "../forbundet") -> None:
    write(
        folder,
        "municipality.yaml",
        f'municipality:\n  id: kommunen\n  name: Exempelby kommun\n  code: "{code}"\n'
        f"  shared: [{shared}]\n",
    )


def owner(folder: Path, documents: str) -> None:
    write(
        folder,
        "programmet.yaml",
        "# Fiktivt delat dataset för tester.\n"
        "owner:\n  id: forbundet\n  name: Exempelförbundet\n  type: raddningstjanstforbund\n"
        + documents,
    )


SHARED_PROGRAMME = """documents:
  - id: program
    title: Handlingsprogram för två kommuner
    type: handlingsprogram
    period: 2024-2027
    parties: [forbundet]
    municipalities: ["9901", "9902"]
    decision:
      by: forbundet
      date: 2023-12-01
"""


def test_vetlanda_refers_to_the_programme_of_its_federation() -> None:
    dataset = load_dataset(VETLANDA)
    about = {
        (q.predicate.value, q.object.value) for q in dataset.quads if q.subject.value == PROGRAMME
    }
    # Stated once, by its owner: the party is the federation's own record, and the programme is
    # Vetlanda's document because the owner names Vetlanda's code.
    assert (SK.municipality.value, DATA + "0685/vetlanda-kommun") in about
    assert (SK.party.value, DATA + "shared/hrf/hrf") in about
    # Vetlanda's own plan is part of it.
    plan = {
        (q.predicate.value, q.object.value)
        for q in dataset.quads
        if q.subject.value == DATA + "0685/plan"
    }
    assert ("http://purl.org/dc/terms/isPartOf", PROGRAMME) in plan
    # Nothing in Vetlanda's own namespace restates the programme.
    assert not any(q.subject.value == DATA + "0685/handlingsprogram" for q in dataset.quads)
    # A finding about the programme points into the federation's file.
    path, line = dataset.locations[PROGRAMME]
    assert path == HRF / "programmet.yaml" and line


def test_a_finding_on_the_shared_programme_is_the_municipalitys(runner) -> None:
    result = runner.invoke(
        cli,
        [
            "check",
            str(VETLANDA),
            "--as-of",
            "2026-11-25",
            "--rules",
            "LAW-MSBFS-2021-1",
            "--format",
            "json",
        ],
    )
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["focus"] == PROGRAMME
    assert finding["file"].endswith("hoglandets-raddningstjanstforbund/programmet.yaml")


def test_two_municipalities_share_one_statement_and_keep_their_own_links(tmp_path: Path) -> None:
    owner(tmp_path / "forbundet", SHARED_PROGRAMME)
    for code in ("9901", "9902", "9903"):
        municipality(tmp_path / code, code)
        write(
            tmp_path / code,
            "documents.yaml",
            "documents:\n  - id: plan\n    title: Plan\n    type: brottsforebyggande-plan\n"
            "    period: 2024-2027\n    part_of: forbundet/program\n",
        )
    links = {}
    for code in ("9901", "9902", "9903"):
        dataset = load_dataset(tmp_path / code)
        links[code] = {
            q.object.value
            for q in dataset.quads
            if q.subject.value == DATA + "shared/forbundet/program"
            and q.predicate == SK.municipality
        }
    assert links == {
        "9901": {DATA + "9901/kommunen"},
        "9902": {DATA + "9902/kommunen"},
        # The owner does not name 9903: the programme is not that municipality's document.
        "9903": set(),
    }


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (
            "missing",
            "'shared: ../forbundet' is not a folder; expected the path of a shared dataset",
        ),
        ("activities", "is in a shared dataset; expected only YAML files there"),
        ("groups", "'groups' cannot be stated in a shared dataset"),
        ("unknown-owner", "'part_of: annan/program' names no shared dataset 'annan'"),
        # the suggestion is written as the user's file must write it, with the owner
        ("misspelt", "'part_of: forbundet/programm' names nothing the dataset defines (did you "
         "mean 'forbundet/program'?)"),
        ("own-municipalities", "'municipalities' belongs in a shared dataset"),
        ("no-owner", "is not a shared dataset; expected exactly one 'owner:' section"),
    ],
)
def test_bad_shared_datasets_are_one_clear_error(tmp_path: Path, setup: str, expected: str) -> None:
    user = tmp_path / "kommunen"
    municipality(user, "9901")
    part_of = {"unknown-owner": "annan/program", "misspelt": "forbundet/programm"}.get(
        setup, "forbundet/program"
    )
    extra = '    municipalities: ["9901"]\n' if setup == "own-municipalities" else ""
    write(
        user,
        "documents.yaml",
        "documents:\n  - id: plan\n    title: Plan\n    type: brottsforebyggande-plan\n"
        f"    period: 2024-2027\n    part_of: {part_of}\n" + extra,
    )
    if setup != "missing":
        owner(tmp_path / "forbundet", SHARED_PROGRAMME)
    if setup == "activities":
        write(tmp_path / "forbundet", "activities.csv", "id,title,year,document\n")
    if setup == "groups":
        write(
            tmp_path / "forbundet",
            "grupper.yaml",
            "groups:\n  - id: g\n    name: G\n    type: temagrupp\n",
        )
    if setup == "no-owner":
        (tmp_path / "forbundet" / "programmet.yaml").write_text(
            "documents:\n  - id: program\n    title: P\n    type: handlingsprogram\n",
            encoding="utf-8",
        )
    with pytest.raises(InputError) as err:
        load_dataset(user)
    assert expected in str(err.value)


def test_a_shared_dataset_alone_says_how_to_check_it(runner) -> None:
    result = runner.invoke(cli, ["check", str(HRF), "--lang", "en"])
    assert result.exit_code == 2
    assert "is a shared dataset (owner: hrf)" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_shared_record_is_the_same_whoever_uses_it(tmp_path: Path) -> None:
    """One municipality's use of the shared dataset never changes what another sees of it."""
    owner(tmp_path / "forbundet", SHARED_PROGRAMME)
    for code in ("9901", "9902"):
        municipality(tmp_path / code, code)
        write(
            tmp_path / code,
            "documents.yaml",
            "documents:\n  - id: plan\n    title: Plan\n    type: brottsforebyggande-plan\n"
            "    period: 2024-2027\n    part_of: forbundet/program\n",
        )
    shutil.copy(tmp_path / "9901" / "documents.yaml", tmp_path / "9902" / "documents.yaml")

    def shared(code: str) -> set[tuple[str, str, str]]:
        return {
            (q.subject.value, q.predicate.value, q.object.value)
            for q in load_dataset(tmp_path / code).quads
            if q.subject.value.startswith(DATA + "shared/") and q.predicate != SK.municipality
        }

    assert shared("9901") == shared("9902") != set()


def test_a_municipality_cannot_accept_a_finding_about_a_shared_record(
    runner, vetlanda_copy
) -> None:
    result = runner.invoke(
        cli,
        [
            "accept",
            str(vetlanda_copy),
            "CHAIN-IDLE-GOAL",
            "hrf/mal-brott-offentlig-miljo",
            "--by",
            "X",
            "--reason",
            "Y",
            "--date",
            "2026-11-25",
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 2
    assert "is stated by the shared dataset 'hrf'" in result.stderr
    assert not (vetlanda_copy / "accepted.yaml").exists()


def test_the_owner_accepts_for_every_municipality_that_uses_it(runner, vetlanda_copy) -> None:
    shared = vetlanda_copy.parent / "hoglandets-raddningstjanstforbund"
    (shared / "accepted.yaml").write_text(
        "accepted:\n  - rule: CHAIN-IDLE-GOAL\n    focus: mal-brott-offentlig-miljo\n"
        "    by: Förbundets säkerhetssamordnare\n    date: 2026-11-20\n"
        "    reason: Aktiviteterna för målet finns i förbundets egen verksamhetsplan.\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        cli,
        [
            "check",
            str(vetlanda_copy),
            "--as-of",
            "2026-11-25",
            "--rules",
            "CHAIN-IDLE-GOAL",
            "--format",
            "json",
        ],
    )
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["accepted"]["by"] == "Förbundets säkerhetssamordnare"
