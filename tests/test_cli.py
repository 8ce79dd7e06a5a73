"""The command line: help everywhere, init scaffolds a usable dataset, output files are whole."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import click
import pytest
from openpyxl import load_workbook

from samklang.cli import cli
from samklang.graph.source_kind import load_dataset
from samklang.queries.rule import catalogue

from .conftest import EXAMPLES, ROOT, VETLANDA
from .test_stats import BRACKETED, bracketed_dataset, unboxed


def commands() -> list[str]:
    return sorted(cli.commands)


@pytest.mark.parametrize("name", commands())
def test_every_command_has_help(name: str, runner) -> None:
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    command = cli.commands[name]
    assert command.help and len(command.help.strip()) > 20
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help"


def test_version(runner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and "samklang" in result.stdout


def test_python_m_samklang_cli_runs_the_command_line(tmp_path: Path) -> None:
    """``python -m samklang.cli`` is the command line, as the console script is."""
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    done = subprocess.run(
        [sys.executable, "-m", "samklang.cli", "--version"],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith("samklang"), done.stderr


def test_rules_lists_the_catalogue(runner) -> None:
    result = runner.invoke(cli, ["rules", "--lang", "en"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert [line.split("\t")[0] for line in lines] == list(catalogue())
    assert "PER-TILING\twarning\tSuccessive documents leave a gap or overlap" in result.stdout


def test_listing_the_rules_reads_no_yaml_and_no_store() -> None:
    """``samklang rules`` takes the headers from samklang/queries/rules/headers.json: it imports
    neither PyYAML nor rich nor pyoxigraph nor the dataset reader (issue 19)."""
    import subprocess
    import sys

    heavy = "{'yaml', 'rich', 'pyoxigraph', 'samklang.graph.dataset'}"
    code = (
        "import contextlib, io, sys\n"
        "from samklang.cli import main\n"
        "sys.argv = ['samklang', 'rules']\n"
        "try:\n    with contextlib.redirect_stdout(io.StringIO()):\n        main()\n"
        "except SystemExit:\n    pass\n"
        f"print(sorted({heavy} & set(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]", done.stderr


def test_rules_and_skip_select(runner) -> None:
    only = runner.invoke(
        cli,
        [
            "check",
            str(VETLANDA),
            "--as-of",
            "2026-11-25",
            "--format",
            "json",
            "--rules",
            "PER-EXPIRED",
            "--fail-on",
            "never",
        ],
    )
    assert {f["rule"] for f in json.loads(only.stdout)["findings"]} == {"PER-EXPIRED"}
    skipped = runner.invoke(
        cli,
        [
            "check",
            str(VETLANDA),
            "--as-of",
            "2026-11-25",
            "--format",
            "json",
            "--skip",
            "COV-DOMAIN",
            "--fail-on",
            "never",
        ],
    )
    rules = {f["rule"] for f in json.loads(skipped.stdout)["findings"]}
    assert "COV-DOMAIN" not in rules and "PER-EXPIRED" in rules


def test_rules_and_skip_take_comma_separated_ids(runner) -> None:
    base = ["check", str(VETLANDA), "--as-of", "2026-11-25", "--format", "json"]
    both = runner.invoke(cli, [*base, "--rules", "PER-EXPIRED,COV-DOMAIN, PER-MISSING"])
    found = {f["rule"] for f in json.loads(both.stdout)["findings"]}
    assert found == {"PER-EXPIRED", "COV-DOMAIN"}  # Vetlanda has periods: PER-MISSING is quiet
    less = runner.invoke(cli, [*base, "--rules", "PER-EXPIRED,COV-DOMAIN", "--skip", "COV-DOMAIN"])
    assert {f["rule"] for f in json.loads(less.stdout)["findings"]} == {"PER-EXPIRED"}
    unknown = runner.invoke(cli, [*base, "--rules", "PER-EXPIRED,NO-SUCH-RULE", "--lang", "en"])
    assert unknown.exit_code == 2 and "'NO-SUCH-RULE' is not a rule" in unknown.stderr
    unknown = runner.invoke(cli, ["check", str(VETLANDA), "--rules", "NO-SUCH-RULE"])
    assert unknown.exit_code == 2 and "'NO-SUCH-RULE' är ingen regel" in unknown.stderr


def test_setting_changes_a_rule_parameter(runner) -> None:
    args = ["check", str(VETLANDA), "--rules", "PER-MANDATE", "--format", "json"]
    # Vetlanda's own settings.yaml sets its convention (programmes 2020–2023); the command
    # line overrides it with the kommunstyrelse's periods 2019–2022, 2023–2026.
    default = json.loads(runner.invoke(cli, args).stdout)["findings"]
    offset = runner.invoke(cli, [*args, "--setting", "mandate_first_year=2019"])
    assert default == [] and len(json.loads(offset.stdout)["findings"]) == 1
    unknown = runner.invoke(cli, [*args, "--setting", "mandate=2020"])
    assert unknown.exit_code == 2 and "'mandate' är ingen inställning" in unknown.stderr
    bad = runner.invoke(
        cli, [*args, "--setting", "law_2023_196_applies=2023-02-30", "--lang", "en"]
    )
    assert bad.exit_code == 2 and "not a real date" in bad.stderr


def test_output_to_a_missing_folder_is_a_usage_error(runner, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.json"
    result = runner.invoke(cli, ["check", str(VETLANDA), "-o", str(target), "--lang", "en"])
    assert result.exit_code == 2 and "does not exist" in result.stderr
    swedish = runner.invoke(cli, ["check", str(VETLANDA), "-o", str(target)])
    assert swedish.exit_code == 2 and f"mappen {target.parent} finns inte" in swedish.stderr


def test_fail_on_thresholds(runner) -> None:
    args = ["check", str(VETLANDA), "--as-of", "2021-06-01", "--rules", "PER-MANDATE"]
    args += ["--setting", "mandate_first_year=2019"]
    assert runner.invoke(cli, [*args, "--fail-on", "error"]).exit_code == 0  # a warning only
    assert runner.invoke(cli, [*args, "--fail-on", "warning"]).exit_code == 1


def test_output_file_is_written_whole(runner, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = runner.invoke(cli, ["check", str(VETLANDA), "--format", "json", "-o", str(target)])
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["findings"]
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary left


def test_output_file_has_ordinary_permissions(runner, tmp_path: Path) -> None:
    """A report is readable as any file the user writes (not the 0600 of a temporary file),
    and a replaced file keeps its own permissions."""
    target = tmp_path / "report.json"
    old = os.umask(0o022)
    try:
        runner.invoke(cli, ["check", str(VETLANDA), "--format", "json", "-o", str(target)])
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        target.chmod(0o640)
        runner.invoke(cli, ["check", str(VETLANDA), "--format", "text", "-o", str(target)])
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
        assert not target.read_text(encoding="utf-8").startswith("{")  # it was replaced
    finally:
        os.umask(old)


def test_bad_input_leaves_no_output_file(runner, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = runner.invoke(cli, ["check", str(tmp_path), "-o", str(target)])
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_init_scaffolds_a_dataset_that_loads(runner, tmp_path: Path) -> None:
    target = tmp_path / "exempelby"
    result = runner.invoke(
        cli, ["init", str(target), "--kommun", "Exempelby kommun", "--kod", "9999"]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in target.iterdir())
    assert names == ["activities.xlsx", "documents.yaml", "goals.yaml", "municipality.yaml"]
    dataset = load_dataset(target)
    assert dataset.code == "9999" and dataset.name == "Exempelby kommun"
    check = runner.invoke(cli, ["check", str(target), "--as-of", "2026-11-25"])
    assert check.exit_code == 1  # no åtgärdsplan yet: LAW-2023-196-ATGARDSPLAN
    assert "LAW-2023-196-ATGARDSPLAN" in check.stdout


@pytest.mark.parametrize(
    "name", ["Sjö: norra", "By #2", "- Strand", "[Ö]", "Två\nrader", "'Citat\" och \\"]
)
def test_init_writes_any_name_so_that_it_loads_back(runner, tmp_path: Path, name: str) -> None:
    target = tmp_path / "by"
    result = runner.invoke(cli, ["init", str(target), "--kommun", name, "--kod", "9999"])
    assert result.exit_code == 0, result.output
    assert load_dataset(target).name == name


def test_init_template_has_header_and_drop_down_lists(runner, tmp_path: Path) -> None:
    target = tmp_path / "k"
    runner.invoke(cli, ["init", str(target), "--kommun", "Exempelby kommun", "--kod", "9999"])
    book = load_workbook(target / "activities.xlsx")
    sheet = book["Aktiviteter"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["id", "title", "year", "document"]
    validated = {}
    for validation in sheet.data_validations.dataValidation:
        column = header[next(iter(validation.sqref.ranges)).min_col - 1]
        validated[column] = validation.formula1
    assert set(validated) == {"kind", "domain", "factors", "status", "responsible"}
    lists = book["Listor"]
    assert lists.sheet_state == "hidden"
    column = [c.value for c in lists["B"] if c.value]
    assert column[0] == "domain" and "familjen" in column and len(column) == 6
    organisations = [c.value for c in lists["E"] if c.value]
    assert organisations == ["responsible", "Exempelby kommun"]  # the name the loader matches


def test_init_refuses_a_folder_in_use(runner, tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x")
    result = runner.invoke(
        cli, ["init", str(tmp_path), "--kommun", "K", "--kod", "9999", "--lang", "en"]
    )
    assert result.exit_code == 2 and "not empty" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
    bad = runner.invoke(cli, ["init", str(tmp_path / "n"), "--kommun", "K", "--kod", "99"])
    assert bad.exit_code == 2 and "'99' är ingen kommunkod; förväntade fyra siffror" in bad.stderr


def test_check_offers_every_report_format() -> None:
    from samklang.commands.check import REPORT_FORMATS
    from samklang.report import FORMATS

    assert REPORT_FORMATS == list(FORMATS)


@pytest.mark.parametrize("fmt", ["markdown", "html", "sarif", "turtle"])
def test_check_writes_each_report_format(fmt: str, runner, tmp_path: Path) -> None:
    target = tmp_path / f"report.{fmt}"
    result = runner.invoke(
        cli, ["check", str(VETLANDA), "--as-of", "2026-11-25", "--format", fmt, "-o", str(target)]
    )
    assert result.exit_code == 1, result.output
    text = target.read_text(encoding="utf-8")
    assert "DOC-DECISION" in text


def test_check_several_datasets_at_once(runner) -> None:
    result = runner.invoke(
        cli,
        [
            "check",
            str(VETLANDA),
            str(VETLANDA.parent / "fiktivby"),
            "--as-of",
            "2026-11-25",
            "--format",
            "json",
        ],
    )
    namespaces = {
        f["focus"].split("/data/")[1].rsplit("/", 1)[0]
        for f in json.loads(result.stdout)["findings"]
        if "/data/" in f["focus"]
    }
    # Vetlanda's programme is the shared one of Höglandets Räddningstjänstförbund.
    assert namespaces == {"0685", "9901", "shared/hrf"}


def test_accept_then_check_shows_it_accepted(runner, vetlanda_copy: Path) -> None:
    args = [
        "check",
        str(vetlanda_copy),
        "--as-of",
        "2026-11-25",
        "--rules",
        "CHAIN-OWN-GOALS",
        "--fail-on",
        "warning",
        "--format",
        "json",
    ]
    before = runner.invoke(cli, args)
    assert before.exit_code == 1
    accepted = runner.invoke(
        cli,
        [
            "accept",
            str(vetlanda_copy),
            "CHAIN-OWN-GOALS",
            "plan",
            "--by",
            "Samordnaren",
            "--reason",
            "Målet följs upp av förbundet.",
            "--date",
            "2026-11-25",
        ],
    )
    assert accepted.exit_code == 0, accepted.output
    after = runner.invoke(cli, args)
    [finding] = json.loads(after.stdout)["findings"]
    assert finding["accepted"] == {
        "by": "Samordnaren",
        "date": "2026-11-25",
        "reason": "Målet följs upp av förbundet.",
    }
    assert after.exit_code == 0  # an accepted finding no longer fails the run
    again = runner.invoke(
        cli,
        [
            "accept",
            str(vetlanda_copy),
            "CHAIN-OWN-GOALS",
            "plan",
            "--by",
            "X",
            "--reason",
            "Y",
            "--date",
            "2026-11-25",
        ],
    )
    assert again.exit_code == 2 and "är redan accepterat" in again.stderr
    nothing = runner.invoke(
        cli,
        ["accept", str(vetlanda_copy), "PER-TILING", "plan", "--by", "X", "--reason", "Y",
         "--lang", "en"],
    )
    assert nothing.exit_code == 2 and "reports nothing" in nothing.stderr


def test_dataset_settings_file_and_run_override(runner, vetlanda_copy: Path) -> None:
    (vetlanda_copy / "settings.yaml").write_text(
        "settings:\n  mandate_first_year: 2020\n  severity:\n    DOC-DECISION: warning\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        cli,
        [
            "check",
            str(vetlanda_copy),
            "--as-of",
            "2026-11-25",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    )
    findings = json.loads(result.stdout)["findings"]
    assert not [f for f in findings if f["rule"] == "PER-MANDATE"]
    # The severity setting changes defects; a question stays info.
    assert {
        f["severity"] for f in findings if f["rule"] == "DOC-DECISION" and f["kind"] == "defect"
    } == {"warning"}
    run = runner.invoke(
        cli,
        [
            "check",
            str(vetlanda_copy),
            "--as-of",
            "2026-11-25",
            "--format",
            "json",
            "--setting",
            "mandate_first_year=2019",
        ],
    )
    assert [f for f in json.loads(run.stdout)["findings"] if f["rule"] == "PER-MANDATE"]
    (vetlanda_copy / "settings.yaml").write_text("settings:\n  mandate: 2020\n")
    bad = runner.invoke(cli, ["check", str(vetlanda_copy)])
    assert bad.exit_code == 2
    assert "settings.yaml, rad 2: 'mandate' är ingen inställning" in bad.stderr


@pytest.mark.java
def test_check_with_reasoning_gives_the_same_findings(runner) -> None:
    args = ["check", str(VETLANDA), "--as-of", "2026-11-25", "--format", "json"]
    plain = json.loads(runner.invoke(cli, args).stdout)["findings"]
    reasoned = runner.invoke(cli, [*args, "--reason"])
    assert reasoned.exit_code == 1, reasoned.output
    assert json.loads(reasoned.stdout)["findings"] == plain


def test_as_of_is_not_a_setting(runner) -> None:
    result = runner.invoke(
        cli, ["check", str(VETLANDA), "--setting", "as_of=2020-01-01", "--lang", "en"]
    )
    assert result.exit_code == 2 and "'as_of' is not a setting" in result.stderr


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("implementation_share_min=150", "from 1 to 100"),
        ("implementation_share_min=0", "from 1 to 100"),
        ("promise_cadence_years=0", "from 1 to 4"),
        ("mandate_first_year=0", "from 1994 to 2100"),
    ],
)
def test_a_setting_out_of_range_is_refused(
    runner, vetlanda_copy: Path, setting: str, expected: str
) -> None:
    """A share of 150 % made every plan fire FUP-IMPLEMENTATION; a cadence of 0 years, every
    promise PER-TILING. Refused on the command line and in the dataset, with the file's line."""
    run = runner.invoke(cli, ["check", str(VETLANDA), "--setting", setting, "--lang", "en"])
    assert run.exit_code == 2, run.output
    name, value = setting.split("=")
    assert run.stderr.strip() == (
        f"samklang: setting {name}: '{value}' is out of range; expected a whole number {expected}."
    )
    (vetlanda_copy / "settings.yaml").write_text(f"settings:\n  {name}: {value}\n")
    in_file = runner.invoke(cli, ["check", str(vetlanda_copy), "--lang", "en"])
    assert in_file.exit_code == 2
    assert "settings.yaml, line 2" in in_file.stderr and "out of range" in in_file.stderr


def test_a_severity_without_a_rule_says_how_to_give_one(runner, vetlanda_copy: Path) -> None:
    """'severity' is a setting, of a rule: a plain value was called "not a setting"."""
    run = runner.invoke(cli, ["check", str(VETLANDA), "--setting", "severity=warning"])
    assert run.exit_code == 2
    assert run.stderr.strip() == (
        "samklang: 'severity' ger en regel en allvarsgrad; förväntade severity.REGEL-ID=warning "
        "på kommandoraden, eller 'severity:' med varje regel-ID och dess allvarsgrad under."
    )
    (vetlanda_copy / "settings.yaml").write_text("settings:\n  severity: warning\n")
    in_file = runner.invoke(cli, ["check", str(vetlanda_copy), "--lang", "en"])
    assert in_file.exit_code == 2
    assert "settings.yaml, line 2: 'severity' gives a severity to a rule" in in_file.stderr


def test_accept_refuses_a_focus_the_dataset_does_not_name(runner, vetlanda_copy: Path) -> None:
    args = ["accept", str(vetlanda_copy), "REF-UNRESOLVED", "ingen sådan", "--by", "X"]
    result = runner.invoke(cli, [*args, "--reason", "Y", "--lang", "en"])
    assert result.exit_code == 2
    assert "'ingen sådan' is not an id of the dataset" in result.stderr


def test_accept_a_domain_in_one_document_and_a_law(runner, tmp_path: Path) -> None:
    """A finding about a vocabulary term (COV-DOMAIN's domain, REF-UNRESOLVED's law) can be
    accepted, and, with --document, in one document only."""
    folder = tmp_path / "fiktivby"
    shutil.copytree(EXAMPLES / "fiktivby", folder)
    (folder / "accepted.yaml").unlink()
    common = ["--by", "Samordnaren", "--reason", "Medvetet val (fiktivt).", "--date", "2026-11-25"]
    domain = runner.invoke(
        cli, ["accept", str(folder), "COV-DOMAIN", "individen", "--document", "plan", *common]
    )
    assert domain.exit_code == 0, domain.output
    law = runner.invoke(cli, ["accept", str(folder), "REF-UNRESOLVED", "SFS 2017:725", *common])
    assert law.exit_code == 0, law.output
    args = ["check", str(folder), "--as-of", "2026-11-25", "--format", "json"]
    found = json.loads(runner.invoke(cli, [*args, "--rules", "COV-DOMAIN,REF-UNRESOLVED"]).stdout)
    accepted = {
        (f["rule"], f["document"].rsplit("/", 1)[-1]): f["accepted"] is not None
        for f in found["findings"]
    }
    assert accepted == {
        ("COV-DOMAIN", "plan"): True,
        ("COV-DOMAIN", "atgardsplan-2023-2024"): False,  # the other plan is still open
        ("REF-UNRESOLVED", "plan"): True,
    }
    again = runner.invoke(
        cli, ["accept", str(folder), "COV-DOMAIN", "individen", "--document", "plan", *common]
    )
    assert again.exit_code == 2 and "i 'plan' är redan accepterat" in again.stderr


def test_an_acceptance_of_a_shared_term_stays_with_its_municipality(
    runner, tmp_path: Path
) -> None:
    """Checked together, municipality A's acceptance of a domain does not accept B's finding
    about the same domain."""
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        shutil.copytree(EXAMPLES / "fiktivby", folder)
        (folder / "accepted.yaml").unlink()
    municipality = b / "municipality.yaml"
    municipality.write_text(
        municipality.read_text(encoding="utf-8").replace('code: "9901"', 'code: "9902"'),
        encoding="utf-8",
    )
    common = ["--by", "Samordnaren", "--reason", "Medvetet val (fiktivt).", "--date", "2026-11-25"]
    done = runner.invoke(cli, ["accept", str(a), "COV-DOMAIN", "individen", *common])
    assert done.exit_code == 0, done.output
    args = ["check", str(a), str(b), "--as-of", "2026-11-25", "--format", "json"]
    found = json.loads(runner.invoke(cli, [*args, "--rules", "COV-DOMAIN"]).stdout)["findings"]
    accepted = {
        (f["document"].split("/data/")[1][:4], f["accepted"] is not None)
        for f in found
        if f["focus"].endswith("/individen")
    }
    assert accepted == {("9901", True), ("9902", False)}


def test_acceptances_of_similar_ids_do_not_collide(runner, vetlanda_copy: Path) -> None:
    from samklang.graph.records import accepted_id

    ids = {
        accepted_id("CHAIN-GOAL", "akt_1"),
        accepted_id("CHAIN-GOAL", "akt-1"),
        accepted_id("CHAIN-GOAL", "akt.1"),
        accepted_id("COV-DOMAIN", "a", "b"),
        accepted_id("COV-DOMAIN", "a-b"),
        accepted_id("COV-DOMAIN", "a~b"),
        accepted_id("REF-UNRESOLVED", "SFS 2017:725"),
    }
    assert len(ids) == 7


def test_accept_leaves_the_dataset_as_it_was_when_the_result_would_not_load(
    runner, vetlanda_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import samklang.queries.accept as acceptance
    from samklang.errors import InputError

    calls = []

    def load_once(folder):  # the first load (before writing) works, the check after fails
        calls.append(folder)
        if len(calls) > 1:
            raise InputError(Path(folder) / "accepted.yaml", "line 4", "a made-up problem")
        return load_dataset(folder)

    monkeypatch.setattr(acceptance, "load_dataset", load_once)
    result = runner.invoke(
        cli,
        ["accept", str(vetlanda_copy), "CHAIN-OWN-GOALS", "plan", "--by",
         "X", "--reason", "Y", "--date", "2026-11-25"],
    )
    assert result.exit_code == 2 and "accepted.yaml, rad 4: a made-up problem" in result.stderr
    assert not (vetlanda_copy / "accepted.yaml").exists()


@pytest.mark.java
def test_query_with_reasoning_sees_inferred_classes(runner) -> None:
    sparql = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a sk:SocialActivity }"
    plain = runner.invoke(cli, ["query", "--sparql", sparql, str(VETLANDA), "--format", "csv"])
    reasoned = runner.invoke(
        cli, ["query", "--sparql", sparql, str(VETLANDA), "--format", "csv", "--reason"]
    )
    assert plain.exit_code == 0 and reasoned.exit_code == 0, reasoned.output
    assert plain.stdout.split()[-1] == "0"
    assert reasoned.stdout.split()[-1] == "1"  # the campaigns against supplying alcohol


def test_every_command_takes_lang() -> None:
    """Every command prints messages (at least its errors), so every command takes --lang."""
    for name, command in cli.commands.items():
        [lang] = [p for p in command.params if p.name == "lang"] or [None]
        assert lang is not None and lang.envvar == "SAMKLANG_LANG", name


def test_accept_and_init_say_what_they_did_in_both_languages(runner, vetlanda_copy: Path) -> None:
    target = vetlanda_copy.parent / "ny"
    swedish = runner.invoke(cli, ["init", str(target), "--kommun", "Exempelby kommun", "--kod",
                                  "9999"])
    assert swedish.exit_code == 0, swedish.output
    assert swedish.stderr == (
        f"samklang: ett dataset för Exempelby kommun (9999) finns nu i {target}; fyll i "
        f"dokumenten och aktiviteterna och kör 'samklang check {target}'.\n"
    )
    assert str(target / "municipality.yaml") in swedish.stdout  # stdout: the paths, for scripts
    english = runner.invoke(
        cli, ["init", str(target.with_name("new")), "--kommun", "K", "--kod", "9998", "--lang",
              "en"],
    )
    assert english.stderr.startswith("samklang: a dataset for K (9998) is now in ")
    args = ["accept", str(vetlanda_copy), "CHAIN-OWN-GOALS", "plan",
            "--by", "Samordnaren", "--reason", "Följs upp.", "--date", "2026-11-25"]
    accepted = runner.invoke(cli, args)
    assert accepted.exit_code == 0, accepted.output
    assert accepted.stdout == f"{vetlanda_copy / 'accepted.yaml'}\n"
    assert accepted.stderr.startswith(
        "samklang: fyndet från CHAIN-OWN-GOALS om 'plan' är accepterat av "
        "Samordnaren (2026-11-25) och sparat i "
    )
    again = runner.invoke(cli, [*args, "--lang", "en"])
    assert again.stderr.strip() == (
        "samklang: the finding of CHAIN-OWN-GOALS about 'plan' is already "
        "accepted."
    )


def test_serve_says_where_it_listens_in_both_languages(
    runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import samklang.server

    monkeypatch.setattr(samklang.server, "serve", lambda *args, **kwargs: kwargs["ready"]())
    swedish = runner.invoke(cli, ["serve", str(VETLANDA), "--port", "8123"])
    assert swedish.exit_code == 0, swedish.output
    assert swedish.stderr.startswith(
        "samklang: SPARQL-ändpunkten finns på http://127.0.0.1:8123/sparql"
    )
    english = runner.invoke(cli, ["serve", str(VETLANDA), "--port", "8123", "--lang", "en"])
    assert english.stderr.startswith("samklang: SPARQL endpoint at http://127.0.0.1:8123/sparql")


def test_serve_says_nothing_of_an_endpoint_it_cannot_start(runner, tmp_path: Path) -> None:
    """A port in use was uvicorn's log lines and exit 3, after the endpoint was announced; a
    store that is not there was announced first too. Now one sentence each, exit 2."""
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        busy = runner.invoke(cli, ["serve", str(VETLANDA), "--port", port, "--lang", "en"])
    assert busy.exit_code == 2, busy.output
    assert busy.stderr.splitlines()[-1].startswith(f"samklang: cannot listen on 127.0.0.1:{port}: ")
    assert "SPARQL endpoint at" not in busy.stderr and "INFO" not in busy.stderr
    missing = runner.invoke(cli, ["serve", "--store", str(tmp_path / "none"), "--lang", "en"])
    assert missing.exit_code == 2, missing.output
    assert missing.stderr.splitlines() == [
        f"samklang: {tmp_path / 'none'} is not a samklang store; build one with 'samklang load "
        f"PATH… --store {tmp_path / 'none'}'."
    ]


@pytest.mark.parametrize(
    ("args", "swedish", "english"),
    [
        (["chek"], "Fel: Kommandot 'chek' finns inte. Menade du 'check'?",
         "Error: No such command 'chek'. Did you mean 'check'?"),
        (["check", "--as-of", "2026-13-01"],
         "Fel: Ogiltigt värde för '--as-of': '2026-13-01' är inget verkligt datum (månaden måste "
         "vara 1–12); förväntade ÅÅÅÅ-MM-DD",
         "Error: Invalid value for '--as-of': '2026-13-01' is not a real date (month must be in "
         "1..12); expected YYYY-MM-DD"),
        (["init", "x", "--kommun", "K"], "Fel: Flaggan '--kod' saknas.",
         "Error: Missing option '--kod'."),
        (["check", str(VETLANDA), "--format", "pdf"],
         "Fel: Ogiltigt värde för '--format': 'pdf' är inget av 'text', 'json'",
         "Error: Invalid value for '--format': 'pdf' is not one of 'text', 'json'"),
        (["check", str(VETLANDA), "--setting", "x"],
         "Fel: Ogiltigt värde för --setting: 'x' har inte formen NAMN=VÄRDE",
         "Error: Invalid value for --setting: 'x' is not NAME=VALUE"),
    ],
)
def test_usage_errors_from_click_in_both_languages(
    runner, monkeypatch: pytest.MonkeyPatch, args: list[str], swedish: str, english: str
) -> None:
    monkeypatch.delenv("SAMKLANG_LANG", raising=False)
    sv = runner.invoke(cli, args)
    assert sv.exit_code == 2 and swedish in sv.stderr, sv.stderr
    assert sv.stderr.startswith("Användning: ") and "för hjälp." in sv.stderr
    en = runner.invoke(cli, [*args, "--lang", "en"])
    assert en.exit_code == 2 and english in en.stderr, en.stderr
    assert en.stderr.startswith("Usage: ")
    monkeypatch.setenv("SAMKLANG_LANG", "en")
    assert runner.invoke(cli, args).stderr == en.stderr


def test_an_accepted_finding_of_a_grouping_rule_stays_accepted_alone(
    runner, tmp_path: Path
) -> None:
    """Review of issue 11: a rule that groups (PER-EXPIRED) and fires once on a document kept
    the acceptance out of the finding, which then stayed open and failed the run."""
    folder = tmp_path / "fiktivby"
    shutil.copytree(EXAMPLES / "fiktivby", folder)
    accepted = runner.invoke(
        cli,
        ["accept", str(folder), "PER-EXPIRED", "atgardsplan-2023-2024", "--by", "X",
         "--reason", "Förlängd genom beslut (fiktivt).", "--date", "2026-11-25"],
    )
    assert accepted.exit_code == 0, accepted.output
    args = ["check", str(folder), "--as-of", "2026-11-25", "--rules", "PER-EXPIRED"]
    found = json.loads(runner.invoke(cli, [*args, "--format", "json"]).stdout)["findings"]
    assert [(f["focus"].rsplit("/", 1)[-1], f["accepted"] is not None) for f in found] == [
        ("atgardsplan-2023-2024", True)
    ]
    assert runner.invoke(cli, args).exit_code == 0


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_check_prints_names_with_brackets_as_written(runner, tmp_path: Path, lang: str) -> None:
    """Names go into rich's tables escaped: ``[region Syd]`` is not a style to drop, ``[/]``
    not a closing tag to fail on."""
    dataset = bracketed_dataset(tmp_path / "brackets")
    result = runner.invoke(
        cli, ["check", str(dataset), "--as-of", "2025-06-01", "--fail-on", "never", "--lang", lang]
    )
    assert result.exit_code == 0, result.output
    assert result.exception is None
    text = unboxed(result.stdout)
    for name in ("Region [region Syd]", "Grupp [/]", "Möte [bold]x[/]"):
        assert name in text


def test_query_prints_its_table_through_rich(runner, tmp_path: Path) -> None:
    dataset = bracketed_dataset(tmp_path / "brackets")
    sparql = (
        "SELECT ?thing ?name WHERE { ?thing rdfs:label|dcterms:title ?name "
        'FILTER (CONTAINS(?name, "[")) } ORDER BY ?name'
    )
    result = runner.invoke(cli, ["query", "--sparql", sparql, str(dataset)])
    assert result.exit_code == 0, result.output
    assert result.exception is None
    lines = result.stdout.splitlines()
    assert lines[0].startswith("┏") and lines[1].split() == ["┃", "thing", "┃", "name", "┃"]
    assert lines[-1] == "(4 rows)"
    text = unboxed(result.stdout)
    assert "data:9990/region-syd Region [region Syd]" in text
    for name in BRACKETED:
        assert name in text
    # The other formats are as they were: plain values, no table.
    csv = runner.invoke(cli, ["query", "--sparql", sparql, str(dataset), "--format", "csv"])
    assert csv.stdout.splitlines()[:2] == [
        "thing,name",
        "https://w3id.org/samklang/data/9990/grupp-x,Grupp [/]",
    ]



@pytest.mark.parametrize(
    "args",
    [
        ["query", "goal-verdicts", str(VETLANDA)],
        ["export", str(VETLANDA), "--format", "nquads"],
        ["bokslut", str(VETLANDA), "--year", "2020", "-o", "{out}/bokslut.md"],
        ["stats", str(VETLANDA), "-o", "{out}/stats.txt"],
    ],
    ids=["query", "export", "bokslut", "stats"],
)
def test_a_command_that_runs_no_rule_says_nothing_of_the_rule_settings(
    runner: click.testing.CliRunner,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    args: list[str],
) -> None:
    """Vetlanda's settings.yaml holds rule parameters: only where rules run (check, viz, load)
    is it worth saying that a corpus does not use them (the warning is logged: the CLI prints
    it on stderr)."""
    result = runner.invoke(cli, [a.replace("{out}", str(tmp_path)) for a in args])
    assert result.exit_code == 0, result.stderr
    assert not [r.getMessage() for r in caplog.records if "settings" in r.getMessage()]


def test_a_corpus_check_says_that_a_datasets_own_settings_are_not_used(
    runner: click.testing.CliRunner, caplog: pytest.LogCaptureFixture
) -> None:
    runner.invoke(cli, ["check", str(VETLANDA), str(EXAMPLES / "fiktivby")])
    assert any("apply when a dataset is checked alone" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "samklang: inställningarna i {path} gäller när ett dataset kontrolleras ensamt; "
               "en korpus kontrolleras med standardvärdena och --setting."),
        ("en", "samklang: the settings of {path} apply when a dataset is checked alone; a corpus "
               "is checked with the defaults and --setting."),
    ],
)
def test_the_library_s_warning_is_said_in_the_command_s_language(
    runner: click.testing.CliRunner, lang: str, said: str
) -> None:
    """A warning the library logs is one line on stderr in --lang (it was English always)."""
    result = runner.invoke(
        cli, ["check", str(VETLANDA), str(EXAMPLES / "fiktivby"), "--lang", lang]
    )
    assert result.exit_code == 1, result.stderr
    assert result.stderr.splitlines() == [said.format(path=VETLANDA)]
