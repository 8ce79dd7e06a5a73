"""Bad input gets one sentence naming the file, the place and what was expected; exit 2.

In Swedish by default, in English with ``--lang en`` (the English sentences are what the
library raises; ``samklang.messages`` holds the Swedish)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from samklang.cli import cli
from samklang.errors import InputError
from samklang.graph.source_kind import load_dataset

DOC = """documents:
  - id: plan
    title: Plan
    type: brottsforebyggande-plan
    period: 2020-2023
"""

# (file, content, words the message must hold), each content replacing the file in a copy of
# the Vetlanda example. The line the message names is part of the expected words.
CASES = {
    "municipality-as-a-list": (
        "municipality.yaml",
        'municipality:\n  - id: vetlanda-kommun\n    name: Vetlanda kommun\n    code: "0685"\n',
        ["municipality.yaml, line 1", "'municipality' is a list; expected one mapping"],
    ),
    "malformed-yaml": (
        "documents.yaml",
        "documents:\n  - id: plan\n    title: [unclosed\n",
        ["documents.yaml", "line", "not valid YAML"],
    ),
    "wrong-type": (
        "documents.yaml",
        DOC.replace("period: 2020-2023", "period: [2020, 2023]"),
        ["documents.yaml, line 5", "'period' is a list; expected a single value"],
    ),
    "unknown-field": (
        "documents.yaml",
        DOC + "    periode: 2020\n",
        ["documents.yaml, line 6", "'periode' is not a field", "did you mean 'period'"],
    ),
    "impossible-date": (
        "documents.yaml",
        DOC.replace("period: 2020-2023", "period: 2020-13-01/2023-12-31"),
        ["documents.yaml, line 5", "'2020-13-01' is not a real date", "expected YYYY-MM-DD"],
    ),
    "period-backwards": (
        "documents.yaml",
        DOC.replace("2020-2023", "2023-2020"),
        ["line 5", "ends before it starts"],
    ),
    "unknown-document-type": (
        "documents.yaml",
        DOC.replace("brottsforebyggande-plan", "planen"),
        ["documents.yaml, line 4", "'planen' is not a known document-type"],
    ),
    "unknown-domain": (
        "documents.yaml",
        DOC + "    considers_domains: [familjen, kyrkan]\n",
        ["line 6", "'kyrkan' is not a known domain", "expected familjen"],
    ),
    "accepted-focus-names-nothing": (
        "accepted.yaml",
        "accepted:\n  - rule: COV-DOMAIN\n    focus: ingen sådan sak\n    by: X\n"
        "    date: 2026-11-25\n    reason: Y\n",
        ["accepted.yaml, line 3", "'focus: ingen sådan sak' names nothing", "a domain or a law"],
    ),
    "accepted-rule-unknown": (  # shaped like a rule ID; the catalogue has no such rule
        "accepted.yaml",
        "accepted:\n  - rule: PER-NO-SUCH\n    focus: individen\n    by: X\n"
        "    date: 2026-11-25\n    reason: Y\n",
        ["accepted.yaml, line 2", "'PER-NO-SUCH' is not a rule", "samklang rules"],
    ),
    "setting-unknown": (  # read by the input format, judged by the rules
        "settings.yaml",
        "settings:\n  mandate_first_year: 2020\n  sista_ar: 2024\n",
        ["settings.yaml, line 3", "'sista_ar' is not a setting"],
    ),
    "setting-severity-of-no-rule": (
        "settings.yaml",
        "settings:\n  severity:\n    PER-NO-SUCH: info\n",
        ["settings.yaml, line 2", "'PER-NO-SUCH' in 'severity.PER-NO-SUCH' is not a rule"],
    ),
    "accepted-document-unknown": (
        "accepted.yaml",
        "accepted:\n  - rule: COV-DOMAIN\n    focus: individen\n    document: planen\n"
        "    by: X\n    date: 2026-11-25\n    reason: Y\n",
        ["accepted.yaml, line 4", "'document: planen' names nothing"],
    ),
    "unknown-reference": (
        "documents.yaml",
        DOC + "    part_of: plann\n",
        [
            "documents.yaml, line 6",
            "names nothing the dataset defines",
            "did you mean 'plan'",
            "expected the id of one of its documents",
        ],
    ),
    "unknown-factor-in-csv": (
        "activities.csv",
        "id,title,year,document,factors\na1,Läxhjälp,2021,plan,skolmisslyckanden och annat\n",
        ["activities.csv, row 2, column 'factors'", "is not a known factor"],
    ),
    "activity-names-missing-goal": (
        "activities.csv",
        "id,title,year,document,goal\na1,Läxhjälp,2021,plan,mal-saknas\n",
        [
            "activities.csv, row 2, column 'goal'",
            "'goal: mal-saknas' names nothing",
            "goal areas or goals or focus areas",
        ],
    ),
    "activity-names-missing-organisation": (
        "activities.csv",
        "id,title,year,document,responsible\na1,Läxhjälp,2021,plan,skolan\n",
        ["row 2, column 'responsible'", "'responsible: skolan' names nothing"],
    ),
    "activity-impossible-year": (
        "activities.csv",
        "id,title,year,document\na1,Läxhjälp,20211,plan\n",
        ["row 2, column 'year'", "'20211' is not a year"],
    ),
    "csv-misspelt-column": (
        "activities.csv",
        "id,title,year,document,budgte,statsu\n",
        ["activities.csv, row 1", "the column 'statsu' is not known", "did you mean 'status'"],
    ),
    "csv-missing-column": (
        "activities.csv",
        "id,title,document\n",
        ["activities.csv, row 1", "has no column 'year'"],
    ),
    "csv-duplicate-column": (
        "activities.csv",
        "id,title,year,document,Title\n",
        ["activities.csv, row 1", "has the column 'Title' twice"],
    ),
    "csv-value-without-header": (
        "activities.csv",
        "id,title,year,document,\na1,Läxhjälp,2021,plan,extra\n",
        ["activities.csv, row 2", "has a value in column 5, which has no header"],
    ),
    "negative-count": (
        "documents.yaml",
        DOC + "    goal_area_count: -8\n",
        ["line 6", "'-8' is not a count"],
    ),
    "csv-empty": ("activities.csv", "", ["activities.csv", "is empty"]),
    "yaml-empty": ("goals.yaml", "", ["goals.yaml", "is empty"]),
    "unknown-section": (
        "goals.yaml",
        "mål:\n  - id: x\n",
        ["goals.yaml, line 1", "'mål' is not a section"],
    ),
    "duplicate-id": (
        "goals.yaml",
        "goals:\n  - id: plan\n    title: X\n    document: plan\n",
        ["goals.yaml, line 2", "the id 'plan' is already used"],
    ),
    "yaml-alias": (
        "goals.yaml",
        "goals:\n  - &g {id: a, title: X, document: plan}\n  - *g\n",
        ["goals.yaml, line 2", "alias"],
    ),
    "turtle-syntax": (
        "extra.ttl",
        '@prefix ex: <http://example.org/> .\nex:a ex:b "open .\n',
        ["extra.ttl, line 2", "not valid Turtle"],
    ),
    "bad-municipality-code": (
        "municipality.yaml",
        "municipality:\n  id: k\n  name: K\n  code: 685\n",
        ["municipality.yaml, line 4", "'685' is not a municipality code"],
    ),
    "second-municipality": (
        "other.yaml",
        "municipality:\n  id: k2\n  name: K\n  code: '0001'\n",
        ["exactly one municipality", "found a second"],
    ),
}


def write(folder: Path, name: str, content: str | bytes) -> None:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def assert_one_clear_sentence(result, words: list[str]) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    message = result.stderr.strip()
    assert "Traceback" not in message
    assert len(message.splitlines()) == 1, message
    assert message.startswith("samklang: ") and message.endswith("."), message
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"


SWEDISH = {
    "malformed-yaml": [
        "documents.yaml, rad 4: är inte giltig YAML: förväntade ',' eller ']' men fann inget",
        "en lista inom [ ] avslutas inte",
    ],
    "unknown-field": [
        "documents.yaml, rad 6: 'periode' är inget fält i documents (menade du 'period'?); "
        "förväntade något av id, "
    ],
    "impossible-date": [
        "documents.yaml, rad 5: '2020-13-01' är inget verkligt datum (månaden måste vara 1–12); "
        "förväntade ÅÅÅÅ-MM-DD."
    ],
    "unknown-reference": [
        "documents.yaml, rad 6: 'part_of: plann' pekar inte på något som datasetet definierar "
        "(menade du 'plan'?); förväntade id:t för något av datasetets dokument"
    ],
}
"""The Swedish sentence of four cases: file, line and what was expected, in one sentence."""


@pytest.mark.parametrize("case", sorted(SWEDISH))
def test_bad_input_is_said_in_swedish_by_default(
    case: str, vetlanda_copy: Path, runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SAMKLANG_LANG", raising=False)
    name, content, _ = CASES[case]
    write(vetlanda_copy, name, content)
    result = runner.invoke(cli, ["check", str(vetlanda_copy)])
    assert_one_clear_sentence(result, SWEDISH[case])
    assert "line" not in result.stderr and "expected" not in result.stderr


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_case_has_a_swedish_sentence(
    case: str, vetlanda_copy: Path, runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One sentence and exit 2, naming what the case names in English; Swedish by default,
    English with --lang en or SAMKLANG_LANG=en; the same file and line."""
    monkeypatch.delenv("SAMKLANG_LANG", raising=False)
    name, content, words = CASES[case]
    write(vetlanda_copy, name, content)
    swedish = runner.invoke(cli, ["check", str(vetlanda_copy)])
    english = runner.invoke(cli, ["check", str(vetlanda_copy), "--lang", "en"])
    monkeypatch.setenv("SAMKLANG_LANG", "en")
    from_environment = runner.invoke(cli, ["check", str(vetlanda_copy)])
    assert from_environment.stderr == english.stderr
    assert_one_clear_sentence(english, words)
    assert_one_clear_sentence(swedish, [])
    sv, en = swedish.stderr.strip(), english.stderr.strip()
    assert sv != en
    assert sv.split(",")[0].split(":")[1] == en.split(",")[0].split(":")[1]  # the same file
    for line in re.findall(r"line (\d+)", en.split(": ")[1]):
        assert f"rad {line}" in sv
    assert not re.search(r"\b(line|expected|is not|did you mean)\b", sv), sv


def test_wrong_encoding_names_file_and_line(vetlanda_copy: Path, runner) -> None:
    text = "id,title,year,document\na1,Läxhjälp för åk 9,2021,plan\n"
    write(vetlanda_copy, "activities.csv", "a\u00e5".encode() + b"\n" + text.encode("cp1252"))
    result = runner.invoke(cli, ["check", "--lang", "en", str(vetlanda_copy)])
    assert_one_clear_sentence(
        result, ["activities.csv, line 1", "mixes UTF-8 (line 1) and Windows-1252 (line 3)"]
    )


def test_utf8_with_bom_is_fine(vetlanda_copy: Path) -> None:
    text = (vetlanda_copy / "activities.csv").read_text(encoding="utf-8")
    write(vetlanda_copy, "activities.csv", "\ufeff".encode() + text.encode())
    assert len(load_dataset(vetlanda_copy).quads) > 100


def test_huge_file_is_refused(vetlanda_copy: Path, runner) -> None:
    write(vetlanda_copy, "goals.yaml", b"# " + b"x" * 2_100_000 + b"\n")
    result = runner.invoke(cli, ["check", "--lang", "en", str(vetlanda_copy)])
    assert_one_clear_sentence(result, ["goals.yaml: is 2.2 MB", "up to 2 MB each"])


def test_broken_xlsx(vetlanda_copy: Path, runner) -> None:
    write(vetlanda_copy, "activities.xlsx", b"PK\x03\x04 this is not a workbook")
    result = runner.invoke(cli, ["check", "--lang", "en", str(vetlanda_copy)])
    assert_one_clear_sentence(result, ["activities.xlsx", "not a readable XLSX"])


def test_xlsx_cell_error_names_sheet_and_row(vetlanda_copy: Path, runner) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Aktiviteter"
    sheet.append(["id", "title", "year", "document", "domain"])
    sheet.append(["a1", "Läxhjälp", 2021, "plan", "skolan"])
    sheet.append(["a2", "Fritidsgård", 2021, "plan", "fritiden-och-kyrkan"])
    book.save(vetlanda_copy / "activities-extra.xlsx")
    result = runner.invoke(cli, ["check", "--lang", "en", str(vetlanda_copy)])
    assert_one_clear_sentence(
        result,
        [
            "activities-extra.xlsx, sheet Aktiviteter, row 3, column 'domain'",
            "is not a known domain",
        ],
    )


def test_not_a_folder(tmp_path: Path, runner) -> None:
    result = runner.invoke(cli, ["check", "--lang", "en", str(tmp_path)])
    assert_one_clear_sentence(result, [str(tmp_path), "holds no YAML files"])


def test_bad_as_of_is_a_usage_error(runner) -> None:
    result = runner.invoke(
        cli, ["check", "--lang", "en", "examples/vetlanda", "--as-of", "2020-02-30"]
    )
    assert result.exit_code == 2
    assert "not a real date" in result.stderr


def test_library_raises_input_error_with_parts(vetlanda_copy: Path) -> None:
    write(vetlanda_copy, "documents.yaml", DOC.replace("2020-2023", "2020-2O23"))
    with pytest.raises(InputError) as info:
        load_dataset(vetlanda_copy)
    assert info.value.path.name == "documents.yaml"
    assert info.value.location == "line 5"


def test_traceback_flag_shows_the_error(vetlanda_copy: Path, runner) -> None:
    write(vetlanda_copy, "goals.yaml", "")
    result = runner.invoke(cli, ["--traceback", "check", str(vetlanda_copy)])
    assert isinstance(result.exception, InputError)


def test_two_follow_up_entries_for_one_activity(vetlanda_copy: Path, runner) -> None:
    report = """documents:
  - id: bokslut-2020
    title: Trygghetsbokslut 2020
    type: trygghetsbokslut
    reports_on: plan
    report_year: 2020
    entries:
      - {activity: ml2020-trafikkontroller, status: genomford}
      - {activity: ml2020-trafikkontroller, status: ej-genomford}
"""
    (vetlanda_copy / "reports.yaml").write_text(report, encoding="utf-8")
    result = runner.invoke(cli, ["check", "--lang", "en", str(vetlanda_copy)])
    assert_one_clear_sentence(result, ["reports.yaml", "two entries for the activity"])


def test_multiple_values_in_a_cell_by_semicolon_or_comma(vetlanda_copy: Path) -> None:
    for separator, delimiter in ((";", ","), (",", ";")):
        cells = ["a1", "Läxhjälp", "2021", "plan", f"skolan{separator} familjen"]
        header = ["id", "title", "year", "document", "domain"]
        text = (
            "\n".join(
                delimiter.join(f'"{c}"' if delimiter in c else c for c in row)
                for row in (header, cells)
            )
            + "\n"
        )
        (vetlanda_copy / "activities.csv").write_text(text, encoding="utf-8")
        quads = load_dataset(vetlanda_copy).quads
        domains = {
            q.object.value.rsplit("/", 1)[-1]
            for q in quads
            if q.predicate.value.endswith("#targetsDomain")
        }
        assert domains == {"skolan", "familjen"}, separator


@pytest.fixture
def fiktivby_copy(tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "fiktivby"
    shutil.copytree(Path(__file__).resolve().parent.parent / "examples" / "fiktivby", target)
    return target


def test_a_figure_too_large_to_show_is_refused_where_it_is_written(
    fiktivby_copy: Path, runner
) -> None:
    """A figure of 27 digits cannot be shown to two decimals (it crashed check); any figure
    from a quadrillion up is refused, in observations.csv, a Brå file and a goal's target."""
    path = fiktivby_copy / "observations.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(";2,9;", ";999999999999999999999999999;")
    path.write_text("".join(lines), encoding="utf-8")
    result = runner.invoke(cli, ["check", "--lang", "en", str(fiktivby_copy)])
    assert_one_clear_sentence(
        result, ["observations.csv, row 2, column 'value'", "is out of range"]
    )
    swedish = runner.invoke(cli, ["check", "--lang", "sv", str(fiktivby_copy)])
    assert_one_clear_sentence(swedish, ["rad 2, kolumnen 'value'", "är för stort"])


def test_a_goal_target_too_large_is_refused(fiktivby_copy: Path, runner) -> None:
    path = fiktivby_copy / "goals.yaml"
    text = path.read_text(encoding="utf-8")
    assert "value: -10," in text
    path.write_text(text.replace("value: -10,", "value: " + "9" * 28 + ",", 1), encoding="utf-8")
    result = runner.invoke(cli, ["check", "--lang", "en", str(fiktivby_copy)])
    assert_one_clear_sentence(result, ["goals.yaml, line", "is out of range"])


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1e999", "1e30"])
def test_a_kolada_value_that_is_not_a_finite_figure_is_refused(
    value: str, fiktivby_copy: Path, runner
) -> None:
    """Python's JSON reader takes NaN and Infinity; they were written as "NaN"^^xsd:decimal
    (no valid literal) or crashed the bokslut."""
    path = fiktivby_copy / "kolada-brott-2026-04-02.json"
    text = path.read_text(encoding="utf-8")
    assert '"value": 7420' in text
    path.write_text(text.replace('"value": 7420', f'"value": {value}', 1), encoding="utf-8")
    result = runner.invoke(cli, ["check", "--lang", "en", str(fiktivby_copy)])
    assert_one_clear_sentence(
        result, ["kolada-brott-2026-04-02.json", "values[0].values[0].value", "out of range"]
    )


def test_output_the_system_refuses_is_one_sentence(runner) -> None:
    """-o into a folder the system will not write a file in (Linux's /proc, as a read-only or
    forbidden folder would): one sentence naming the target, exit 2, no traceback."""
    target = Path("/proc/samklang-report.out")
    for command in (["check"], ["export"], ["stats"], ["viz"]):
        result = runner.invoke(
            cli, [*command, "--lang", "en", "examples/vetlanda", "-o", str(target)]
        )
        assert result.exit_code == 2, (command, result.output)
        message = result.stderr.strip().splitlines()[-1]
        assert message.startswith(f"samklang: cannot write {target}: "), message
        assert "Traceback" not in result.stderr


def test_init_where_no_folder_can_be_made_is_one_sentence(tmp_path: Path, runner) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(
        cli, ["init", str(blocker / "ny"), "--kommun", "Testby", "--kod", "9999", "--lang", "en"]
    )
    assert_one_clear_sentence(result, [f"cannot write {blocker / 'ny'}: "])


@pytest.mark.parametrize("damage", ["text", "truncated", "broken-sheet"])
def test_template_onto_a_damaged_workbook_is_one_sentence_and_keeps_it(
    damage: str, vetlanda_copy: Path, runner
) -> None:
    import zipfile

    good = vetlanda_copy / "good.xlsx"
    assert runner.invoke(cli, ["template", str(vetlanda_copy), "-o", str(good)]).exit_code == 0
    target = vetlanda_copy / "damaged.xlsx"
    if damage == "text":
        target.write_bytes((vetlanda_copy / "activities.csv").read_bytes())
    elif damage == "truncated":
        target.write_bytes(good.read_bytes()[:5000])
    else:
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(target, "w") as out:
            for info in src.infolist():
                data = src.read(info)
                out.writestr(info, data[: len(data) // 2] if "sheet1" in info.filename else data)
    before = target.read_bytes()
    result = runner.invoke(
        cli, ["template", str(vetlanda_copy), "-o", str(target), "--lang", "en"]
    )
    assert_one_clear_sentence(result, [str(target), "is not a readable XLSX workbook"])
    assert target.read_bytes() == before
    assert not [p for p in vetlanda_copy.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("kind", ["broken-link", "pipe", "device"])
def test_a_dataset_file_that_is_no_file_is_refused(
    kind: str, vetlanda_copy: Path, runner
) -> None:
    """activities.csv as a link to nothing, a pipe or a device was passed over without a word:
    the check ran without the activities."""
    import os

    path = vetlanda_copy / "activities.csv"
    path.unlink()
    if kind == "broken-link":
        path.symlink_to(vetlanda_copy / "nowhere.csv")
    elif kind == "pipe":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    result = runner.invoke(cli, ["check", "--lang", "en", str(vetlanda_copy)])
    assert_one_clear_sentence(result, ["activities.csv: cannot be read: it is not a file"])


@pytest.mark.parametrize("name", ["empty.nq", "empty.trig", "comment.nq"])
def test_an_rdf_file_that_states_nothing_is_refused_and_no_store_is_left(
    name: str, tmp_path: Path, runner
) -> None:
    """Checked, an empty export said that the planning hangs together; loaded, it left a store
    folder holding only a lock."""
    path = tmp_path / name
    path.write_text("# nothing\n" if name.startswith("comment") else "", encoding="utf-8")
    for command in (["check", str(path)], ["load", "--store", str(tmp_path / "s"), str(path)]):
        result = runner.invoke(cli, [*command, "--lang", "en"])
        assert_one_clear_sentence(result, [f"{name}: holds no triples"])
    assert not (tmp_path / "s").exists()


def test_a_key_given_twice_in_a_kolada_file_is_refused(fiktivby_copy: Path, runner) -> None:
    """Python's JSON reader keeps the last of two values silently; YAML refuses the same."""
    path = fiktivby_copy / "kolada-brott-2026-04-02.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"value": 7420', '"value": 7420, "value": 1', 1), encoding="utf-8")
    result = runner.invoke(cli, ["check", "--lang", "en", str(fiktivby_copy)])
    assert_one_clear_sentence(
        result, ["kolada-brott-2026-04-02.json: gives the key 'value' twice in one object"]
    )


def test_a_quote_left_open_is_named_where_it_opens(vetlanda_copy: Path, runner) -> None:
    """An unclosed quote on line 3 was reported on line 7, where a later cell's quote closed it,
    as "a quote inside a cell that is not quoted"."""
    path = vetlanda_copy / "activities.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert '"' not in "".join(lines[2:6]) and '"' in lines[6]
    lines[2] = lines[2].replace(",Polisen genomför", ',"Polisen genomför', 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(cli, ["check", "--lang", "en", str(vetlanda_copy)])
    assert_one_clear_sentence(
        result,
        ['activities.csv, line 3: opens a quote (") in a cell that is closed only on line 7'],
    )


def test_an_overlong_cell_is_called_so(vetlanda_copy: Path, runner) -> None:
    path = vetlanda_copy / "activities.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].replace("Polisen genomför", "Polisen " + "x" * 140_000 + " genomför", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(cli, ["check", "--lang", "en", str(vetlanda_copy)])
    assert_one_clear_sentence(
        result, ["activities.csv, line 3: has a cell of more than 131072 characters"]
    )


@pytest.mark.parametrize(
    ("command", "name"),
    [(["check"], "documents.yaml"), (["check", "--format", "json"], "findings.json"),
     (["export"], "export.ttl"), (["stats", "--format", "json"], "stats.json")],
)  # fmt: skip
def test_an_output_the_dataset_would_read_is_refused(
    command: list[str], name: str, vetlanda_copy: Path, runner
) -> None:
    """-o documents.yaml overwrote the dataset's own file; a JSON report written in the folder
    would be read as an observation file at the next check. A file it does not read is fine."""
    def files() -> list[tuple[str, bytes]]:
        return sorted((p.name, p.read_bytes()) for p in vetlanda_copy.iterdir() if p.is_file())

    before = files()
    target = vetlanda_copy / name
    result = runner.invoke(cli, [*command, str(vetlanda_copy), "-o", str(target), "--lang", "en"])
    assert_one_clear_sentence(
        result, [f"cannot write {target}: the dataset in {vetlanda_copy} would read it"]
    )
    assert files() == before
    report = vetlanda_copy / "report.txt"
    assert runner.invoke(cli, ["check", str(vetlanda_copy), "-o", str(report)]).exit_code == 1
    assert report.is_file()
