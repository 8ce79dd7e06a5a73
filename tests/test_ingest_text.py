"""Reading plan documents: encodings, DOCX, PDF, and the clear errors for what cannot be read."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from samklang.errors import InputError
from samklang.graph.ingest import ingest
from samklang.graph.ingest.text import read_document

from .ingest.builders import HERE, build_docx, build_pdf, write_pdf

PLAN = (
    "Plan för brottsförebyggande arbete 2024-2027\n"
    "\n"
    "Denna plan är en samverkan mellan Drömmeby kommun och Lokalpolisområde Drömmeby.\n"
    "Temagruppen består av representanter från Drömmeby kommun och Lokalpolisområde Drömmeby.\n"
    "Drömmeby kommun är sammankallande i temagruppen.\n"
)
"""A small plan in Latin-1's repertoire (å, ä, ö; no en dash), so every encoding can hold it."""


@pytest.mark.parametrize(
    ("encoding", "prefix", "read_as"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("cp1252", b"", "cp1252"),
        ("latin-1", b"", "cp1252"),
        ("utf-16-le", b"\xff\xfe", "utf-16"),
        ("utf-16-be", b"\xfe\xff", "utf-16"),
    ],
)
def test_encodings_read_the_same_text(
    tmp_path: Path, encoding: str, prefix: bytes, read_as: str
) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(prefix + PLAN.replace("\n", "\r\n").encode(encoding))
    source = read_document(path)
    assert source.text == PLAN
    assert source.encoding == read_as
    draft = ingest(path)
    group = draft.extraction.of("groups")[0]
    assert [m.get("name") for m in group.values("members")] == [
        "Drömmeby kommun",
        "Lokalpolisområde Drömmeby",
    ]
    assert group.get("convener").get("name") == "Drömmeby kommun"


def test_windows_1252_punctuation_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes("Plan för brottsförebyggande arbete 2024–2027 ”utkast”\n".encode("cp1252"))
    assert read_document(path).text.startswith("Plan för brottsförebyggande arbete 2024–2027 ”")


def test_the_windows_1252_test_document_is_stored_so(tmp_path: Path) -> None:
    data = (HERE / "pahittsvik-medborgarlofte.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"\r\n" in data
    source = read_document(HERE / "pahittsvik-medborgarlofte.txt")
    assert source.encoding == "cp1252"
    assert "Medborgarlöftet gäller 1 juli 2024 – 30 juni 2026." in source.text


def test_held_out_document_has_a_byte_order_mark() -> None:
    assert (HERE / "latsasby-trygghetsplan.txt").read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_document(HERE / "latsasby-trygghetsplan.txt").text.startswith("Påhittat exempel")


@pytest.mark.parametrize(
    ("data", "location", "words"),
    [
        (b"Plan\nrad tv\x81\n", "line 2", "not text in UTF-8 or Windows-1252 (byte 0x81)"),
        (b"\xef\xbb\xbfPlan\n\xe4r\n", "line 2", "not UTF-8 text although it starts with"),
        (b"Plan\x00\x01\x02", "line 1", "control character (U+0000)"),
        ("Plan för\n".encode() + "brott på gatan\n".encode("cp1252"), "line 1", "mixes UTF-8"),
    ],
)
def test_undecodable_text_is_one_clear_error(
    tmp_path: Path, data: bytes, location: str, words: str
) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.location == location
    assert words in caught.value.problem
    assert str(caught.value).startswith(f"{path}, {location}: ")


def test_mixed_encodings_name_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes("Plan för\n".encode() + "\nbrott på gatan\n".encode("cp1252"))
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert "mixes UTF-8 (line 1) and Windows-1252 (line 3)" in caught.value.problem


def test_other_kinds_of_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.odt"
    path.write_bytes(b"x")
    with pytest.raises(InputError, match=r"expected a \.txt, \.md, \.docx or \.pdf file"):
        read_document(path)


def test_a_text_naming_no_planning_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "recept.txt"
    path.write_text("Kanelbullar\n\nBaka i 225 grader.\n", encoding="utf-8")
    with pytest.raises(InputError, match="is not a plan document: no document title .* and no "):
        ingest(path)


def test_docx_body_tables_header_and_footnotes_are_read(tmp_path: Path) -> None:
    path = build_docx(HERE / "fantasiby-plan.docx.txt", tmp_path / "fantasiby-plan.docx")
    source = read_document(path)
    lines = source.text.splitlines()
    assert "Handläggare\tLena Strand" in lines  # the page header's table
    assert "Samverkansöverenskommelse\t2021-01-01 – 2023-12-31" in lines  # a body table row
    assert lines[-2:] == [
        "¹ Brå (2019) Kunskapsbaserat brottsförebyggande arbete, Brottsförebyggande rådet.",
        "² Folkhälsomyndigheten 2016.",
    ]
    assert any(line.endswith("målområdet brott.¹") for line in lines)  # the reference mark
    title = lines.index("Plan för brottsförebyggande och trygghetsskapande arbete 2020–2023")
    assert title + 1 in source.headings
    assert source.kind == "docx" and source.encoding is None


def test_a_broken_docx_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")
    with pytest.raises(InputError, match=r"is not a readable Word document \(\.docx\)"):
        read_document(path)
    path.write_bytes(b"plain text, not a zip")
    with pytest.raises(InputError, match="is not a readable Word document"):
        read_document(path)


def test_pdf_text_layer_is_read_page_after_page(tmp_path: Path) -> None:
    path = build_pdf(HERE / "fantasifors-atgardsplan.pdf.txt", tmp_path / "plan.pdf")
    source = read_document(path)
    lines = source.text.splitlines()
    expected = (HERE / "fantasifors-atgardsplan.pdf.txt").read_text(encoding="utf-8").splitlines()
    header = [line for line in expected if line.startswith("Fantasifors kommun | ")]
    assert len(header) == 2  # the running header of both pages (Sida 1 av 2, Sida 2 av 2) …
    assert lines == [line for line in expected if line and line not in header]  # … is left out
    assert source.kind == "pdf"


def test_a_scanned_pdf_without_text_is_one_clear_error(tmp_path: Path) -> None:
    path = write_pdf([[], []], tmp_path / "skannad.pdf", image_only=True)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.problem == (
        "has no text layer (2 pages of images, as from a scanner); run text recognition (OCR) "
        "on it first, or give the text as a .txt or .docx file"
    )


def test_a_broken_pdf_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not a PDF body\n")
    with pytest.raises(InputError, match="is not a readable PDF"):
        read_document(path)


def test_offsets_and_lines_of_every_fact_agree_in_every_format(tmp_path: Path) -> None:
    documents = [
        HERE / "pahittsvik-medborgarlofte.txt",
        HERE / "sagoasa-samverkansoverenskommelse.md",
        build_docx(HERE / "fantasiby-plan.docx.txt", tmp_path / "fantasiby-plan.docx"),
        build_pdf(HERE / "fantasifors-atgardsplan.pdf.txt", tmp_path / "plan.pdf"),
    ]
    for path in documents:
        draft = ingest(path)
        text = draft.source.text
        for entity in draft.extraction.entities:
            for evidence in entity.evidence():
                assert text[evidence.start : evidence.end] == evidence.quote, (path, entity)
                assert draft.source.line_of(evidence.start) == evidence.first_line
                assert evidence.quote == evidence.quote.strip()
