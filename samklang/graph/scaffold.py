"""``samklang init``: a new municipality's dataset, ready for a planner to fill in; and its XLSX
activity template, refreshed from the dataset (``samklang template``)."""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from samklang.errors import InputError, UsageError
from samklang.graph.schema import SECTIONS
from samklang.graph.tables import SHEET
from samklang.graph.values import parse_code
from samklang.ontology.vocabulary import vocabularies

LISTS_SHEET = "Listor"


def slug(text: str) -> str:
    """An id from a name: ``Vetlanda kommun`` → ``vetlanda-kommun``."""
    folded = unicodedata.normalize("NFKD", text.lower())
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "kommun"


def _yaml_text(name: str, code: str, municipality_id: str) -> dict[str, str]:
    import yaml

    municipality = yaml.safe_dump(
        {"municipality": {"id": municipality_id, "name": name, "code": code}},
        allow_unicode=True,
        sort_keys=False,
        default_style=None,
    )
    comment = " ".join(name.split())  # a comment ends at a line break
    return {
        "municipality.yaml": f"""\
# {comment}: kommunen, organisationerna och grupperna. Se docs/input-format.md.
{municipality}
organisations: []
#  - id: lpo
#    name: Lokalpolisområde …
#    type: lokalpolisomrade

groups: []
#  - id: temagrupp
#    name: Temagrupp brott
#    type: temagrupp
#    members: [{municipality_id}, lpo]
#    convener: {municipality_id}
""",
        "documents.yaml": """\
# Styrdokumenten och deras perioder. Se docs/input-format.md.
documents: []
#  - id: plan
#    title: Plan för brottsförebyggande arbete
#    type: brottsforebyggande-plan
#    period: 2027-2030
#    decision:
#      by: kommunfullmaktige
#      date: 2026-12-14
""",
        "goals.yaml": """\
# Målområden, mål, prioriterade områden och problem. Se docs/input-format.md.
goal_areas: []
goals: []
focus_areas: []
problems: []
""",
    }


def init_dataset(folder: str | Path, name: str, code: str) -> list[Path]:
    """Create a dataset folder for a new municipality.

    Args:
        folder: where to create it; must not exist or be empty.
        name: the municipality's name (``Vetlanda kommun``).
        code: its SCB municipality code (``0685``).

    Returns:
        The files written.

    Raises:
        UsageError: the folder is not empty, or the code is not four digits.
    """
    target = Path(folder)
    try:
        parse_code(code)
    except ValueError as err:
        raise UsageError(str(err)) from err
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target} already exists and is not empty; choose a new folder")
    municipality_id = slug(name)
    try:
        staging = Path(
            tempfile.mkdtemp(
                prefix=".samklang-init-",
                dir=target.parent.resolve() if target.parent.exists() else None,
            )
        )
    except OSError as err:
        raise UsageError(f"cannot write {target}: {err.strerror or err}") from err
    try:
        for file_name, text in _yaml_text(name, code, municipality_id).items():
            (staging / file_name).write_text(text, encoding="utf-8")
        write_activity_template(staging / "activities.xlsx", [name])
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.rmdir()
        shutil.move(str(staging), str(target))
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return sorted(target.iterdir())


LIST_COLUMNS = {
    "kind": "kind",
    "domain": "domain",
    "factors": "factor",
    "status": "status",
}
"""Columns whose drop-down list holds a vocabulary's Swedish labels, and the vocabulary."""

EXTRA_ROWS = 50
"""Room left in each list for values the planner adds to the hidden sheet."""


def vocabulary_labels(scheme: str) -> list[str]:
    """The Swedish labels of a vocabulary, as the loader accepts them; the id where a label
    names more than one concept (``erkännande för prosocialt deltagande``)."""
    from samklang.ontology.vocabulary import _fold

    vocab = vocabularies()
    concepts = vocab.schemes[scheme]
    values = []
    for local, term in concepts.ids.items():
        label = vocab.labels.get(term.value, {}).get("sv")
        values.append(label if label and concepts.keys.get(_fold(label)) == {local} else local)
    return sorted(values, key=str.casefold)


def write_activity_template(
    path: Path,
    organisations: Sequence[str],
    documents: Sequence[str] = (),
    goals: Sequence[str] = (),
) -> None:
    """Write an XLSX activity list with drop-down lists for the coded columns, or refresh the
    lists of the one at ``path``, keeping its rows.

    Args:
        path: the workbook.
        organisations: what the responsible column offers (names the loader matches to ids).
        documents: ids offered in the document column (none: no list).
        goals: ids offered in the goal column (none: no list).
    """
    from openpyxl import Workbook, load_workbook
    from openpyxl.styles import Font

    columns = [f.name for f in SECTIONS["activities"].fields]
    lists = {column: vocabulary_labels(scheme) for column, scheme in LIST_COLUMNS.items()}
    lists["responsible"] = list(organisations)
    if documents:
        lists["document"] = list(documents)
    if goals:
        lists["goal"] = list(goals)
    if path.exists():
        import warnings

        # Read through a handle closed here: openpyxl leaves its own open when a workbook is
        # broken inside.
        with warnings.catch_warnings(), path.open("rb") as handle:
            warnings.simplefilter("ignore")  # openpyxl warns of Excel extensions it drops
            book = load_workbook(handle)
        sheet: Any = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        if LISTS_SHEET in book.sheetnames:
            del book[LISTS_SHEET]
        sheet.data_validations.dataValidation = []
    else:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = SHEET
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    _add_lists(book, sheet, lists)
    book.save(path)


def _add_lists(book: object, sheet: object, lists: dict[str, list[str]]) -> None:
    """The hidden sheet of lists, and a drop-down in each column of the header that has one.

    Every list only warns: the loader accepts more than a list can hold (ids beside labels,
    several values in one cell), so no list may refuse what the loader reads."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from samklang.graph.tables import HEADERS_SV

    header = {
        HEADERS_SV.get(str(c.value or "").strip().lower(), str(c.value or "").strip().lower()): i
        for i, c in enumerate(sheet[1], start=1)  # type: ignore[index]
    }
    hidden = book.create_sheet(LISTS_SHEET)  # type: ignore[attr-defined]
    for col, (column, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(col)
        hidden.cell(row=1, column=col, value=column)
        for row, value in enumerate(values, start=2):
            hidden.cell(row=row, column=col, value=value)
        if column not in header:
            continue
        last = len(values) + 1 + EXTRA_ROWS
        validation = DataValidation(
            type="list",
            formula1=f"={LISTS_SHEET}!${letter}$2:${letter}${last}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle="Värdet finns inte i listan",
            error=f"Värdet finns inte i listan för {column}. Flera värden skrivs åtskilda av "
            "semikolon. Välj Ja för att behålla det ändå.",
        )
        target_letter = get_column_letter(header[column])
        validation.add(f"{target_letter}2:{target_letter}1000")
        sheet.add_data_validation(validation)  # type: ignore[attr-defined]
    hidden.sheet_state = "hidden"


def refresh_template(folder: str | Path, output: str | Path | None = None) -> Path:
    """Write (or refresh) a dataset's XLSX activity template: its drop-down lists hold the
    dataset's organisations, documents and goals. The rows of an existing workbook are kept.

    Args:
        folder: the dataset folder.
        output: the workbook; default ``activities.xlsx`` in the folder.

    Returns:
        The workbook written.

    Raises:
        InputError: a YAML file of the dataset cannot be read.
        UsageError: the folder is not a dataset, or ``output`` is not an ``.xlsx`` file.
    """
    import zipfile
    import zlib

    from samklang.graph.dataset import dataset_files
    from samklang.graph.records import Record, record_from_yaml
    from samklang.graph.schema import ORG_TARGETS
    from samklang.graph.tables import _check_unpacked_size, name_key, organisation_names
    from samklang.graph.yamlfile import Mapping, read_yaml
    from samklang.graph.yamlfile import Sequence as YamlSequence

    source = Path(folder)
    if not source.is_dir():
        raise UsageError(f"{source} is not a dataset folder")
    target = Path(output) if output is not None else source / "activities.xlsx"
    if target.suffix.lower() != ".xlsx":
        raise UsageError(f"{target} is not an .xlsx file; the template is an Excel workbook")
    yaml_files, _, _ = dataset_files(source)
    if not yaml_files:
        raise UsageError(f"{source} holds no YAML files, so it is not a dataset folder")
    goal_sections = ("goal_areas", "goals", "focus_areas")
    records: list[Record] = []
    for file in yaml_files:
        root = read_yaml(file)
        for key, node in root.items.items():
            if key not in (*ORG_TARGETS, "documents", *goal_sections):
                continue
            for item in node.items if isinstance(node, YamlSequence) else [node]:
                if isinstance(item, Mapping):
                    records.append(record_from_yaml(SECTIONS[key], item, file))
    names = organisation_names(records)
    organisations: list[str] = []
    for record in records:
        if record.section in ORG_TARGETS:
            name = record.values.get("name")
            unique = isinstance(name, str) and len(names.get(name_key(name), ())) == 1
            organisations.append(str(name) if unique else record.id)
    documents = [r.id for r in records if r.section == "documents"]
    goals = [r.id for r in records if r.section in goal_sections]
    staging = target.with_name(f".{target.name}.tmp.xlsx")
    try:
        if target.exists():
            _check_unpacked_size(target)  # not a workbook at all: one sentence, as a reader says
            shutil.copyfile(target, staging)
        write_activity_template(staging, organisations, documents, goals)
        staging.replace(target)
    except OSError as err:
        raise UsageError(f"cannot write {target}: {err.strerror or err}") from err
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, EOFError, zlib.error,
            SyntaxError) as err:  # a workbook broken inside (a member, a sheet's XML)
        raise InputError(
            target, None, "is not a readable XLSX workbook; save it from a spreadsheet program "
            "as .xlsx"
        ) from err
    finally:
        staging.unlink(missing_ok=True)
    return target
