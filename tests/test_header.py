"""The ``.rq`` header reader (samklang/queries/header.py), shared by rules and research queries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from samklang.queries import header
from samklang.queries.header import parse_header, read_header
from samklang.queries.research import library
from samklang.queries.rule import catalogue, parse_rule

from .conftest import ROOT

TEXT = "# ---\n# id: X\n# title: {sv: Titel, en: Title}\n# ---\nSELECT ?focus WHERE { }\n"


def test_the_header_is_yaml_behind_hashes_and_the_query_follows() -> None:
    meta, query = parse_header(TEXT, "x.rq")
    assert meta == {"id": "X", "title": {"sv": "Titel", "en": "Title"}}
    assert query == "SELECT ?focus WHERE { }\n"


def test_read_header_reads_a_file_and_names_it_in_errors(tmp_path: Path) -> None:
    (tmp_path / "x.rq").write_text(TEXT, encoding="utf-8")
    assert read_header(tmp_path / "x.rq") == parse_header(TEXT, "x.rq")
    assert read_header(str(tmp_path / "x.rq")) == parse_header(TEXT, "x.rq")
    (tmp_path / "bare.rq").write_text("SELECT * { }\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^bare\.rq: no '# ---' metadata header$"):
        read_header(tmp_path / "bare.rq")
    assert read_header(tmp_path / "bare.rq", required=False) == ({}, "SELECT * { }\n")


def test_an_empty_header_is_an_empty_mapping() -> None:
    assert parse_header("# ---\n# ---\nASK { }\n", "x.rq") == ({}, "ASK { }\n")


@pytest.mark.parametrize("meta", ["# id: [X\n", "# - a list\n"])
def test_a_header_that_is_no_yaml_mapping_is_refused(meta: str) -> None:
    with pytest.raises(ValueError, match=r"^x\.rq: the '# ---' header is not valid YAML: "):
        parse_header(f"# ---\n{meta}# ---\nASK {{ }}\n", "x.rq")


def test_libyaml_reads_the_headers_where_pyyaml_has_it() -> None:
    if getattr(yaml, "__with_libyaml__", False):
        assert header._loader() is yaml.CSafeLoader


def test_the_rule_header_cache_is_what_the_headers_say() -> None:
    """samklang/queries/rules/headers.json is what docs/rules_catalogue.py writes today (a
    stale one costs time, not truth: test below)."""
    folder = ROOT / "samklang" / "queries" / "rules"
    written = header.cache_text(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.rq")))
    if (folder / header.CACHE).read_text(encoding="utf-8") != written:
        pytest.fail(
            f"samklang/queries/rules/{header.CACHE} is stale; run: python docs/rules_catalogue.py",
            pytrace=False,
        )


def test_the_rules_from_the_cache_are_the_rules_from_the_yaml() -> None:
    folder = ROOT / "samklang" / "queries" / "rules"
    for path in sorted(folder.glob("*.rq")):
        rule = parse_rule(path.read_text(encoding="utf-8"), path.name)
        assert catalogue()[rule.id] == rule


def test_a_header_is_taken_from_the_cache_only_while_it_is_unchanged(tmp_path: Path) -> None:
    """The cache is keyed by the header's own lines: a header changed after the cache was
    written is read as YAML; an unchanged one is taken from the cache (here deliberately
    different from its YAML, to tell them apart); a cache that is no JSON is ignored."""
    (tmp_path / "x.rq").write_text(TEXT, encoding="utf-8")
    cache = json.loads(header.cache_text([TEXT]))
    (digest,) = cache["headers"]
    cache["headers"][digest]["id"] = "FROM-CACHE"
    (tmp_path / header.CACHE).write_text(json.dumps(cache), encoding="utf-8")
    query = "SELECT ?focus WHERE { }\n"
    assert header.read_headers(tmp_path) == [
        ("x.rq", {"id": "FROM-CACHE", "title": {"sv": "Titel", "en": "Title"}}, query)
    ]
    (tmp_path / "x.rq").write_text(TEXT.replace("id: X", "id: Y"), encoding="utf-8")
    assert header.read_headers(tmp_path) == [
        ("x.rq", {"id": "Y", "title": {"sv": "Titel", "en": "Title"}}, query)
    ]
    (tmp_path / header.CACHE).write_text("{not json", encoding="utf-8")
    (tmp_path / "x.rq").write_text(TEXT, encoding="utf-8")
    assert header.read_headers(tmp_path)[0][1]["id"] == "X"


def test_a_header_json_cannot_hold_as_it_is_is_left_out_of_the_cache() -> None:
    dated = "# ---\n# id: X\n# since: 2024-01-01\n# codes: {1: one}\n# ---\nASK { }\n"
    assert (
        json.loads(header.cache_text([dated, TEXT]))["headers"]
        == json.loads(header.cache_text([TEXT]))["headers"]
    )


def test_every_shipped_query_is_read_by_the_one_reader() -> None:
    """The rules and the research queries are the headers the reader gives, nothing else."""
    folder = ROOT / "samklang" / "queries"
    for path in sorted((folder / "rules").glob("*.rq")):
        meta, query = read_header(path)
        rule = catalogue()[meta["id"]]
        assert (rule.message, rule.query) == (meta["message"], query)
    for path in sorted((folder / "research").glob("*.rq")):
        meta, query = read_header(path, required=False)
        assert library()[path.stem].query == query
        assert library()[path.stem].title == (meta.get("title") or {})
