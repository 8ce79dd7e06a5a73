"""Golden tests: every shipped example gives exactly its recorded findings, on both engines,
in reading order, each with its kind, its items and its Swedish message (so that a change of
wording shows in review).

``fiktivby`` (fictional) is built so that every rule of the catalogue fires at least once;
``fiktivby-rattad`` is the same municipality with every defect corrected, so none fires.
To record a deliberate change: ``python -m tests.test_examples`` rewrites tests/golden/.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from samklang.graph.source_kind import load_dataset
from samklang.graph.store import open_store
from samklang.queries.check import check
from samklang.queries.rule import catalogue

from .conftest import EXAMPLES

AS_OF = date(2026, 11, 25)
GOLDEN = Path(__file__).parent / "golden"
EXAMPLE_NAMES = ["fiktivby", "fiktivby-rattad", "vetlanda"]


def local(iri: str | None) -> str | None:
    return iri.rsplit("/", 1)[-1] if iri else None


def findings_of(name: str, engine: str) -> list[dict]:
    dataset = load_dataset(EXAMPLES / name)
    store = open_store(engine)
    store.add(dataset.quads)
    return [
        {
            "rule": f.rule,
            "severity": f.severity,
            "kind": f.kind,
            "focus": local(f.focus),
            "document": local(f.document),
            "items": [local(i.focus) for i in f.items],
            "accepted": f.accepted is not None,
            "message": f.message,
        }
        for f in check(dataset, as_of=AS_OF, store=store)
    ]


@pytest.mark.parametrize("engine", ["memory", "rdflib"])
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example_matches_its_golden_findings(name: str, engine: str) -> None:
    expected = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    assert findings_of(name, engine) == expected


def test_every_rule_fires_in_the_fictional_example() -> None:
    fired = {f["rule"] for f in json.loads((GOLDEN / "fiktivby.json").read_text())}
    assert fired == set(catalogue())


def test_the_corrected_example_has_no_findings() -> None:
    assert json.loads((GOLDEN / "fiktivby-rattad.json").read_text()) == []


def test_examples_say_they_are_fictional() -> None:
    for name in ("fiktivby", "fiktivby-rattad"):
        readme = (EXAMPLES / name / "README.md").read_text(encoding="utf-8")
        assert "fiktiv" in readme.lower() and "fictional" in readme.lower()
        for path in (EXAMPLES / name).glob("*.yaml"):
            head = path.read_text(encoding="utf-8")[:400].lower()
            assert "fiktiv" in head, path


if __name__ == "__main__":
    for example in EXAMPLE_NAMES:
        text = json.dumps(findings_of(example, "memory"), ensure_ascii=False, indent=1)
        (GOLDEN / f"{example}.json").write_text(text + "\n", encoding="utf-8")
        print("wrote", GOLDEN / f"{example}.json")
