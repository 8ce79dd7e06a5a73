"""Draw the package's imports between its top-level parts, as a Mermaid graph in
docs/architecture.md, from the code itself (grimp, the library import-linter uses).

    python docs/import_graph.py            # rewrite the graph in docs/architecture.md
    python docs/import_graph.py --check    # exit 1 if the graph there is not the code's

An arrow ``a --> b`` says that some module of ``a`` imports some module of ``b``; imports
under ``if TYPE_CHECKING:`` are left out, as the import contract leaves them out.
"""

from __future__ import annotations

import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
START, END = "<!-- import-graph -->", "<!-- /import-graph -->"


def part(module: str) -> str:
    """The top-level part of the package a module belongs to (``graph``, ``queries``…)."""
    return module.split(".")[1] if module.count(".") else module


def edges() -> list[tuple[str, str]]:
    """Every (importer part, imported part) pair, sorted."""
    sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph("samklang", exclude_type_checking_imports=True)
    found = set()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            a, b = part(module), part(imported)
            if a != b and "samklang" not in (a, b):
                found.add((a, b))
    return sorted(found)


def mermaid() -> str:
    lines = ["```mermaid", "graph LR"]
    lines += [f"  {a} --> {b}" for a, b in edges()]
    lines.append("```")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    text = DOC.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    new = f"{head}{START}\n{mermaid()}\n{END}{tail}"
    if "--check" in argv:
        if new != text:
            print("docs/architecture.md: the import graph is stale; run docs/import_graph.py")
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
