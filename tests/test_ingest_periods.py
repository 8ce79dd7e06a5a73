"""Periods and cadences as Swedish plans write them."""

from __future__ import annotations

from datetime import date

import pytest

from samklang.graph.ingest import ingest
from samklang.graph.ingest.periods import CADENCE, PERIOD, cadence_of, period_of, read_date


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2020-2023", date(2020, 1, 1), date(2023, 12, 31)),
        ("2020–2023", date(2020, 1, 1), date(2023, 12, 31)),
        ("2020 – 2023", date(2020, 1, 1), date(2023, 12, 31)),
        ("2020 till och med 2023", date(2020, 1, 1), date(2023, 12, 31)),
        ("2020 t.o.m. 2023", date(2020, 1, 1), date(2023, 12, 31)),
        ("2023-01-01 – 2024-12-31", date(2023, 1, 1), date(2024, 12, 31)),
        ("2023-01-01/2024-12-31", None, None),
        ("1 juli 2018 – 30 juni 2020", date(2018, 7, 1), date(2020, 6, 30)),
        ("den 1 juli 2018 till den 30 juni 2020", date(2018, 7, 1), date(2020, 6, 30)),
        ("från 1 januari 2025 till 31 december 2026", date(2025, 1, 1), date(2026, 12, 31)),
        ("från och med 2025-01-01 till och med 2027-12-31", date(2025, 1, 1), date(2027, 12, 31)),
        ("fr.o.m. 2025-01-01 t.o.m. 2027-12-31", date(2025, 1, 1), date(2027, 12, 31)),
        ("juli 2018 – juni 2020", date(2018, 7, 1), date(2020, 6, 30)),
        ("februari 2024 – februari 2024", date(2024, 2, 1), date(2024, 2, 29)),
    ],
)
def test_periods(text: str, start: date | None, end: date | None) -> None:
    m = PERIOD.fullmatch(text)
    if start is None:
        assert m is None
        return
    assert m is not None, text
    found = period_of(m)
    assert found is not None and (found.start, found.end) == (start, end)


@pytest.mark.parametrize("text", ["2023-2020", "2003:778", "1 juli 2020 – 30 juni 2018", "31-12"])
def test_not_periods(text: str) -> None:
    m = PERIOD.search(text)
    assert m is None or period_of(m) is None


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("förnyas vartannat år", "P2Y"),
        ("Medborgarlöfte 2-årsperioder", "P2Y"),
        ("under en tvåårsperiod", "P2Y"),
        ("redovisas årligen", "P1Y"),
        ("tas fram varje år", "P1Y"),
        ("en årlig rapport", "P1Y"),
        ("följs upp per tertial", "P4M"),
        ("följs upp två gånger per år", "P6M"),
        ("halvårsvis", "P6M"),
        ("kvartalsvis", "P3M"),
        ("varje kvartal", "P3M"),
        ("minst en gång i månaden", "P1M"),
    ],
)
def test_cadences(text: str, duration: str) -> None:
    m = CADENCE.search(text)
    assert m is not None and cadence_of(m) == duration


def test_dates() -> None:
    assert read_date("den 14 december 2020") == date(2020, 12, 14)
    assert read_date("2020-12-14") == date(2020, 12, 14)
    assert read_date("2020-02-30") is None
    assert read_date("i december") is None


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Planen gäller 2024-2027.", "2024-2027"),
        ("Planen gäller från och med 2025-01-01 till och med 2027-12-31.", "2025-2027"),
        ("Denna plan gäller under perioden 1 juli 2024 – 30 juni 2026.", "2024-07-01/2026-06-30"),
        ("Planen löper 2024 till och med 2027.", "2024-2027"),
    ],
)
def test_the_document_period_in_a_sentence(tmp_path, sentence: str, period: str) -> None:
    document = tmp_path / "plan.txt"
    document.write_text(f"Plan för brottsförebyggande arbete\n\n{sentence}\n", encoding="utf-8")
    assert ingest(document).extraction.own.get("period").as_yaml() == period


def test_a_relative_clause_gives_its_document_the_period(tmp_path) -> None:
    document = tmp_path / "plan.txt"
    document.write_text(
        "Plan för brottsförebyggande arbete 2024-2027\n\n"
        "Kommunen har en samverkansöverenskommelse som löper 2024-2025.\n",
        encoding="utf-8",
    )
    [agreement] = [
        d
        for d in ingest(document).extraction.of("documents")
        if d.get("type") == "samverkansoverenskommelse"
    ]
    assert agreement.get("period").as_yaml() == "2024-2025"
