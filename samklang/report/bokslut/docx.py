"""The trygghetsbokslut as a Word document (python-docx): Word's own heading styles
(Rubrik 1–5 / Heading 1–5) and tables (*Table Grid*), so that a planner can restyle it with
the municipality's template; a chart per indicator as a PNG image; the notes as numbered
references in superscript and a list at the end (python-docx writes no Word footnotes)."""

from __future__ import annotations

import io
from datetime import datetime

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Cm, Pt
from docx.table import Table

from samklang.report.bokslut.chart import png
from samklang.report.bokslut.model import Bokslut
from samklang.report.bokslut.words import change_text, number


def docx(b: Bokslut) -> bytes:
    """The report as the bytes of a ``.docx`` file."""
    w = b.words
    document = Document()
    properties = document.core_properties
    properties.title = w["title"].format(year=b.year) + f": {b.municipality}"
    properties.author = "samklang"
    properties.created = properties.modified = datetime(b.today.year, b.today.month, b.today.day)
    properties.last_modified_by = "samklang"
    properties.revision = 1

    def paragraph(text: str, note: int | None = None, *, italic: bool = False) -> None:
        p = document.add_paragraph()
        run = p.add_run(text)
        run.italic = italic
        if note:
            p.add_run(f"[{note}]").font.superscript = True

    def cell(table: Table, row: int, column: int, text: str, note: int | None = None) -> None:
        target = table.cell(row, column).paragraphs[0]
        target.add_run(text)
        if note:
            target.add_run(f"[{note}]").font.superscript = True

    document.add_heading(properties.title, level=0)
    paragraph(w["subtitle"].format(name=b.municipality, today=b.today.isoformat()))
    if b.fictional:
        paragraph(w["fictional"], italic=True)

    document.add_heading(w["documents"].format(year=b.year), level=1)
    for title, span in b.documents:
        document.add_paragraph(f"{title} ({span})" if span else title, style="List Bullet")

    document.add_heading(w["goals"], level=1)
    for area in b.areas:
        document.add_heading(area.heading, level=2)
        for goal in area.goals:
            document.add_heading(f"{w['goal']}: {goal.title}", level=3)
            paragraph(" ".join([w["stated_in"].format(document=goal.document), *goal.notes]))
            if not goal.measures:
                reasons = f". {w['because']}: {'; '.join(goal.reasons)}" if goal.reasons else ""
                paragraph(f"{w['verdict']}: {goal.verdict_text}{reasons}.")
            for m in goal.measures:
                document.add_heading(f"{w['indicator']}: {m.indicator}", level=4)
                rows: list[tuple[str, str, int | None]] = [
                    (w["source"], m.source, None),
                    (w["baseline"], m.baseline_text, m.baseline_note),
                    (w["target"], m.target_text, None),
                    (
                        w["year_value"].format(year=b.year),
                        number(m.year_point.value, b.lang)
                        if m.year_point
                        else w["no_year_value"].format(year=b.year),
                        m.year_point.note if m.year_point else None,
                    ),
                    (
                        f"{w['national']} {b.year}",
                        number(m.national.value, b.lang) if m.national else w["no_national"],
                        m.national.note if m.national else None,
                    ),
                    (
                        w["comparison"],
                        f"{number(m.comparison, b.lang)} ({m.comparison_period})"
                        if m.comparison is not None
                        else "–",
                        None,
                    ),
                    (w["change"], change_text(m.change, m.change_unit, b.lang), None),
                    (
                        w["verdict"],
                        m.verdict_text + (f": {'; '.join(m.reasons)}" if m.reasons else ""),
                        m.verdict_note,
                    ),
                ]
                table = document.add_table(rows=len(rows), cols=2, style="Table Grid")
                for i, (label, text, note) in enumerate(rows):
                    cell(table, i, 0, label)
                    cell(table, i, 1, text, note)
                if m.points:
                    document.add_picture(io.BytesIO(png(m, b)), width=Cm(15))
                    paragraph(f"{w['trend']} ({m.unit})")
                    trend = document.add_table(rows=len(m.points) + 1, cols=2, style="Table Grid")
                    cell(trend, 0, 0, w["year"])
                    cell(trend, 0, 1, w["value"])
                    for i, p in enumerate(m.points, start=1):
                        cell(trend, i, 0, str(p.year))
                        cell(trend, i, 1, number(p.value, b.lang), p.note)

    def orient(landscape: bool) -> None:
        """A new section, on a new page, in landscape (for the wide table) or portrait."""
        section = document.add_section(WD_SECTION.NEW_PAGE)
        width, height = section.page_width, section.page_height
        if landscape != (width > height):
            section.page_width, section.page_height = height, width
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT

    orient(landscape=bool(b.activities))
    document.add_heading(w["activities"].format(year=b.year), level=1)
    if b.activities:
        for line in b.share_lines:
            paragraph(line)
        headings = [
            w["activity"],
            w["document"],
            w["responsible"],
            w["status"],
            w["planned_output"],
            w["reported_output"].format(year=b.year),
            w["known"],
        ]
        table = document.add_table(
            rows=len(b.activities) + 1, cols=len(headings), style="Table Grid"
        )
        for j, text in enumerate(headings):
            cell(table, 0, j, text)
        for i, a in enumerate(b.activities, start=1):
            for j, text in enumerate((a.title, a.document, a.responsible, a.status, a.planned)):
                cell(table, i, j, text)
            cell(table, i, 5, a.reported, a.reported_note)
            cell(table, i, 6, a.known)
        table.autofit = False
        widths = (4.5, 2.8, 3.3, 2.2, 3, 2.2, 6.5)  # cm: 24.5 of the 24.6 between the margins
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            for each, width in zip(row.cells, widths, strict=True):
                each.width = Cm(width)
                for run in each.paragraphs[0].runs:
                    run.font.size = Pt(9)
    else:
        paragraph(w["no_activities"].format(year=b.year))
    if b.reports:
        document.add_heading(w["reports"].format(year=b.year), level=2)
        for title, known in b.reports:
            document.add_paragraph(f"{title}: {known}" if known else title, style="List Bullet")

    if b.activities:
        orient(landscape=False)
    document.add_heading(w["missing"], level=1)
    for line in b.missing:
        document.add_paragraph(line, style="List Bullet")
    if not b.missing:
        paragraph(w["missing_nothing"])

    document.add_heading(w["caveats"], level=1)
    if b.caveats:
        paragraph(b.caveat_scope)
        for line in b.caveats:
            document.add_paragraph(line, style="List Bullet")
    else:
        paragraph(w["caveats_none" if b.measures() else "caveats_no_indicators"])

    document.add_heading(w["decision"], level=1)
    paragraph(w["decision_text"])
    paragraph(w["decision_note"], italic=True)

    if b.notes:
        document.add_heading(w["notes"], level=1)
        for entry in b.notes:
            paragraph(f"[{entry.number}] {entry.text}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
