"""Rerun the example commands in the docs and write their real output back.

Every fenced ``text`` block in ``docs/*.md`` and ``README.md`` that starts with a line
``$ samklang …`` is an example: the command is run from the repository root (120 columns, no
colour) and the block's remaining lines become its output, so the docs show what the tool
prints today. Run it after a change of wording or of the examples:

    python docs/refresh_examples.py            # rewrite the blocks
    python docs/refresh_examples.py --check    # exit 1 naming the blocks that are stale

``tests/test_docs.py`` runs it with ``--check`` (a test marked ``slow``).

Commands that write a file (``-o``) or start a server are left alone: a block is refreshed only
when its command is a plain read (``check``, ``rules``, ``stats``, ``query``, ``explain``…).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"^```text\n(\$ samklang [^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
SKIP = re.compile(r"\s(-o|--output|serve|load|init|template|ingest|accept)\b")


def run(command: str) -> str:
    """The output of one example command, as a terminal of 120 columns shows it."""
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb"}
    argv = [
        sys.executable, "-c", "from samklang.cli import main; main()",
        *shlex.split(command.removeprefix("$ samklang ")),
    ]
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    return "".join(line.rstrip() + "\n" for line in (done.stdout + done.stderr).splitlines())


def refresh(text: str) -> tuple[str, list[str]]:
    """The text with every example block rerun, and the commands whose output changed."""
    stale: list[str] = []

    def replace(match: re.Match[str]) -> str:
        command, old = match[1], match[2]
        if SKIP.search(command):
            return match[0]
        new = run(command)
        if not new.endswith("\n"):
            new += "\n"
        if new != old:
            stale.append(command)
        return f"```text\n{command}\n{new}```"

    return BLOCK.sub(replace, text), stale


def main(argv: list[str]) -> int:
    check = "--check" in argv
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    stale_anywhere = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        new, stale = refresh(text)
        stale_anywhere += [f"{path.relative_to(ROOT)}: {c}" for c in stale]
        if stale and not check:
            path.write_text(new, encoding="utf-8")
    for line in stale_anywhere:
        print(("stale " if check else "refreshed ") + line)
    return 1 if check and stale_anywhere else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
