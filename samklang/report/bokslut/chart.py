"""A chart per indicator: its values over the years as a line, the baseline and the target
marked. matplotlib draws it (Agg, no display), imported only when a bokslut is drawn; the
output is the same for the same data (no dates in the files, a fixed SVG hash salt)."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from samklang.report.bokslut.model import Bokslut, MeasureSection
from samklang.report.bokslut.words import WORDS, number


def _figure(m: MeasureSection, bokslut: Bokslut) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    plt.rcParams.update({"svg.hashsalt": "samklang", "svg.fonttype": "none", "font.size": 9})
    words = WORDS[bokslut.lang]
    years = [p.year for p in m.points]
    values = [float(p.value) for p in m.points]
    figure, axes = plt.subplots(figsize=(6.0, 2.6), dpi=100)
    axes.plot(years, values, marker="o", color="#1f4e79", label=m.indicator[:60])
    if m.baseline is not None and m.baseline_start is not None:
        end = m.baseline_end or m.baseline_start
        axes.hlines(
            float(m.baseline),
            m.baseline_start - 0.3,
            end + 0.3,
            colors="#7f7f7f",
            linestyles="dashed",
            label=f"{words['chart_baseline']} {number(m.baseline, bokslut.lang)}",
        )
    if m.target_value is not None and m.target_year is not None:
        axes.plot(
            [m.target_year],
            [float(m.target_value)],
            marker="*",
            markersize=12,
            linestyle="none",
            color="#c00000",
            label=f"{words['chart_target'].format(year=m.target_year)} "
            f"{number(m.target_value, bokslut.lang)}",
        )
    last = max([*years, m.target_year or 0, bokslut.year])
    first = min([*years, m.baseline_start or last])
    axes.set_xlim(first - 0.5, last + 0.5)
    axes.set_xticks(range(first, last + 1, max(1, (last - first) // 8 + 1)))
    axes.set_ylabel(m.unit)
    axes.yaxis.set_major_formatter(
        FuncFormatter(lambda value, _: number(Decimal(f"{float(value):.6f}"), bokslut.lang))
    )
    axes.grid(axis="y", color="#dddddd")
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="best", frameon=False, fontsize=8)
    figure.tight_layout()
    return figure


def svg(m: MeasureSection, bokslut: Bokslut) -> str:
    """The chart as an SVG element to put inline in a page (no XML declaration)."""
    import matplotlib.pyplot as plt

    figure = _figure(m, bokslut)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def png(m: MeasureSection, bokslut: Bokslut) -> bytes:
    """The chart as a PNG image (150 dpi, for a Word document)."""
    import matplotlib.pyplot as plt

    figure = _figure(m, bokslut)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()
