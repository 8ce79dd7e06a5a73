"""Fuzzing the readers: any CSV, XLSX, JSON, Turtle, .docx or text input gives a result or the
one clean sentence (an InputError: exit 2 at the command line), never another exception.

Inputs are drawn whole (any bytes, any JSON value, any workbook cells) and as mutations of a
valid file: bytes inserted, deleted, replaced or cut off; in a zip (XLSX, .docx), inside the
XML of one of its parts, the zip rebuilt around it, so that the XML reader is fuzzed and not
only the zip's checksums. tests/test_properties.py fuzzes the YAML and the CSV structure."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samklang.errors import InputError
from samklang.graph.ingest.text import read_document
from samklang.graph.source_kind import load_dataset

from .conftest import EXAMPLES, copy_vetlanda

bounded = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def clean(err: InputError) -> None:
    """The error is a sentence naming the file (the command line prints it on one line, a
    line break quoted in it written out: tests/attack/turtle-line-break)."""
    text = str(err)
    assert text.endswith("."), text
    assert err.path.name in text, text


def load_with(folder: Path, files: dict[str, bytes]) -> None:
    """Load ``folder`` with ``files`` written into it, then put it back; only InputError may
    escape the load."""
    kept = {name: (folder / name).read_bytes() for name in files if (folder / name).exists()}
    try:
        for name, content in files.items():
            (folder / name).write_bytes(content)
        load_dataset(folder)
    except InputError as err:
        clean(err)
    finally:
        for name in files:
            if name in kept:
                (folder / name).write_bytes(kept[name])
            else:
                (folder / name).unlink()


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with up to five edits: bytes inserted, deleted or replaced, or the end cut."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(out)))
        edit = draw(st.sampled_from(["insert", "delete", "replace", "cut"]))
        if edit == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif edit == "delete":
            del out[at : at + draw(st.integers(1, 16))]
        elif edit == "replace" and at < len(out):
            out[at] = draw(st.integers(0, 255))
        elif edit == "cut":
            del out[at:]
    return bytes(out)


@st.composite
def mutated_zip(draw: st.DrawFn, data: bytes, parts: list[str]) -> bytes:
    """The zip ``data`` with one of ``parts`` mutated and the zip rebuilt around it."""
    part = draw(st.sampled_from(parts))
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == part:
                content = draw(mutated(content))
            target.writestr(info.filename, content)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def vetlanda(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield copy_vetlanda(tmp_path_factory.mktemp("fuzz") / "vetlanda")


@pytest.fixture(scope="module")
def fiktivby(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("fuzz") / "fiktivby"
    shutil.copytree(EXAMPLES / "fiktivby", folder)
    yield folder


# --- CSV --------------------------------------------------------------------------------------

CSV = (EXAMPLES / "vetlanda" / "activities.csv").read_bytes()


@bounded
@given(st.binary(max_size=400))
def test_any_bytes_as_csv(vetlanda: Path, content: bytes) -> None:
    load_with(vetlanda, {"activities.csv": content})


@bounded
@given(mutated(CSV))
def test_any_mutation_of_a_csv(vetlanda: Path, content: bytes) -> None:
    load_with(vetlanda, {"activities.csv": content})


# --- XLSX -------------------------------------------------------------------------------------


def _workbook(rows: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Aktiviteter"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _vetlanda_rows() -> list[list[object]]:
    import csv

    return list(csv.reader(CSV.decode("utf-8").splitlines()))


XLSX = _workbook(_vetlanda_rows())
XLSX_PARTS = [n for n in zipfile.ZipFile(io.BytesIO(XLSX)).namelist() if n.endswith(".xml")]

cells = st.one_of(
    st.none(),
    st.text(max_size=12).filter(lambda t: not t.startswith("=")),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(),
    st.sampled_from(["plan", "2020-2021", "lpo-hoglandet", "x\x00y", "\x1b[31mröd", "a;b"]),
)


def _with_xlsx(folder: Path, content: bytes) -> None:
    csv_file = folder / "activities.csv"
    kept = csv_file.read_bytes()
    csv_file.unlink()
    try:
        load_with(folder, {"activities.xlsx": content})
    finally:
        csv_file.write_bytes(kept)


@bounded
@given(st.lists(st.lists(cells, max_size=14), max_size=5))
def test_any_cells_in_a_workbook(vetlanda: Path, rows: list[list[object]]) -> None:
    header: list[object] = list(_vetlanda_rows()[0])
    from openpyxl.utils.exceptions import IllegalCharacterError

    try:
        content = _workbook([header, *rows])
    except IllegalCharacterError:  # openpyxl writes no control character (a NUL: below)
        return
    _with_xlsx(vetlanda, content)


@bounded
@given(mutated_zip(XLSX, XLSX_PARTS))
def test_any_mutation_inside_a_workbook(vetlanda: Path, content: bytes) -> None:
    _with_xlsx(vetlanda, content)


@bounded
@given(mutated(XLSX))
def test_any_mutation_of_a_workbooks_bytes(vetlanda: Path, content: bytes) -> None:
    _with_xlsx(vetlanda, content)


# --- JSON (Kolada, SCB) ---------------------------------------------------------------------

KOLADA = next((EXAMPLES / "fiktivby").glob("kolada-*.json"))
SCB = next((EXAMPLES / "fiktivby").glob("scb-*.json"))

json_values = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8),
        st.sampled_from(["N07540", "9901", "T", "K", "2020", "values", "kpi"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(
                st.sampled_from(["values", "kpi", "municipality", "period", "gender", "value",
                                 "status", "count", "dimension", "id", "size", "role"]),
                st.text(max_size=6),
            ),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=25,
)


@bounded
@given(st.sampled_from([KOLADA.name, SCB.name]), json_values)
def test_any_json_value(fiktivby: Path, name: str, value: object) -> None:
    load_with(fiktivby, {name: json.dumps(value).encode("utf-8")})


@bounded
@given(st.data())
def test_any_mutation_of_a_json_file(fiktivby: Path, data: st.DataObject) -> None:
    path = data.draw(st.sampled_from([KOLADA, SCB]))
    load_with(fiktivby, {path.name: data.draw(mutated(path.read_bytes()))})


# --- Turtle -------------------------------------------------------------------------------------

TURTLE = b"""@prefix sk: <https://w3id.org/samklang/ontology#> .
@prefix ex: <https://w3id.org/samklang/data/0685/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

ex:activity/ml2020-est rdfs:comment "En anteckning"@sv ;
    sk:note [ rdfs:label "tom" ] .
<activity/ml2020-est> rdfs:seeAlso <https://example.org/x> .
"""


@bounded
@given(st.binary(max_size=300))
def test_any_bytes_as_turtle(vetlanda: Path, content: bytes) -> None:
    load_with(vetlanda, {"extra.ttl": content})


@bounded
@given(mutated(TURTLE))
def test_any_mutation_of_a_turtle_file(vetlanda: Path, content: bytes) -> None:
    load_with(vetlanda, {"extra.ttl": content})


# --- plan documents: .docx and text ---------------------------------------------------------


def read_with(path: Path, content: bytes) -> None:
    """Read the plan document ``path`` holding ``content``; only InputError may escape."""
    path.write_bytes(content)
    try:
        read_document(path)
    except InputError as err:
        clean(err)


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Plan för brottsförebyggande arbete 2020–2023", 1)
    document.add_paragraph("Vetlanda kommun och Lokalpolisområde Höglandet.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Aktivitet"
    table.cell(1, 0).text = "Trygghetsvandring"
    document.add_paragraph("Punkt", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX = _docx()
DOCX_PARTS = [
    n for n in zipfile.ZipFile(io.BytesIO(DOCX)).namelist()
    if n in ("word/document.xml", "word/styles.xml", "word/numbering.xml", "[Content_Types].xml")
]


QUIET = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")  # long reprs


@QUIET
@bounded
@given(mutated_zip(DOCX, DOCX_PARTS))
def test_any_mutation_inside_a_docx(tmp_path: Path, content: bytes) -> None:
    read_with(tmp_path / "plan.docx", content)


@QUIET
@bounded
@given(mutated(DOCX))
def test_any_mutation_of_a_docx_bytes(tmp_path: Path, content: bytes) -> None:
    read_with(tmp_path / "plan.docx", content)


@bounded
@given(st.sampled_from(["plan.txt", "plan.md"]), st.binary(max_size=400))
def test_any_bytes_as_a_text_document(tmp_path: Path, name: str, content: bytes) -> None:
    read_with(tmp_path / name, content)
