"""The attack corpus (tests/attack/): each hostile input gets the outcome its table says."""

from __future__ import annotations

import csv
import shlex
import shutil
from pathlib import Path

import pytest

from samklang.cli import cli

from .conftest import copy_vetlanda

CORPUS = Path(__file__).parent / "attack"
CASES = list(csv.DictReader((CORPUS / "cases.csv").read_text(encoding="utf-8").splitlines()))


def test_every_folder_has_a_row() -> None:
    folders = {p.name for p in CORPUS.iterdir() if p.is_dir()}
    assert folders == {c["case"] for c in CASES}
    # A field with an unquoted comma would split, and the words after it go unchecked.
    assert all(None not in c for c in CASES), [c["case"] for c in CASES if None in c]


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_the_outcome_is_the_expected_one(case: dict[str, str], runner, tmp_path: Path) -> None:
    target = copy_vetlanda(tmp_path / "vetlanda")
    shutil.copytree(CORPUS / case["case"], target, dirs_exist_ok=True)
    args = [a.replace("{dir}", str(target)) for a in shlex.split(case["command"])]
    result = runner.invoke(cli, [*args, "--lang", "en"])
    message = result.stderr.strip()
    assert "Traceback" not in message and not isinstance(result.exception, RecursionError)
    if case["expect"] == "accepted":
        assert result.exit_code in (0, 1), message
        return
    assert result.exit_code == 2, (result.exit_code, message, result.exception)
    assert len(message.splitlines()) == 1, message
    assert message.startswith("samklang: ") and message.endswith("."), message
    for word in case["words"].split(" | "):
        assert word in message, f"{word!r} not in {message!r}"
