"""Docs that cannot drift: every command, option, field and rule is documented."""

from __future__ import annotations

import click
import pytest

from samklang.cli import cli
from samklang.graph.schema import SECTIONS
from samklang.queries.rule import catalogue

from .conftest import ROOT

CLI_DOC = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))
INPUT_DOC = (ROOT / "docs" / "input-format.md").read_text(encoding="utf-8")
RULES_DOC = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_and_option_is_documented(name: str) -> None:
    """Each command has a section ``## samklang NAME`` in a file of docs/ naming its options."""
    assert f"## samklang {name}" in CLI_DOC
    section = CLI_DOC.split(f"## samklang {name}", 1)[1].split("\n## ", 1)[0]
    for param in cli.commands[name].params:
        if isinstance(param, click.Option):
            assert any(opt in section for opt in param.opts), f"{name} {param.opts}"


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_every_field_is_in_docs_input_format(section: str) -> None:
    assert f"`{section}`" in INPUT_DOC or f"`{section}:`" in INPUT_DOC
    for field in SECTIONS[section].fields:
        assert f"`{field.name}`" in INPUT_DOC, f"{section}.{field.name}"
        for sub in field.subfields:
            assert f"`{field.name}.{sub.name}`" in INPUT_DOC, f"{section}.{field.name}.{sub.name}"


@pytest.mark.parametrize("rule_id", sorted(catalogue()))
def test_every_rule_is_in_docs_rules(rule_id: str) -> None:
    assert rule_id in RULES_DOC
    assert catalogue()[rule_id].title["sv"] in RULES_DOC


def test_readme_quick_start_has_exactly_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [line[2:] for line in quick.splitlines() if line.startswith("$ ")]
    assert commands == [
        'pip install -e ".[test]" && samklang check examples/vetlanda',
        ".ci/system-packages && pytest",
    ]
