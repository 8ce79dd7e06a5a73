"""Docs that cannot drift: every command, option, field and rule is documented."""

from __future__ import annotations

import difflib
import importlib.util
import subprocess
import sys
from types import ModuleType

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


def _script(name: str) -> ModuleType:
    """A script of docs/ (not a package), imported by its path."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "docs" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RULES_CATALOGUE = _script("rules_catalogue")


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


def test_the_rule_catalogue_is_written_from_the_rule_headers() -> None:
    """docs/rules.md's catalogue is what docs/rules_catalogue.py writes from the headers today."""
    expected = RULES_CATALOGUE.render(RULES_DOC)
    if expected != RULES_DOC:
        diff = difflib.unified_diff(
            RULES_DOC.splitlines(), expected.splitlines(), "docs/rules.md", "written", n=1,
            lineterm="",
        )
        shown = "\n".join(list(diff)[:40])
        pytest.fail(
            "docs/rules.md is not what the rule headers say; run: python docs/rules_catalogue.py"
            f"\n{shown}",
            pytrace=False,
        )


@pytest.mark.parametrize("rule_id", sorted(catalogue()))
def test_every_message_of_a_rule_is_in_docs_rules_word_for_word(rule_id: str) -> None:
    rule = catalogue()[rule_id]
    for key in ("message", "grouped", "question", "question_grouped", "fix"):
        for lang, text in getattr(rule, key).items():
            assert f'"{text}"' in RULES_DOC or f": {text}\n" in RULES_DOC, f"{key} {lang}: {text}"
    for lang in ("sv", "en"):
        assert rule.basis[lang] in RULES_DOC, f"basis {lang}"
        for code, words in rule.phrases.items():
            assert f'{lang} "{words[lang]}"' in RULES_DOC, f"phrase {code} {lang}"
    assert f"<{rule.url}>" in RULES_DOC


@pytest.mark.parametrize("rule_id", sorted(catalogue()))
def test_every_rule_has_its_hand_written_parts(rule_id: str) -> None:
    """What no header says (what the rule finds, an example) is written for every rule."""
    kept = {
        m["part"]: m["text"]
        for m in RULES_CATALOGUE.KEEP.finditer(RULES_DOC)
        if m["rule"] == rule_id
    }
    assert set(kept) == {"finds", "example"}
    assert "- **Finds:**" in kept["finds"] and "(to be written)" not in kept["finds"]
    assert "$ samklang check " in kept["example"] and f"--rules {rule_id}" in kept["example"]


def test_the_catalogue_keeps_hand_written_prose_and_refuses_it_for_no_rule() -> None:
    rules = {rule_id: catalogue()[rule_id] for rule_id in ("PER-MISSING", "REF-STALE")}
    # prose kept for a rule that is gone is not silently dropped
    with pytest.raises(RULES_CATALOGUE.CatalogueError, match="CHAIN-BASIS, which is no rule"):
        RULES_CATALOGUE.render(RULES_DOC, rules)
    # a new rule gets places to fill, which are kept once written
    bare = RULES_CATALOGUE.REGION.sub(
        lambda _: f"{RULES_CATALOGUE.BEGIN}\n{RULES_CATALOGUE.END}\n", RULES_DOC
    )
    text = RULES_CATALOGUE.render(bare, rules)
    assert "The package has 2 rules:" in text
    assert "### PER-MISSING" in text and "### CHAIN-BASIS" not in text
    assert text.count("- **Finds:** (to be written)") == 2
    written = text.replace("- **Finds:** (to be written)", "- **Finds:** a document.", 1)
    assert RULES_CATALOGUE.render(written, rules) == written
    with pytest.raises(RULES_CATALOGUE.CatalogueError, match="one '<!-- catalogue"):
        RULES_CATALOGUE.render(bare.replace(RULES_CATALOGUE.END, ""), rules)


@pytest.mark.slow
def test_the_example_blocks_show_what_samklang_prints_today() -> None:
    """Every ``$ samklang …`` block of the docs shows what the command prints today."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "refresh_examples.py"), "--check"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        pytest.fail(
            "stale example blocks; run: python docs/refresh_examples.py\n"
            + done.stdout + done.stderr,
            pytrace=False,
        )


def test_readme_quick_start_has_exactly_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [line[2:] for line in quick.splitlines() if line.startswith("$ ")]
    assert commands == [
        'pip install -e ".[test]" && samklang check examples/vetlanda',
        ".ci/system-packages && pytest",
    ]
