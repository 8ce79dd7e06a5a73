"""Which of ``check``'s findings concern a node: one mechanism for the views that paint gaps.

A finding concerns the nodes among its foci (its items' foci for a grouped finding, else its
own focus), as ``check`` groups them. A view paints a node as missing only where an open
defect of the rules it draws concerns it; an open question as a question; a finding a planner
has accepted as accepted, never as missing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from samklang.queries.finding import Finding


@dataclass
class Concern:
    """The findings of some rules that concern one node, split as ``check`` counts them."""

    open: list[Finding] = field(default_factory=list)
    questions: list[Finding] = field(default_factory=list)
    accepted: list[Finding] = field(default_factory=list)

    @property
    def state(self) -> str:
        """``missing`` (an open defect), ``question`` (only open questions), ``accepted``
        (only accepted findings) or ``""`` (none)."""
        if self.open:
            return "missing"
        if self.questions:
            return "question"
        return "accepted" if self.accepted else ""

    def years(self) -> list[int]:
        """The years the findings name (their ``years`` fact: ``2023–2025``, ``2024, 2026``)."""
        found: set[int] = set()
        for finding in (*self.open, *self.questions, *self.accepted):
            found.update(years_of(finding.facts.get("years", "")))
        return sorted(found)

    def rows(self, accepted_word: str) -> list[dict[str, str]]:
        """The findings as the details panel lists them, open ones first."""
        return [
            {
                "rule": f.rule,
                "severity": f.severity,
                "message": f.message,
                "fix": f.fix,
                **({"accepted": accepted_word} if f.accepted else {}),
            }
            for f in (*self.open, *self.questions, *self.accepted)
        ]


def years_of(text: str) -> list[int]:
    """``2023–2025`` as ``[2023, 2024, 2025]``; ``2024, 2026`` as ``[2024, 2026]``."""
    years: set[int] = set()
    for part in text.split(","):
        bounds = [int(y) for y in re.findall(r"\d{4}", part)]
        if len(bounds) == 2:
            years.update(range(bounds[0], bounds[1] + 1))
        else:
            years.update(bounds)
    return sorted(years)


def concerning(
    findings: Sequence[Finding], rules: Collection[str], ids: Collection[str]
) -> dict[str, Concern]:
    """The findings of ``rules`` that concern each of ``ids``, by node."""
    found: dict[str, Concern] = {}
    for finding in findings:
        if finding.rule not in rules:
            continue
        for focus in dict.fromkeys(finding.foci):
            if focus not in ids:
                continue
            concern = found.setdefault(focus, Concern())
            if finding.accepted:
                concern.accepted.append(finding)
            elif finding.kind == "question":
                concern.questions.append(finding)
            else:
                concern.open.append(finding)
    return found
