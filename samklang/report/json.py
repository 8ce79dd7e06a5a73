"""The JSON report, for programs: ``{"as_of": …, "findings": [{rule, severity, focus, …}]}``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import IO, TYPE_CHECKING

from samklang.report.context import ReportContext

if TYPE_CHECKING:
    from samklang.queries.check import Finding


def write_json(findings: Sequence[Finding], stream: IO[str], as_of: date) -> None:
    """``{"as_of": …, "findings": [{rule, severity, focus, document, message, …}]}``.

    Each finding carries every field of ``Finding``: ``accepted`` is ``null`` for an open
    finding and ``{"by", "date", "reason"}`` for an accepted one.
    """
    json.dump(
        {"as_of": as_of.isoformat(), "findings": [f.as_dict() for f in findings]},
        stream,
        ensure_ascii=False,
        indent=2,
    )
    stream.write("\n")


def write(
    findings: Sequence[Finding],
    stream: IO[str],
    *,
    lang: str,
    as_of: date,
    context: ReportContext,
) -> None:
    """The JSON format as a ``Writer`` (the findings are already in ``lang``)."""
    write_json(findings, stream, as_of)
