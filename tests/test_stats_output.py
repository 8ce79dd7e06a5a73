"""The text and JSON that `samklang stats` writes: the fast writers give what rich's tables and
the standard library's `json` give (issue 19), on real plans and on names of every shape."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import date

import pytest

from samklang.network.analytics import Centrality, Loose, Stats, Thread, compute_stats
from samklang.report import json_text
from samklang.report import stats as report
from samklang.report.stats import write_stats_json, write_stats_text

from .conftest import EXAMPLES
from .test_viz import AS_OF, EXEMPELSTAD, store_of

NAMES = [
    "Trygghetsvandringar i Öster",
    "Region [region Syd]",
    "Grupp [/]",
    "Möte [bold]x[/]",
    "Slut med snedstreck \\",
    "Mellanslag  två",
    "Slutar med mellanslag ",
    " börjar med mellanslag",
    "Glad :smile: kod",
    "Klockan 10:30: möte",
    "Bred 漢字 text",
    "Kombinerande e\u0301",
    "Flik\tinne",
    "Rad\nbrytning",
    "",
    "x" * 150,
]
"""Names a table must print as written: markup, emoji codes, wide and combining characters,
control characters, spaces where rich might trim, and one too long for the console."""


def made_up(names: list[str]) -> Stats:
    """Stats whose organisations, loose items and threads carry ``names``."""
    return Stats(
        as_of="2026-11-25",
        nodes=3,
        edges=2,
        organisations=[
            Centrality(f"o{i}", name, "organisation", "0685", i, 0.5 / (i + 1), 2)
            for i, name in enumerate(names)
        ],
        components={"0685": 1, "9990": 2},
        loose=[Loose(f"l{i}", name, "document", "0685", 1) for i, name in enumerate(names)],
        threads=[
            Thread(
                f"t{i}",
                name,
                "0685",
                [2024, 2025],
                "social",
                True,
                False,
                True,
                None,
                False,
                0.5,
                ["factor"],
            )
            for i, name in enumerate(names)
        ],  # fmt: skip
        thread_completeness=0.5,
    )


def stats_cases() -> list[Stats]:
    plans = [
        compute_stats(store_of(EXEMPELSTAD), as_of=AS_OF),
        compute_stats(store_of(EXAMPLES / "vetlanda"), as_of=date(2026, 11, 25)),
    ]
    return [*plans, made_up(NAMES[:1]), *(made_up([NAMES[0], name]) for name in NAMES)]


def text_by_rich(stats: Stats, lang: str, monkeypatch: pytest.MonkeyPatch) -> str:
    with monkeypatch.context() as patched:
        patched.setattr(report, "padded_table_lines", lambda *args: None)
        stream = io.StringIO()
        write_stats_text(stats, stream, lang)
    return stream.getvalue()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_text_is_what_rich_draws(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for stats in stats_cases():
        stream = io.StringIO()
        write_stats_text(stats, stream, lang)
        assert stream.getvalue() == text_by_rich(stats, lang, monkeypatch)


def test_plain_lines_are_drawn_where_rich_would_only_pad() -> None:
    lines = report.padded_table_lines("Titel", ["Namn", "Grad"], [["Öster [/]", "3"]], 120)
    assert lines == [
        "Titel" + " " * 15,
        "┏━━━━━━━━━━━┳━━━━━━┓",
        "┃ Namn      ┃ Grad ┃",
        "┡━━━━━━━━━━━╇━━━━━━┩",
        "│ Öster [/] │ 3    │",
        "└───────────┴──────┘",
    ]
    assert report.padded_table_lines("Titel", ["Namn"], [["x" * 200]], 120) is None
    assert report.padded_table_lines("Titel", ["Namn"], [], 120) is None


def test_json_is_what_the_standard_library_writes() -> None:
    for stats in stats_cases():
        assert stats.as_dict() == dataclasses.asdict(stats)
        stream = io.StringIO()
        write_stats_json(stats, stream)
        expected = json.dumps(dataclasses.asdict(stats), ensure_ascii=False, indent=2) + "\n"
        assert stream.getvalue() == expected


def test_json_writes_every_kind_of_value() -> None:
    value = {"a": [], "b": {}, "c": [1, 2.5, None, True, False], "d": {"e": ["f\n\"g\""]},
             1: float("nan"), 2.5: float("inf"), None: -float("inf"), False: 0.1}  # fmt: skip
    out = io.StringIO()
    json_text.write_indented(value, out)
    assert out.getvalue() == json.dumps(value, ensure_ascii=False, indent=2) + "\n"
