"""The figures `samklang load --store` measures for `samklang stats --store` (decision 0017):
read when they are the store's generation's, equal to what measuring the store gives, and left
alone when they are not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from samklang.cli import cli
from samklang.network.figures import MEASURING, code_digest, figures_path

from .conftest import EXAMPLES, copy_vetlanda
from .test_viz import EXEMPELSTAD

DATES = ["2026-11-25", "2021-06-01"]
"""Reference dates on both sides of the plans' years: the red threads differ between them."""


def load(store: Path, *folders: Path) -> None:
    result = CliRunner().invoke(cli, ["load", "--store", str(store), *map(str, folders)])
    assert result.exit_code == 0, result.output


def stats(store: Path, *options: str) -> str:
    result = CliRunner().invoke(cli, ["stats", "--store", str(store), *options])
    assert result.exit_code == 0, result.output
    return result.stdout


def measured_now(store: Path, *options: str, lang: str = "sv") -> str:
    """What stats says in ``lang`` with the kept figures set aside."""
    kept = figures_path(store, lang)
    aside = kept.with_name("aside.json")
    kept.rename(aside)
    try:
        return stats(store, *options)
    finally:
        aside.rename(kept)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    load(folder, EXEMPELSTAD, EXAMPLES / "vetlanda")
    return folder


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("as_of", DATES)
@pytest.mark.parametrize("output", ["json", "text"])
def test_the_kept_figures_are_what_measuring_gives(
    store: Path, as_of: str, output: str, lang: str
) -> None:
    assert figures_path(store, lang).is_file()
    options = ("--as-of", as_of, "--format", output, "--lang", lang)
    assert stats(store, *options) == measured_now(store, *options, lang=lang)


def test_the_threads_follow_the_reference_date(store: Path) -> None:
    early, late = (json.loads(stats(store, "--as-of", d, "--format", "json")) for d in DATES)
    assert [t["follow_up"] for t in early["threads"]] != [t["follow_up"] for t in late["threads"]]


ENGLISH_NAME = """# Fiktiv uppgift för test: ett engelskt namn på kommunen.
<https://w3id.org/samklang/data/0685/vetlanda-kommun>
    <http://www.w3.org/2000/01/rdf-schema#label> "Vetlanda Municipality (English)"@en .
"""


def test_each_language_keeps_its_own_labels(tmp_path: Path) -> None:
    """With a label in English in the data, the English figures name it and the Swedish do not:
    the load measures each language, not one language twice."""
    dataset = copy_vetlanda(tmp_path / "vetlanda")
    (dataset / "english.ttl").write_text(ENGLISH_NAME, encoding="utf-8")
    folder = tmp_path / "store"
    load(folder, dataset)
    kept = {lang: figures_path(folder, lang).read_text(encoding="utf-8") for lang in ("sv", "en")}
    assert "Vetlanda Municipality (English)" in kept["en"]
    assert "Vetlanda Municipality (English)" not in kept["sv"]
    assert "Vetlanda Municipality (English)" in labels(folder, "--lang", "en")
    assert "Vetlanda kommun" in labels(folder)


def tampered(store: Path, change: dict[str, object], lang: str = "sv") -> None:
    """Rename the first organisation in the kept figures in ``lang``, and change their key."""
    path = figures_path(store, lang)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["organisations"][0]["label"] = "Läst ur de sparade siffrorna"
    data["key"].update(change)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def labels(store: Path, *options: str) -> set[str]:
    data = json.loads(stats(store, "--format", "json", *options))
    return {c["label"] for c in data["organisations"]}


def test_the_kept_figures_are_read(store: Path) -> None:
    tampered(store, {})
    assert "Läst ur de sparade siffrorna" in labels(store)


@pytest.mark.parametrize(
    "change",
    [
        {"generation": 7},
        {"folder": "g00000007"},
        {"samklang": "0.0.1"},
        {"format": 0},
        {"code": "0" * 64},
    ],
)
def test_figures_of_another_generation_or_samklang_are_not_read(
    store: Path, change: dict[str, object]
) -> None:
    tampered(store, change)
    assert "Läst ur de sparade siffrorna" not in labels(store)


def test_one_municipality_is_measured(store: Path) -> None:
    tampered(store, {})
    assert "Läst ur de sparade siffrorna" not in labels(store, "--municipality", "0685")


def test_each_language_reads_its_own_figures(store: Path) -> None:
    tampered(store, {}, lang="en")
    assert "Läst ur de sparade siffrorna" in labels(store, "--lang", "en")
    assert "Läst ur de sparade siffrorna" not in labels(store)


def test_a_damaged_file_is_measured_instead(store: Path) -> None:
    expected = measured_now(store, "--format", "json")
    figures_path(store, "sv").write_text('{"key": ', encoding="utf-8")
    assert stats(store, "--format", "json") == expected


def test_a_new_load_keeps_figures_for_its_generation(store: Path) -> None:
    before = json.loads(figures_path(store, "sv").read_text(encoding="utf-8"))["key"]
    load(store, EXAMPLES / "fiktivby")
    after = json.loads(figures_path(store, "sv").read_text(encoding="utf-8"))["key"]
    assert after["generation"] == before["generation"] + 1
    options = ("--as-of", DATES[0], "--format", "json")
    assert stats(store, *options) == measured_now(store, *options)
    assert "9901" in json.loads(stats(store, *options))["components"]


def test_what_a_killed_load_left_half_written_is_removed(store: Path) -> None:
    left = figures_path(store, "sv").with_name(".stats-figures-sv.json.12345")
    left.write_text('{"key": ', encoding="utf-8")
    load(store, EXAMPLES / "fiktivby")
    assert not left.exists()
    assert figures_path(store, "sv").is_file()


def test_the_key_holds_the_digest_of_every_module_that_measures(store: Path) -> None:
    """Figures written by older measuring code under the same version are not read: the key
    holds the SHA-256 of the measuring modules' source, and each of them is there to read."""
    key = json.loads(figures_path(store, "sv").read_text(encoding="utf-8"))["key"]
    assert key["code"] == code_digest() and len(key["code"]) == 64
    modules = {f"{package}.{name.removesuffix('.py')}" for package, name in MEASURING}
    assert {
        "samklang.network.analytics",
        "samklang.network.build",
        "samklang.network.mapped_facts",
        "samklang.graph.concepts",
    } <= modules
    for package, name in MEASURING:
        assert (Path(__file__).parents[1] / package.replace(".", "/") / name).is_file()
