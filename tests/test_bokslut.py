"""``samklang bokslut``: the yearly trygghetsbokslut, checked against figures worked out by hand
from the example's files (examples/fiktivby: every figure invented).

By hand, from the files:

- narkotikabrott (Brå): 2021 98 crimes (bra-narkotikabrott-2021.csv row 1), 2022 104 (row 2 of
  its file); population 12 480 and 12 530 (scb-folkmangd-2026-02-20.json, values 8 and 9):
  baseline 202 / 25 010 × 100 000 = 807.68. 2025: Brå's rate 1 107 (row 2), and
  140 / 12 650 × 100 000 = 1 106.72 compared; change (1 106.72 − 807.68) / 807.68 = +37.03 %.
  No file for 2024. Target −10 %: off track.
- brott-totalt (Kolada N07540): 2013 7 420 × 12 210 and 2014 7 310 × 12 260 / 100 000 give
  905.98 + 896.21 crimes over 24 470 inhabitants: 7 364.89; 2025 6 390 (values[12]); Sweden
  2025 12 610 (values[14]); change −13.24 %; the series break of 2015 lies between: not
  assessable.
- otrygghet-index: 2022 2.9 (observations.csv row 2), 2025 2.4 (row 5); a level of 2.0 by 2026:
  3/4 of the way gone, 2.9 − 0.9 × 3/4 = 2.225 is due, 2.4 is not there: off track.
- activities of 2025: 8, all ongoing; "Polis och skola …" planned at least 6, 7 reported
  (observations.csv row 11); the youth centre planned at least 40 evenings, none reported.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from samklang.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FIKTIVBY = ROOT / "examples" / "fiktivby"
VETLANDA = ROOT / "examples" / "vetlanda"

HEADINGS_SV = [
    "Trygghetsbokslut 2025",
    "Styrdokument som gäller 2025",
    "Mål och indikatorer",
    "Planerat och genomfört 2025",
    "Det som saknas för att bedöma",
    "Förbehåll för statistiken",
    "Beslut",
    "Noter",
]


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["bokslut", *args])
    return result.exit_code, result.stdout, result.stderr


def _plain(text: str) -> str:
    """Text with no-break spaces and Markdown escapes made plain, one space between words."""
    text = text.replace("\u00a0", " ").replace("\u2212", "-")
    text = re.sub(r"\\(.)", r"\1", text)
    return " ".join(text.split())


def _draft(
    tmp_path: Path, suffix: str, *extra: str, source: Path = FIKTIVBY, year: str = "2025"
) -> Path:
    target = tmp_path / f"bokslut{suffix}"
    code, _, err = _run(str(source), "--year", year, "-o", str(target), *extra)
    assert code == 0, err
    return target


def _section(text: str, heading: str, next_heading: str) -> str:
    start = text.index(heading)
    return text[start : text.index(next_heading, start + len(heading))]


def test_markdown_holds_every_section_and_the_figures_worked_out_by_hand(tmp_path: Path) -> None:
    text = _plain(_draft(tmp_path, ".md").read_text(encoding="utf-8"))
    for heading in HEADINGS_SV:
        assert heading in text
    drugs = _section(text, "Indikator: Anmälda narkotikabrott", "Mål: Våldsbrotten")
    assert "Utgångsläge | 807,68 (2021–2022" in drugs
    assert "Värde 2025 | 1 107" in drugs
    assert "Jämförelsevärde i bedömningen | 1 106,72 (2025)" in drugs
    assert "Förändring mot utgångsläget | +37,03 %" in drugs
    assert "Bedömning | inte på väg" in drugs
    assert "| 2021 | 785" in drugs and "| 2023 | 1 039" in drugs and "| 2024 |" not in drugs
    total = _section(text, "Indikator: Anmälda brott totalt", "Indikator: Otrygghet")
    assert "Utgångsläge | 7 364,89 (2013–2014" in total
    assert "Värde 2025 | 6 390" in total
    assert "Riket 2025 | 12 610" in total
    assert "Förändring mot utgångsläget | -13,24 %" in total
    assert "går inte att bedöma" in total and "seriebrott" in total
    safety = _section(text, "Indikator: Otrygghet", "Mål: Färre unga")
    assert "Utgångsläge | 2,9 (2022" in safety and "Värde 2025 | 2,4" in safety
    assert "Målvärde | 2 till 2026" in safety and "Bedömning | inte på väg" in safety
    # Every number is traced to its file and row.
    notes = {n: t for n, t in re.findall(r"\[\^(\d+)\]: (.+?)(?= \[\^|$)", text)}
    year_2025 = re.search(r"Värde 2025 \| 1 107\[\^(\d+)\]", drugs)
    assert year_2025 and notes[year_2025[1]] == "bra-narkotikabrott-2025.csv, rad 2"
    national = re.search(r"Riket 2025 \| 12 610\[\^(\d+)\]", total)
    assert (
        national
        and notes[national[1]] == "kolada-brott-2026-04-02.json, JSON-sökväg /values/14/values/0"
    )
    safety_2022 = re.search(r"\| 2022 \| 2,9\[\^(\d+)\]", safety)
    assert safety_2022 and notes[safety_2022[1]] == "observations.csv, rad 2"


def test_planned_against_done_missing_and_caveats(tmp_path: Path) -> None:
    text = _plain(_draft(tmp_path, ".md").read_text(encoding="utf-8"))
    done = _section(text, "Planerat och genomfört 2025", "Det som saknas")
    assert "Av 8 planerade aktiviteter 2025 har ingen ett redovisat utfall. 8 är pågående" in done
    assert "Genomförandegraden går inte att beräkna" in done
    assert re.search(
        r"Polis och skola i samverkan mot narkotika vid skolorna \|[^|]+\|[^|]+\| "
        r"pågående \| minst 6 gemensamma insatser per år \| 7\[\^\d+\]",
        done,
    )
    assert re.search(
        r"Fritidsgård med kvällsöppet och ledare \|[^|]+\|[^|]+\| pågående \| "
        r"minst 40 kvällar med öppet per år \| inget redovisat",
        done,
    )
    missing = _section(text, "Det som saknas för att bedöma", "Förbehåll")
    assert '"Anmälda narkotikabrott per 100 000 invånare" har inga siffror för 2024.' in missing
    assert "Brottsligheten och otryggheten i Fiktivby ska minska under avtalsperioden." in missing
    assert "målet har ingen indikator" in missing
    assert (
        '"Fritidsgård med kvällsöppet och ledare" har en planerad omfattning (minst 40 kvällar '
        "med öppet per år), men det är inte redovisat hur mycket som genomfördes 2025." in missing
    )  # "utfall" is a status (genomförd …); an amount done is "omfattning"
    caveats = _section(text, "Förbehåll för statistiken", "## Beslut")
    assert "Anmälda brott är inte detsamma som begångna brott" in caveats
    assert "2015" in caveats and "slutet av mars" in caveats
    assert "spaning" in caveats  # drug offences follow police effort
    decision = _section(text, "## Beslut", "## Noter")
    assert "behandlades av ____" in decision and "den ____" in decision


def test_the_implementation_share_of_2024(tmp_path: Path) -> None:
    """activities.csv, 2024: informationstraffar genomford, trygghetsvandringar and
    grannsamverkan delvis-genomford, seven more with no outcome: 1 of 3, 33 %."""
    text = _plain(_draft(tmp_path, ".md", year="2024").read_text(encoding="utf-8"))
    assert (
        "Av 10 planerade aktiviteter 2024 har 3 ett redovisat utfall: 1 genomförd och 2 delvis "
        "genomförda. 7 är pågående eller utan status."
    ) in text  # a kind that does not occur is not named ("ingen ej genomförd")
    assert "Genomförandegrad: 33 % (1 av 3 aktiviteter med ett utfall är genomförda)." in text


def test_a_store_built_by_load_gives_the_same_draft(tmp_path: Path) -> None:
    store = tmp_path / "store"
    loaded = CliRunner().invoke(cli, ["load", str(FIKTIVBY), str(VETLANDA), "--store", str(store)])
    assert loaded.exit_code == 0, loaded.stderr
    code, _, err = _run("--store", str(store), "--year", "2025", "-o", str(tmp_path / "a.md"))
    assert code == 2 and "flera kommuner (0685, 9901); välj en med --kod" in err
    code, _, err = _run(
        "--store", str(store), "--kod", "9901", "--year", "2025", "-o", str(tmp_path / "a.md")
    )
    assert code == 0, err
    from_store = (tmp_path / "a.md").read_text(encoding="utf-8")
    from_folder = _draft(tmp_path, ".md").read_text(encoding="utf-8")
    assert from_store == from_folder  # Vetlanda's data in the store changes nothing


def test_an_endpoint_gives_the_figures_and_says_why_it_gives_no_verdict(tmp_path: Path) -> None:
    """A read-only endpoint cannot take the verdicts' derived graph: the draft keeps every
    figure and says, where a verdict would be, why there is none (never a silent blank)."""
    from .test_server import wait_for
    from .test_server_limits import _serve, _stop

    store = tmp_path / "store"
    loaded = CliRunner().invoke(cli, ["load", str(FIKTIVBY), "--store", str(store)])
    assert loaded.exit_code == 0, loaded.stderr
    process, port = _serve(store, tmp_path / "serve.log")
    try:
        endpoint = f"http://127.0.0.1:{port}/sparql"
        wait_for(endpoint, process, tmp_path / "serve.log")
        target = tmp_path / "e.md"
        code, _, err = _run("--endpoint", endpoint, "--year", "2025", "-o", str(target))
    finally:
        _stop(process)
    assert code == 0, err
    text = _plain(target.read_text(encoding="utf-8"))
    folder = _plain(_draft(tmp_path, ".md").read_text(encoding="utf-8"))
    for figure in ("6 390", "12 610", "1 107", "2,4"):  # the years' figures, as published
        assert figure in text and figure in folder
    for derived in ("7 364,89", "-13,24 %", "807,68"):  # computed with the verdicts
        assert derived in folder and derived not in text
    assert "Utgångsläge | saknas" not in text, "the baseline is not missing, only not computed"
    not_computed = "räknas inte fram ur årens siffror mot en SPARQL-ändpunkt (2013–2014)"
    assert f"Utgångsläge | {not_computed}" in text
    assert "går inte att bedöma" not in text and "inte på väg" not in text
    assert text.count("bedömningarna räknas inte fram mot en SPARQL-ändpunkt") >= 4


def test_english(tmp_path: Path) -> None:
    text = _plain(_draft(tmp_path, ".md", "--lang", "en").read_text(encoding="utf-8"))
    assert "Safety report 2025" in text and "What is missing to assess" in text
    assert (
        "Baseline | 807.68 (2021–2022" in text and "Change against the baseline | +37.03 %" in text
    )


def test_vetlanda_2020_says_why_the_goal_cannot_be_assessed(tmp_path: Path) -> None:
    text = _plain(_draft(tmp_path, ".md", source=VETLANDA, year="2020").read_text(encoding="utf-8"))
    goal = _section(text, "Mål: Antalet brott i offentlig miljö", "## Planerat")
    assert "går inte att bedöma" in goal
    assert "målet har ingen indikator" in goal
    assert (
        '"Plan för brottsförebyggande arbete" lovar uppföljning men anger inte vad som mäts' in goal
    )
    done = _section(text, "Planerat och genomfört 2020", "Det som saknas")
    for activity in (
        "Starta arbetet enligt EST",
        "Polisen genomför minst 15 trafikkontroller",
        "Polisen genomför minst 15 flygande inspektioner av fordon",
        "Polisen genomför minst 15 narkotikainsatser riktade mot unga",
        "Kommunen för fram minst 2 trafikdämpande åtgärder",
        "Kampanjer mot langning av alkohol och tobak",
        "Minst 2 samverkansmöten mellan polis och kommun",
    ):
        assert activity in done
    assert done.count("| Medborgarlöfte 2020–2021 |") == 7
    assert "inte registrerad" in done  # no status is known
    unaccounted = (
        'Vad uppföljningen av "Medborgarlöfte 2020–2021" säger om aktiviteterna finns inte i '
        "detta dataset."
    )
    assert done.count(unaccounted) == 1, "said once, not on every activity"
    # The tertial follow-up exists (listed below); what is missing is its content.
    assert 'Uppföljningen av "Medborgarlöfte 2020–2021" är inte registrerad' not in done
    assert "Uppföljning av medborgarlöftet, tertial 3 2020" in text
    assert "Lokalpolisområde Höglandet" in done
    caveats = _section(text, "Förbehåll för statistiken", "## Beslut")
    # No goal has an indicator: nothing to say of Brå's statistics but that there are none.
    assert "Inget mål har en indikator." in caveats
    missing = _section(text, "Det som saknas för att bedöma", "Förbehåll")
    assert "Ingen av de sju aktiviteterna för 2020 har en registrerad status." in missing
    assert "Indikatorerna bygger inte" not in caveats


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--year", "25"], "'25' is not a year; expected four digits"),
        (["--year", "2025", "--kod", "0685"], "no municipality with the code 0685"),
        (["--year", "2019"], "in force in 2019"),
        (["--year", "2025", "-o", "bokslut.pdf"], "'.pdf' is not a format"),
        (["--year", "2025", "-o", "missing/bokslut.md"], "missing"),
    ],
)
def test_bad_input_is_one_sentence_and_status_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    if "-o" not in args:
        args = [*args, "-o", "bokslut.md"]
    code, _, err = _run(str(FIKTIVBY), "--lang", "en", *args)
    assert code == 2
    assert expected in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_html_is_self_contained_escaped_and_has_a_chart_per_indicator(tmp_path: Path) -> None:
    page = _draft(tmp_path, ".html").read_text(encoding="utf-8")
    assert page.count("<svg") == 6  # the six indicators with figures
    assert "<script" not in page and "src=" not in page and "<link" not in page
    assert "default-src 'none'" in page
    text = _plain(re.sub(r"<[^>]+>", " ", page.split("</style>", 1)[1]))
    for heading in HEADINGS_SV:
        assert heading in text
    assert "807,68 (2021–2022" in text and "+37,03 %" in text and "1 106,72 (2025)" in text
    assert "12 610" in text and "7 364,89" in text
    (tmp_path / "again").mkdir()
    again = _draft(tmp_path / "again", ".html")
    assert again.read_bytes() == page.encode("utf-8")  # the same data draws the same page


def test_html_escapes_a_label(tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "fiktivby"
    shutil.copytree(FIKTIVBY, copy)
    goals = copy / "goals.yaml"
    goals.write_text(
        goals.read_text(encoding="utf-8").replace(
            "title: Fler ska känna sig trygga i centrum.",
            'title: "Fler <b>trygga</b> & <script>alert(1)</script>"',
        ),
        encoding="utf-8",
    )
    page = _draft(tmp_path, ".html", source=copy).read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "<b>trygga" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_docx_uses_word_headings_and_tables(tmp_path: Path) -> None:
    from docx import Document

    document = Document(str(_draft(tmp_path, ".docx")))
    headings = {
        p.text: p.style.name
        for p in document.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    }
    assert headings["Mål och indikatorer"] == "Heading 1"
    assert headings["Målområde: Brott och trygghet"] == "Heading 2"
    assert headings["Indikator: Anmälda narkotikabrott per 100 000 invånare"] == "Heading 4"
    assert len(document.inline_shapes) == 6  # a chart per indicator with figures
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any(c.startswith("807,68 (2021–2022") for c in cells)
    assert "+37,03 %" in cells


@pytest.mark.libreoffice
@pytest.mark.slow  # the core run leaves it out; CI runs it
def test_libreoffice_converts_the_docx_and_the_pdf_holds_every_heading_and_figure(
    tmp_path: Path,
) -> None:
    import shutil
    import subprocess

    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    assert soffice and pdftotext, "install .ci/system-packages (LibreOffice, poppler-utils)"
    source = _draft(tmp_path, ".docx")
    profile = tmp_path / "profile"
    converted = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pdf = tmp_path / "bokslut.pdf"
    assert converted.returncode == 0 and pdf.exists(), converted.stdout + converted.stderr
    text = _plain(
        subprocess.run(
            [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    for heading in HEADINGS_SV:
        assert heading in text
    for figure in (
        "807,68",
        "1 107",
        "1 106,72",
        "+37,03 %",  # narkotikabrott
        "7 364,89",
        "6 390",
        "12 610",
        "-13,24 %",  # brott totalt
        "2,9 (2022",
        "2,4",  # otrygghet
        "7,9 (2023",
        "-2,53 %",
        "776",  # våld
        "bra-narkotikabrott-2025.csv, rad 2",
        "observations.csv, rad 11",
    ):
        assert figure in text, figure


def test_an_activity_not_carried_out_is_not_missing_an_amount(tmp_path: Path) -> None:
    """activities.csv, 2023: "Polisen patrullerar centrum fredagskvällar" is ej genomförd. It
    did nothing to report an amount of, so "Det som saknas" does not ask how much was done."""
    text = _plain(_draft(tmp_path, ".md", year="2023").read_text(encoding="utf-8"))
    done = _section(text, "Planerat och genomfört 2023", "Det som saknas")
    patrols = r"Polisen patrullerar centrum fredagskvällar \|[^|]+\|[^|]+\| ej genomförd"
    assert re.search(patrols, done)
    missing = _section(text, "Det som saknas för att bedöma", "Förbehåll")
    assert "Polisen patrullerar centrum fredagskvällar" not in missing
