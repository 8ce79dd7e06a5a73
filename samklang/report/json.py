"""The JSON report, for programs: ``{"as_of": …, "findings": [{rule, severity, focus, …}]}``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import IO, TYPE_CHECKING

from samklang.report.context import ReportContext
from samklang.report.json_text import write_indented

if TYPE_CHECKING:
    from samklang.queries.finding import Finding
    from samklang.queries.history import LeftOut


def write_json(
    findings: Sequence[Finding],
    stream: IO[str],
    as_of: date,
    left_out: Sequence[LeftOut] = (),
    endpoint: str | None = None,
    graphs: Sequence[str] = (),
) -> None:
    """``{"as_of": …, "left_out": [...], "findings": [{rule, severity, kind, focus, …}]}``.

    Each finding carries every field of ``Finding``, in the order a planner reads:
    ``kind`` is ``defect`` or ``question``; ``items`` lists what a finding of several items of
    one cause names (else ``[]``); ``accepted`` is ``null`` for an open finding and
    ``{"by", "date", "reason"}`` for an accepted one. ``left_out`` names the documents the
    check left out because they did not exist on the reference date. A check of an endpoint
    adds ``"endpoint"`` and ``"graphs"``, the named graphs it read the municipalities from
    (``[]`` when the endpoint's default graph alone holds them).
    """
    head: dict[str, object] = {"as_of": as_of.isoformat()}
    if endpoint is not None:
        head |= {"endpoint": endpoint, "graphs": list(graphs)}
    report = {
        **head,
        "left_out": [
            {"document": d.iri, "title": d.title, "since": d.since.isoformat(), "how": d.how}
            for d in left_out
        ],
        "findings": [f.as_dict() for f in findings],
    }
    write_indented(report, stream)


def write(
    findings: Sequence[Finding],
    stream: IO[str],
    *,
    lang: str,
    as_of: date,
    context: ReportContext,
) -> None:
    """The JSON format as a ``Writer`` (the findings are already in ``lang``)."""
    write_json(findings, stream, as_of, context.left_out, context.endpoint, context.graphs)
