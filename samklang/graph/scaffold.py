"""``samklang init``: a new municipality's dataset, ready for a planner to fill in."""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

from samklang.errors import UsageError
from samklang.graph.schema import SECTIONS, parse_code
from samklang.graph.tables import SHEET
from samklang.ontology.vocabulary import vocabularies

LISTS_SHEET = "Listor"


def slug(text: str) -> str:
    """An id from a name: ``Vetlanda kommun`` → ``vetlanda-kommun``."""
    folded = unicodedata.normalize("NFKD", text.lower())
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "kommun"


def _yaml_text(name: str, code: str, municipality_id: str) -> dict[str, str]:
    return {
        "municipality.yaml": f"""\
# {name}: kommunen, organisationerna och grupperna. Se docs/input-format.md.
municipality:
  id: {municipality_id}
  name: {name}
  code: "{code}"

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
    staging = Path(
        tempfile.mkdtemp(
            prefix=".samklang-init-",
            dir=target.parent.resolve() if target.parent.exists() else None,
        )
    )
    try:
        for file_name, text in _yaml_text(name, code, municipality_id).items():
            (staging / file_name).write_text(text, encoding="utf-8")
        write_activity_template(staging / "activities.xlsx", [municipality_id])
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.rmdir()
        shutil.move(str(staging), str(target))
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return sorted(target.iterdir())


def write_activity_template(path: Path, organisations: list[str]) -> None:
    """An XLSX activity list: a header row and drop-down lists for the coded columns."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    vocab = vocabularies()
    columns = [f.name for f in SECTIONS["activities"].fields]
    lists = {
        "kind": sorted(vocab.schemes["kind"].ids),
        "domain": sorted(vocab.schemes["domain"].ids),
        "factors": sorted(vocab.schemes["factor"].ids),
        "status": sorted(vocab.schemes["status"].ids),
        "responsible": organisations,
    }
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    hidden = book.create_sheet(LISTS_SHEET)
    for col, (column, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(col)
        hidden.cell(row=1, column=col, value=column)
        for row, value in enumerate(values, start=2):
            hidden.cell(row=row, column=col, value=value)
        # Leave room for organisations the planner adds to the list later.
        last = len(values) + 1 + (50 if column == "responsible" else 0)
        validation = DataValidation(
            type="list",
            formula1=f"={LISTS_SHEET}!${letter}$2:${letter}${last}",
            allow_blank=True,
            showErrorMessage=column != "factors",
            errorTitle="Okänt värde",
            error=f"Välj ett värde ur listan för {column}.",
        )
        target_letter = get_column_letter(columns.index(column) + 1)
        validation.add(f"{target_letter}2:{target_letter}1000")
        sheet.add_data_validation(validation)
    hidden.sheet_state = "hidden"
    book.save(path)
