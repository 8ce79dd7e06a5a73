"""Whatever the text, a draft that ingest writes loads as a dataset: a property test over
documents shuffled together from the lines of every test document."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samklang.errors import InputError
from samklang.graph.ingest import ingest
from samklang.graph.ingest.text import read_document
from samklang.graph.source_kind import load_dataset

from .conftest import VETLANDA
from .ingest.builders import HERE

SOURCES = [
    VETLANDA / "kallor" / "plan-brottsforebyggande-arbete-vetlanda-2020-2023.txt",
    HERE / "pahittsvik-medborgarlofte.txt",
    HERE / "latsastrask-medborgarlofte.txt",
    HERE / "sagoasa-samverkansoverenskommelse.md",
    HERE / "fantasiby-plan.docx.txt",
    HERE / "fantasifors-atgardsplan.pdf.txt",
    HERE / "latsasby-trygghetsplan.txt",
    HERE / "latsaslunda-trygghetsbokslut.txt",
]
LINES = sorted(
    {line for path in SOURCES for line in read_document(path).text.splitlines() if line.strip()}
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    lines=st.lists(st.sampled_from(LINES), min_size=1, max_size=40),
    blank=st.lists(st.booleans(), min_size=40, max_size=40),
    code=st.none() | st.just("0685"),
)
def test_any_mix_of_plan_lines_gives_a_draft_that_loads(
    lines: list[str], blank: list[bool], code: str | None
) -> None:
    text = "\n".join(line + ("\n" if gap else "") for line, gap in zip(lines, blank, strict=False))
    with tempfile.TemporaryDirectory() as folder:
        document = Path(folder) / "blandning.txt"
        document.write_text(text, encoding="utf-8")
        try:
            draft = ingest(document, code=code)
        except InputError as err:  # only a text that is no plan is refused
            assert "names no planning document" in err.problem or (
                "is not a plan document: no document title" in err.problem
            )
            return
        draft.write(Path(folder) / "utkast")
        dataset = load_dataset(Path(folder) / "utkast")
        assert dataset.code == (code or draft.code)
        for entity in draft.extraction.entities:
            for evidence in entity.evidence():
                assert draft.source.text[evidence.start : evidence.end] == evidence.quote
