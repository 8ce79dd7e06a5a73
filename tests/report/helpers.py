"""Shared by the report tests: Vetlanda's findings, a renderer, accepted and hostile findings,
the sections a report should show, and documents left out as not yet existing."""

from __future__ import annotations

import functools
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

from samklang.graph.dataset import Dataset
from samklang.graph.source_kind import load_dataset
from samklang.queries.check import check
from samklang.queries.finding import Finding
from samklang.queries.history import LeftOut
from samklang.queries.rule import GROUPS
from samklang.report import FORMATS, ReportContext
from samklang.report.words import WORDS

from ..conftest import VETLANDA, copy_vetlanda

AS_OF = date(2026, 11, 25)
SCHEMA = Path(__file__).with_name("sarif-schema-2.1.0.json")

IMG = "<img src=x onerror=alert(1)>"
STYLE = "</style><script>alert(1)</script>"
PIPE = "Plan | del 2 *viktig* [länk](javascript:alert(1))"


@functools.cache
def vetlanda() -> Dataset:
    """The bundled example, loaded once."""
    return load_dataset(VETLANDA)


@functools.cache
def findings(lang: str = "sv") -> tuple[Finding, ...]:
    """Vetlanda's findings as of 2026-11-25."""
    return tuple(check(vetlanda(), as_of=AS_OF, lang=lang))


def context(**changes: object) -> ReportContext:
    """The context of a check of Vetlanda, with ``changes``."""
    return replace(ReportContext.from_dataset(vetlanda()), **changes)  # type: ignore[arg-type]


def render(
    name: str,
    found: tuple[Finding, ...] | list[Finding],
    *,
    lang: str = "sv",
    ctx: ReportContext | None = None,
) -> str:
    """The report in format ``name``."""
    out = io.StringIO()
    FORMATS[name](found, out, lang=lang, as_of=AS_OF, context=ctx or context())
    return out.getvalue()


ACCEPTANCE = {
    "by": "Anna Andersson, trygghetssamordnare",
    "date": "2026-11-20",
    "reason": "Vetlanda följer den förskjutna mandatperioden 2020–2023 enligt KF-beslut.",
}


def with_accepted(found: tuple[Finding, ...], rule: str | None = None) -> list[Finding]:
    """``found`` with the first finding of ``rule`` (default: the first warning) accepted."""
    out, done = [], False
    for f in found:
        if (f.rule == rule if rule else f.severity == "warning") and not done:
            f, done = replace(f, accepted=dict(ACCEPTANCE)), True
        out.append(f)
    assert done, f"no {rule} finding to accept"
    return out


def hostile_copy(tmp_path: Path) -> Path:
    """A copy of Vetlanda whose names carry HTML and Markdown payloads."""
    target = copy_vetlanda(tmp_path / "vetlanda")
    programme = target.parent / "hoglandets-raddningstjanstforbund" / "programmet.yaml"
    text = programme.read_text(encoding="utf-8")
    text = text.replace("title: Handlingsprogram skydd och säkerhet", f"title: '{STYLE}'", 1)
    programme.write_text(text, encoding="utf-8")
    documents = target / "documents.yaml"
    text = documents.read_text(encoding="utf-8")
    text = text.replace("title: Plan för brottsförebyggande arbete", f"title: '{IMG}'", 1)
    text = text.replace(
        "title: Samverkansöverenskommelse mellan polis och kommun", f"title: '{PIPE}'", 1
    )
    documents.write_text(text, encoding="utf-8")
    municipality = target / "municipality.yaml"
    text = municipality.read_text(encoding="utf-8")
    municipality.write_text(text.replace("name: Vetlanda kommun", f"name: '{STYLE}'", 1), "utf-8")
    return target


def hostile(tmp_path: Path, lang: str = "sv") -> tuple[list[Finding], ReportContext]:
    """Findings and context of the hostile copy."""
    dataset = load_dataset(hostile_copy(tmp_path))
    return check(dataset, as_of=AS_OF, lang=lang), ReportContext.from_dataset(dataset)


def section_keys(found: tuple[Finding, ...] | list[Finding]) -> list[str]:
    """The sections a report of ``found`` has, worked out from the findings alone: each rule
    group with a defect, in ``GROUPS`` order, then ``questions`` if any finding is a question."""
    keys = [g for g in GROUPS if any(f.kind == "defect" and f.group == g for f in found)]
    return keys + (["questions"] if any(f.kind == "question" for f in found) else [])


def section_titles(found: tuple[Finding, ...] | list[Finding], lang: str = "sv") -> list[str]:
    """The headings of ``section_keys(found)`` in ``lang``."""
    return [WORDS[lang][f"section_{key}"] for key in section_keys(found)]


def grouped(found: tuple[Finding, ...] | list[Finding], rule: str) -> Finding:
    """The first finding of ``rule`` that groups several items."""
    return next(f for f in found if f.rule == rule and len(f.items) > 1)


LEFT_OUT = (
    LeftOut(
        iri="https://w3id.org/samklang/data/0685/medborgarlofte-2027",
        title="Medborgarlöfte 2027",
        since=date(2027, 1, 15),
        how="decided",
    ),
    LeftOut(
        iri="https://w3id.org/samklang/data/0685/hostile",
        title=f"{IMG} {PIPE}",
        since=date(2027, 3, 1),
        how="period",
    ),
)
"""Two documents that did not exist on ``AS_OF``: one decided later, one (with a hostile title)
whose period starts later and whose decision is not recorded."""
