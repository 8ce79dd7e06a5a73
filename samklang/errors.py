"""The few exceptions the library raises. Only the CLI turns them into messages and exit codes."""

from __future__ import annotations

from pathlib import Path


class SamklangError(Exception):
    """Base class of every error samklang raises on purpose."""


class InputError(SamklangError):
    """An input file is malformed or refers to something that does not exist.

    Attributes:
        path: the file at fault.
        location: where in it: ``"line 12"`` or ``"sheet Aktiviteter, row 4"``, or ``None``.
        problem: one sentence (no trailing full stop) saying what is wrong and what was expected.
    """

    def __init__(self, path: Path | str, location: str | None, problem: str) -> None:
        self.path = Path(path)
        self.location = location
        self.problem = problem
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}, {self.location}" if self.location else f"{self.path}"
        return f"{where}: {self.problem}."


def at_line(line: int | None) -> str | None:
    """Render a 1-based line number as a location, or ``None`` if unknown."""
    return f"line {line}" if line else None


class UsageError(SamklangError):
    """The caller asked for something that cannot be done (unknown rule, bad parameter value)."""
