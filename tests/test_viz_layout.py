"""The layered layout of the viz views: captions wrapped and shortened, boxes spaced apart.
Exempelstad is fictional; Vetlanda's data is its public record."""

from __future__ import annotations

import pytest

from samklang.viz.views.layout import LINE_CHARS, MAX_LINES, caption, extent
from samklang.viz.visualise import build_view

from .conftest import EXAMPLES
from .test_viz import AS_OF, EXEMPELSTAD, store_of


def test_a_short_label_is_its_own_caption():
    assert caption("Brott") == "Brott"
    assert caption("Tryggare centrum på kvällstid") == "Tryggare centrum på\nkvällstid"


def test_a_long_label_is_wrapped_and_shortened_with_an_ellipsis():
    label = (
        "Kampanjer mot langning av alkohol och tobak till minderåriga kring "
        "skolavslutningar, valborg, midsommar och jul"
    )
    lines = caption(label).split("\n")
    assert len(lines) == MAX_LINES
    assert all(len(line) <= LINE_CHARS for line in lines)
    assert lines[-1].endswith("…")
    assert " ".join(lines).rstrip("…").startswith("Kampanjer mot langning av alkohol")


def test_a_word_longer_than_a_line_is_split():
    lines = caption("Trygghetsundersökningsresultatsredovisning").split("\n")
    assert all(len(line) <= LINE_CHARS for line in lines)
    assert "".join(line.rstrip("-") for line in lines) == (
        "Trygghetsundersökningsresultatsredovisning"
    )


@pytest.mark.parametrize("dataset", [EXEMPELSTAD, EXAMPLES / "vetlanda"])
@pytest.mark.parametrize("name", ["coverage", "chain", "documents", "organisations"])
def test_no_two_estimated_boxes_meet(dataset, name):
    view = build_view(store_of(dataset), name, as_of=AS_OF)
    boxes = []
    for node in view.nodes:
        width, height = extent(node)
        boxes.append((node.id, node.x - width / 2, node.x + width / 2, node.y, node.y + height))
    for k, a in enumerate(boxes):
        for b in boxes[k + 1 :]:
            apart = a[2] <= b[1] or b[2] <= a[1] or a[4] <= b[3] or b[4] <= a[3]
            assert apart, f"{a[0]} and {b[0]} meet"


THREAD = {
    "coverage": ["problem", "factor", "goal_area", "goal", "activity", "domain"],
    "chain": ["problem", "factor", "goal", "activity", "follow_up"],
}


def _step(node) -> str:
    style = node.style
    if style.startswith("activity"):
        return "activity"
    return "goal" if style == "focus_area" else style


@pytest.mark.parametrize("dataset", [EXEMPELSTAD, EXAMPLES / "vetlanda", EXAMPLES / "fiktivby"])
@pytest.mark.parametrize("name", list(THREAD))
def test_coverage_and_chain_read_left_to_right_as_the_red_thread(dataset, name):
    view = build_view(store_of(dataset), name, as_of=AS_OF)
    xs: dict[str, set[float]] = {}
    for node in view.nodes:
        if _step(node) in THREAD[name]:
            xs.setdefault(_step(node), set()).add(node.x)
    steps = [s for s in THREAD[name] if s in xs]
    assert len(steps) >= 4
    for left, right in zip(steps, steps[1:], strict=False):
        assert max(xs[left]) < min(xs[right]), f"{left} is not left of {right}"
    headings = [text for _, text in sorted(view.columns)]
    assert headings[0].startswith("Problem") and len(headings) == len(THREAD[name])


@pytest.mark.parametrize("name", ["coverage", "chain", "documents", "organisations", "national"])
def test_the_same_input_gives_the_same_picture(name):
    from samklang.viz.visualise import render_html

    def page() -> tuple[list, str]:
        store = store_of(EXEMPELSTAD, EXAMPLES / "vetlanda") if name == "national" else None
        view = build_view(store or store_of(EXAMPLES / "vetlanda"), name, as_of=AS_OF)
        placed = [(n.id, n.x, n.y, n.level, n.caption) for n in view.nodes]
        return placed, render_html(view)

    first, second = page(), page()
    assert first[0] == second[0]
    assert first[1] == second[1]


@pytest.mark.parametrize("dataset", [EXEMPELSTAD, EXAMPLES / "vetlanda", EXAMPLES / "fiktivby"])
@pytest.mark.parametrize("name", list(THREAD))
def test_the_columns_of_coverage_and_chain_start_at_the_same_top(dataset, name):
    view = build_view(store_of(dataset), name, as_of=AS_OF)
    tops: dict[int, float] = {}
    for node in view.nodes:
        tops[node.level] = min(tops.get(node.level, node.y), node.y)
    assert len(tops) >= 4
    assert len(set(tops.values())) == 1, f"columns start at {tops}"  # none halfway down
    ys = [n.y for n in view.nodes]
    assert min(ys) == pytest.approx(-max(ys))  # the drawing centred on 0


def test_the_pages_of_a_large_view_start_their_columns_at_the_same_top(tmp_path):
    from .viz.tvahundraby import write_tvahundraby

    view = build_view(store_of(write_tvahundraby(tmp_path)), "coverage", as_of=AS_OF)
    assert len(view.pages) == 8
    for page in view.pages:
        tops: dict[int, float] = {}
        for node in page.nodes:
            tops[node.level] = min(tops.get(node.level, node.y), node.y)
        assert len(set(tops.values())) == 1, f"{page.subtitle}: columns start at {tops}"


@pytest.mark.parametrize("name", ["documents", "organisations"])
def test_the_rows_of_a_view_drawn_top_down_stay_centred(name):
    view = build_view(store_of(EXAMPLES / "vetlanda"), name, as_of=AS_OF)
    rows: dict[int, list[float]] = {}
    for node in view.nodes:
        rows.setdefault(node.level, []).append(node.x)
    assert len(rows) >= 2
    for level, xs in rows.items():
        assert (min(xs) + max(xs)) / 2 == pytest.approx(0, abs=1e-6), f"row {level}: {xs}"
