"""The ``.rq`` header reader (samklang/queries/header.py), shared by rules and research queries."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from samklang.queries import header
from samklang.queries.header import parse_header, read_header
from samklang.queries.research import library
from samklang.queries.rule import catalogue

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
        assert header._LOADER is yaml.CSafeLoader


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
