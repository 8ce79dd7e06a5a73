"""What a report needs besides the findings, and the one signature every format's writer has."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

from samklang.queries.rule import Rule, catalogue

if TYPE_CHECKING:
    from samklang.graph.dataset import Dataset
    from samklang.queries.finding import Finding
    from samklang.queries.history import LeftOut


@dataclass(frozen=True)
class ReportContext:
    """What some formats need to know about the run, beyond the findings.

    Attributes:
        name: the municipality's (dataset's) name, for titles; ``None`` if unknown.
        code: its SCB municipality code, or ``None``.
        path: the dataset folder; SARIF resolves the findings' files against it.
        rules: the rule catalogue (SARIF lists every rule; HTML counts them).
        selected: IDs of the rules that were run, or ``None`` for all of ``rules``; SARIF
            marks the others as not enabled, so a missing result is not read as a pass.
        terminal: the text format writes to a terminal (colours, the terminal's width).
        source_root: the folder SARIF file locations are relative to, e.g. the root of the
            repository the plan files are kept in, so that code-review tools find the files;
            ``None`` for the dataset folder itself.
        left_out: the documents the check left out because they did not yet exist on the
            reference date (``samklang.queries.history``); the text, Markdown, HTML and JSON
            reports name them.
        graphs: the named graphs a check of an endpoint read the municipalities from
            (``SparqlStore.probe``); the text, Markdown and JSON reports name them. Empty
            for a dataset, a store, or an endpoint whose default graph alone holds them.
        endpoint: the endpoint checked, or ``None``.
        datasets: the dataset folders (or plan documents) of a check of several at once, as
            given; the reports then name each finding's dataset with its file, and SARIF
            writes its file locations relative to the source root (or as absolute URIs).
            Empty for one dataset (``path``), a store or an endpoint.
    """

    name: str | None = None
    code: str | None = None
    path: Path | None = None
    rules: Mapping[str, Rule] = field(default_factory=catalogue)
    selected: frozenset[str] | None = None
    terminal: bool = False
    source_root: Path | None = None
    left_out: tuple[LeftOut, ...] = ()
    graphs: tuple[str, ...] = ()
    endpoint: str | None = None
    datasets: tuple[Path, ...] = ()

    @classmethod
    def from_dataset(
        cls,
        dataset: Dataset,
        *,
        rules: Sequence[Rule] | None = None,
        terminal: bool = False,
        left_out: Sequence[LeftOut] = (),
    ) -> ReportContext:
        """The context of a check of ``dataset``, with ``rules`` run (default: all).

        >>> from samklang.graph.source_kind import load_dataset
        >>> dataset = load_dataset("examples/vetlanda")  # doctest: +SKIP
        >>> context = ReportContext.from_dataset(dataset)  # doctest: +SKIP
        >>> context.name, context.code  # doctest: +SKIP
        ('Vetlanda kommun', '0685')
        """
        return cls(
            name=dataset.name,
            code=dataset.code,
            path=dataset.path,
            selected=frozenset(r.id for r in rules) if rules is not None else None,
            terminal=terminal,
            left_out=tuple(left_out),
        )


class Writer(Protocol):
    """A report format: writes ``findings`` to ``stream`` in full.

    Args:
        findings: the findings, as ``samklang.queries.check.check`` returns them (most severe
            first).
        stream: a text stream to write to.
        lang: ``sv`` or ``en``: the language of the report's own words (the findings' messages
            are already in the language they were checked in).
        as_of: the reference date of the check.
        context: what else the format may need.
    """

    def __call__(
        self,
        findings: Sequence[Finding],
        stream: IO[str],
        *,
        lang: str,
        as_of: date,
        context: ReportContext,
    ) -> None: ...
