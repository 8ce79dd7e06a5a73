"""Exit statuses of the ``samklang`` command, defined once."""

from enum import IntEnum


class ExitStatus(IntEnum):
    """What the process exit code means."""

    OK = 0
    """Nothing found at or above the ``--fail-on`` severity."""
    FINDINGS = 1
    """Findings at or above the ``--fail-on`` severity."""
    BAD_INPUT = 2
    """Bad input files, or bad usage of the command."""
