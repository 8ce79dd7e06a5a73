"""The quality figures of `samklang ingest` as Markdown tables, per document and per kind.

    python -m tests.ingest.quality               # print the tables
    python -m tests.ingest.quality --write-docs  # write them into docs/ingest.md

The figures are those of ``tests/test_ingest_quality.py`` (strict: a fact counts only in its
exact canonical form and on the right record), for its development and held-out documents.
``--write-docs`` replaces what stands between the two marker lines (``BEGIN``, ``END``) in
docs/ingest.md; ``test_docs_quality_tables_are_current`` fails when the text there is not what
this writes, so the figures in the docs are always the ones the code gives. Nothing here
depends on the machine or its load.

One more column: **named, not listed** counts the organisations found in a document whose
name no expected fact of that document holds (in any kind): bodies a document names that the
expected-facts file leaves out because it records only the plan's actors (an author in a list
of sources, an authority named in passing). Issue 14 does not count them against precision;
the tables give the strict precision and, beside it, the precision without them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from samklang.graph.ingest import ingest
from tests.test_ingest_quality import (
    DOCUMENTS,
    HELD_OUT,
    KINDS,
    OPTIONAL_KINDS,
    canonical,
    expected,
    norm,
    scores,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "ingest.md"
BEGIN = "<!-- quality tables: written by `python -m tests.ingest.quality --write-docs` -->"
END = "<!-- end of the quality tables -->"

Results = dict[str, tuple[dict[str, set[str]], dict[str, set[str]]]]


def measure(tmp: Path) -> Results:
    """Found and expected facts per document, as ``test_ingest_quality``'s ``results``."""
    out: Results = {}
    for stem, make in DOCUMENTS.items():
        found = canonical(ingest(make(tmp)))
        want = expected(stem)
        got = {k: {norm(v) for v in found.get(k, set())} for k in KINDS + OPTIONAL_KINDS}
        for kind in OPTIONAL_KINDS:
            if kind not in want:
                got[kind] = want[kind] = set()
        out[stem] = (got, want)
    return out


def named_not_listed(results: Results, stem: str) -> int:
    """Organisations found in ``stem`` that are not expected and whose name no expected fact
    of the document holds (``organisation`` facts are ``TYPE NAME``)."""
    got, want = results[stem]
    listed = " | ".join(fact for facts in want.values() for fact in facts)
    count = 0
    for fact in got["organisation"] - want["organisation"]:
        name = fact.split(" ", 1)[1] if " " in fact else fact
        if name not in listed:
            count += 1
    return count


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "—"


def _total(results: Results, stems: set[str]) -> tuple[int, int, int]:
    table = scores(results, stems)
    return (
        sum(v[0] for v in table.values()),
        sum(v[1] for v in table.values()),
        sum(v[2] for v in table.values()),
    )


def markdown(results: Results) -> str:
    """The two tables: per document, and per kind over the development and held-out sets."""
    development = set(DOCUMENTS) - HELD_OUT
    lines = [
        "| Document | Type | Set | Precision | Recall | Correct/found/expected "
        "| Named, not listed |",
        "|---|---|---|---|---|---|---|",
    ]
    for stem in DOCUMENTS:
        tp, found, wanted = _total(results, {stem})
        own = next(iter(results[stem][1]["own"]), "-").split()[0]
        kind = "held out" if stem in HELD_OUT else "development"
        lines.append(
            f"| {stem} | {own} | {kind} | {_ratio(tp, found)} | {_ratio(tp, wanted)} "
            f"| {tp}/{found}/{wanted} | {named_not_listed(results, stem)} |"
        )
    for label, stems in (("Development", development), ("Held out", HELD_OUT)):
        if not stems:
            continue
        tp, found, wanted = _total(results, stems)
        extra = sum(named_not_listed(results, s) for s in stems)
        lines.append(
            f"| **{label}, {len(stems)} documents** | | | **{_ratio(tp, found)}** "
            f"| **{_ratio(tp, wanted)}** | {tp}/{found}/{wanted} | {extra} |"
        )
    lenient = []
    for label, stems in (("development", development), ("held out", HELD_OUT)):
        if stems:
            tp, found, _ = _total(results, stems)
            extra = sum(named_not_listed(results, s) for s in stems)
            lenient.append(f"{label} {_ratio(tp, found - extra)}")
    lines.append("")
    lines.append(
        "Not counting the organisations named but not listed, precision is "
        + "; ".join(lenient)
        + "."
    )
    lines.append("")
    sets = [("Development", development), ("Held out", HELD_OUT)]
    sets = [(label, stems) for label, stems in sets if stems]
    header = "| Kind | " + " | ".join(
        f"{label}: precision | recall | correct/found/expected" for label, _ in sets
    )
    lines.append(header + " |")
    lines.append("|---|" + "---|---|---|" * len(sets))
    tables = [scores(results, stems) for _, stems in sets]
    for kind in KINDS + OPTIONAL_KINDS:
        cells = []
        for table in tables:
            tp, found, wanted = table[kind]
            cells.append(f"{_ratio(tp, found)} | {_ratio(tp, wanted)} | {tp}/{found}/{wanted}")
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def docs_block(text: str | None = None) -> str:
    """What stands between the markers in docs/ingest.md (``text``: its content)."""
    text = DOCS.read_text(encoding="utf-8") if text is None else text
    start = text.index(BEGIN) + len(BEGIN) + 1
    return text[start : text.index(END, start)]


def write_docs(tables: str) -> bool:
    """Put ``tables`` between the markers in docs/ingest.md; whether it changed."""
    text = DOCS.read_text(encoding="utf-8")
    old = docs_block(text)
    if old == tables:
        return False
    start = text.index(BEGIN) + len(BEGIN) + 1
    DOCS.write_text(text[:start] + tables + text[start + len(old) :], encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.ingest.quality", description=__doc__)
    parser.add_argument(
        "--write-docs", action="store_true", help="write the tables into docs/ingest.md"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tables = markdown(measure(Path(tmp)))
    if args.write_docs:
        changed = write_docs(tables)
        print(f"{DOCS}: {'written' if changed else 'already current'}")
    else:
        sys.stdout.write(tables)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
