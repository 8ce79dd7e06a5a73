"""samklang viz: what each view draws, how the page is built, and the command.

The data is the fictional Exempelstad (tests/viz/exempelstad), the Vetlanda example and the
fictional Fiktivby; the XSS payloads are in tests/viz/xss.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from samklang.cli import cli
from samklang.errors import UsageError
from samklang.graph.source_kind import load_dataset
from samklang.graph.store import Store, open_store
from samklang.viz.views.model import View
from samklang.viz.visualise import build_view, render_html, script_json

from .conftest import EXAMPLES

VIZ = Path(__file__).parent / "viz"
EXEMPELSTAD = VIZ / "exempelstad"
AS_OF = date(2025, 6, 1)
DATA = "https://w3id.org/samklang/data/9990/"
DOMAIN = "https://w3id.org/samklang/vocab/domain/"


def store_of(*paths: Path, engine: str = "memory") -> Store:
    store = open_store(engine)
    for path in paths:
        store.add(load_dataset(path).quads)
    return store


@pytest.fixture(scope="module")
def exempelstad() -> Store:
    return store_of(EXEMPELSTAD)


@pytest.fixture(scope="module")
def corpus() -> Store:
    return store_of(EXEMPELSTAD, EXAMPLES / "vetlanda", EXAMPLES / "fiktivby")


def xss_dataset(tmp_path: Path) -> Path:
    """Exempelstad plus the payloads of tests/viz/xss, and a payload in the municipality name."""
    target = tmp_path / "xss"
    shutil.copytree(EXEMPELSTAD, target)
    for file in (VIZ / "xss").iterdir():
        shutil.copy(file, target / file.name)
    municipality = target / "municipality.yaml"
    text = municipality.read_text(encoding="utf-8")
    municipality.write_text(
        text.replace("name: Exempelstad kommun", "name: \"Exempelstad <b onmouseover='x'>kommun\""),
        encoding="utf-8",
    )
    return target


def by_id(view: View) -> dict[str, object]:
    return {n.id: n for n in view.nodes}


# --- the coverage view ------------------------------------------------------------------------


def test_coverage_colours_what_has_no_activity(exempelstad: Store) -> None:
    view = build_view(exempelstad, "coverage", as_of=AS_OF)
    nodes = {n.id: n for n in view.nodes}
    # every domain is drawn; familjen and skolan have activity each plan year (2024–2026)
    assert {n.id for n in view.nodes if n.style == "domain"} == {
        DOMAIN + d
        for d in ("familjen", "kamratgruppen-fritiden", "skolan", "samhallet", "individen")
    }
    assert nodes[DOMAIN + "familjen"].status == "covered"
    assert nodes[DOMAIN + "individen"].status == "partial"
    assert nodes[DOMAIN + "individen"].covered == [2024]
    # a year is missing up to the reference year (as COV-DOMAIN reads it), not later
    assert nodes[DOMAIN + "individen"].relevant == [2024, 2025]
    # a goal and a prioritised problem with no activity stand out
    assert nodes[DATA + "mal-trygghet"].status == "none"
    assert nodes[DATA + "problem-otrygghet"].status == "none"
    assert nodes[DATA + "problem-skadegorelse"].status == "covered"
    # a cause no activity targets: no rule asks that of a factor, so it is grey, not red
    assert (
        nodes["https://w3id.org/samklang/vocab/factor/kamrat-kamraters-drogbruk"].status
        == "neutral"
    )
    # the rescue-services (LSO) goal area is painted as check reports it (CHAIN-IDLE-GOAL
    # concerns it today), not by a rule of the view's own
    brand = {f.focus for f in _check(exempelstad) if f.rule == "CHAIN-IDLE-GOAL"}
    assert (nodes[DATA + "malomrade-brand"].status == "none") == (DATA + "malomrade-brand" in brand)
    # activities carry the facets the filters use
    vandring = nodes[DATA + "a-vandring"]
    assert vandring.years == [2024, 2025, 2026]
    assert vandring.facets["kind"] == ["situationell"]
    assert DATA + "plan-brott" in vandring.facets["document"]
    assert DATA + "handlingsprogram" in vandring.facets["document"]  # the plan is part of it
    assert vandring.facets["domain"] == [DOMAIN + "samhallet"]


def test_coverage_edges_follow_the_graph(exempelstad: Store) -> None:
    view = build_view(exempelstad, "coverage", as_of=AS_OF)
    edges = {(e.source, e.target) for e in view.edges}
    assert (DATA + "a-vandring", DATA + "mal-allman-plats") in edges
    assert (DATA + "a-vandring", DATA + "problem-skadegorelse") in edges
    assert (DATA + "a-skolnarvaro", DOMAIN + "skolan") in edges
    assert (DATA + "mal-unga", DATA + "malomrade-brott") in edges
    ids = {n.id for n in view.nodes}
    assert all(e.source in ids and e.target in ids for e in view.edges)
    assert all(n.x is not None and n.y is not None for n in view.nodes)


def test_coverage_matrix_counts_activities_per_domain_and_year(exempelstad: Store) -> None:
    view = build_view(exempelstad, "coverage", as_of=AS_OF)
    domains = view.matrices[0]
    assert domains.columns == ["2024", "2025", "2026"]
    rows = {heading: cells for heading, cells in domains.rows}
    assert [c.count for c in rows["individen"]] == [1, 0, None]
    # 2026 is still to come on 2025-06-01: not a gap yet
    # 2026 is still to come; 2025 is marked "saknas" because COV-DOMAIN names it
    assert [c.state for c in rows["individen"]] == ["covered", "none", "na"]
    assert rows["individen"][2].count is None
    # a domain with no finding has no "saknas" in any year
    assert all(c.state != "none" for c in rows["familjen"])
    assert [c.count for c in rows["samhället"]] == [1, 1, 2]
    assert domains.totals == [7, 6, 4]
    captions = [m.caption for m in view.matrices]
    assert len(captions) == 3  # domains, objectives, prioritised problems


def test_views_speak_english(exempelstad: Store) -> None:
    view = build_view(exempelstad, "coverage", lang="en", as_of=AS_OF)
    assert view.title.startswith("Coverage")
    assert "family" in [n.label for n in view.nodes]


# --- documents, chain, organisations ------------------------------------------------------------


def test_documents_carry_their_findings(exempelstad: Store) -> None:
    view = build_view(exempelstad, "documents", as_of=AS_OF)
    nodes = {n.id: n for n in view.nodes}
    plan = nodes[DATA + "plan-brott"]
    assert plan.status == "error"
    assert "DOC-DECISION" in {f["rule"] for f in plan.findings}
    assert "ej beslutad" in plan.label
    assert "beslutad 2022-12-12" in nodes[DATA + "handlingsprogram"].label
    assert nodes[DATA + "bokslut-2024"].status == "ok"
    edges = {(e.source, e.target, e.style) for e in view.edges}
    assert (DATA + "plan-brott", DATA + "handlingsprogram", "part") in edges
    assert (DATA + "bokslut-2024", DATA + "plan-brott", "reports") in edges
    assert (
        DATA + "plan-brott",
        "https://w3id.org/samklang/vocab/law/sfs-2003-778",
        "basis",
    ) not in edges
    assert any(e.style == "basis" for e in view.edges)  # the programme rests on LSO


def test_documents_use_given_findings(exempelstad: Store) -> None:
    view = build_view(exempelstad, "documents", as_of=AS_OF, findings=[])
    assert all(not n.findings for n in view.nodes)
    assert {n.status for n in view.nodes} <= {"ok", "neutral"}


def test_chain_shows_broken_links(exempelstad: Store) -> None:
    view = build_view(exempelstad, "chain", as_of=AS_OF)
    broken = {(e.source, e.target) for e in view.edges if e.style == "broken"}
    no_goal = "urn:samklang:missing:no_goal"
    assert (DATA + "a-grannsamverkan", no_goal) in broken
    assert (DATA + "a-narkotikainsatser", no_goal) in broken
    assert (DATA + "a-vandring", no_goal) not in broken
    nodes = {n.id: n for n in view.nodes}
    assert nodes[DATA + "a-vandring"].status == "covered"
    assert nodes[DATA + "a-vandring"].facets.get("broken") is None
    assert nodes[DATA + "a-grannsamverkan"].facets["broken"] == ["1"]
    # a follow-up entry hangs on its activity
    assert (DATA + "a-laxhjalp", DATA + "bokslut-2024#a-laxhjalp") in {
        (e.source, e.target) for e in view.edges
    }
    assert nodes[DATA + "bokslut-2024#a-laxhjalp"].status == "none"  # ej genomförd: FUP-NOT-DONE


def test_organisations_show_groups_and_lines(exempelstad: Store) -> None:
    view = build_view(exempelstad, "organisations", as_of=AS_OF)
    nodes = {n.id: n for n in view.nodes}
    # ORG-POLITICAL's warning: it reports to a ledningsgrupp, and no nämnd decided the plan
    assert nodes[DATA + "temagrupp-brott"].status == "warning"
    # a working group with no convener: ORG-GROUP asks a convener of theme groups only
    assert nodes[DATA + "arbetsgrupp-skola"].status == "ok"
    styles = {(e.source, e.target): e.style for e in view.edges}
    assert styles[(DATA + "temagrupp-brott", DATA + "rtj-exempelstad")] == "convener"
    assert styles[(DATA + "temagrupp-brott", DATA + "ledningsgrupp")] == "reports"
    assert nodes[DATA + "exempelstad-kommun"].size > nodes[DATA + "bostadsbolaget"].size


@pytest.mark.parametrize("dataset", [EXEMPELSTAD, EXAMPLES / "vetlanda", EXAMPLES / "fiktivby"])
def test_organisations_mark_exactly_what_check_reports(dataset: Path) -> None:
    from samklang.queries.check import check
    from samklang.queries.settings import Settings

    store = store_of(dataset)
    view = build_view(store, "organisations", as_of=AS_OF)
    drawn = {n.id for n in view.nodes}
    open_ = set()
    for f in check(store=store, settings=Settings(as_of=AS_OF)):
        if not f.accepted:
            open_ |= {i.focus for i in f.items} or {f.focus}
    marked = {n.id for n in view.nodes if n.status in ("info", "warning", "error")}
    assert marked == open_ & drawn
    legend = {key for key, _ in view.legend}
    assert {"info", "warning", "error"} & legend == {n.status for n in view.nodes} & {
        "info",
        "warning",
        "error",
    }


@pytest.mark.parametrize("dataset", [EXEMPELSTAD, EXAMPLES / "vetlanda", EXAMPLES / "fiktivby"])
def test_documents_are_painted_by_checks_open_findings_and_count_as_check_does(dataset: Path):
    from samklang.queries.check import check
    from samklang.queries.settings import Settings
    from samklang.report.words import Tally

    store = store_of(dataset)
    findings = check(store=store, settings=Settings(as_of=AS_OF))
    view = build_view(store, "documents", as_of=AS_OF)
    drawn = {n.id for n in view.nodes}
    concern: dict[str, list] = {}
    for f in findings:  # a grouped finding's focus is its document, its items' foci the rest
        about = {f.focus, *f.foci} & drawn or ({f.document} & drawn)
        for document in about:
            concern.setdefault(document, []).append(f)
    for node in view.nodes:
        open_ = [f for f in concern.get(node.id, []) if not f.accepted]
        defects = [f.severity for f in open_ if f.kind == "defect"]
        if "error" in defects:
            assert node.status == "error", node.id
        elif "warning" in defects:
            assert node.status == "warning", node.id
        elif open_:
            assert node.status == "info", node.id
        else:
            assert node.status in ("ok", "neutral"), node.id
        accepted = [f for f in node.findings if f.get("accepted")]
        assert len(accepted) == sum(1 for f in concern.get(node.id, []) if f.accepted)
    tally = Tally.of(findings)
    note = view.notes[0]
    assert f"{tally.open['error']} fel, {tally.open['warning']} varningar" in note
    assert f"{tally.questions} frågor, {tally.accepted} godtagna" in note
    painted = {n.status for n in view.nodes} & {"error", "warning", "info"}
    assert {key for key, _ in view.legend} & {"error", "warning", "info"} == painted


def test_an_accepted_finding_colours_no_document():
    from samklang.queries.check import check
    from samklang.queries.settings import Settings

    store = store_of(EXAMPLES / "fiktivby")
    findings = check(store=store, settings=Settings(as_of=AS_OF))
    accepted = [f for f in findings if f.accepted and f.rule == "PER-MANDATE"]
    assert accepted, "fiktivby accepts PER-MANDATE on its handlingsprogram"
    view = build_view(store, "documents", as_of=AS_OF)
    node = next(n for n in view.nodes if n.id == accepted[0].focus)
    mandate = [f for f in node.findings if f["rule"] == "PER-MANDATE"]
    assert mandate and all(f.get("accepted") == "godtaget" for f in mandate)
    open_ = [f for f in findings if not f.accepted and accepted[0].focus in f.foci]
    if not open_:
        assert node.status == "ok"


def test_a_municipality_a_finding_concerns_is_marked_though_it_has_its_own_fill():
    view = build_view(store_of(EXEMPELSTAD), "organisations", as_of=AS_OF)
    network = view.to_pyvis()
    own = [n for n in network.nodes if n["status"] in ("error", "warning", "info")]
    municipality = {n.id for n in view.nodes if n.style in ("municipality", "organisation")}
    assert any(item["id"] in municipality for item in own), "check's errors concern the kommun"
    for item in own:
        if item["id"] in municipality:
            assert item["label"].startswith("\u26a0 ")
            assert item["borderWidth"] == 5
    for item in network.nodes:
        if item["status"] in ("ok", "neutral"):
            assert not item["label"].startswith("\u26a0")


# --- a corpus -----------------------------------------------------------------------------------


def test_the_national_legend_says_what_its_colours_mean(corpus: Store) -> None:
    view = build_view(corpus, "national", as_of=AS_OF)
    legend = dict(view.legend)
    statuses = {"covered", "partial", "none", "info", "accepted", "neutral"}
    drawn = {n.status for n in view.nodes} & statuses
    assert drawn and set(legend) & statuses == drawn
    # the colours say what the check reports, not what the view counts
    for status in drawn:
        assert legend[status].startswith("Kommun: ")
    assert "kontrollen" in legend.get("partial", "") + legend.get("none", "")
    # every shape drawn is named, and only those
    assert set(legend) - statuses == {n.style for n in view.nodes} | {"edge:coverage"}


def test_each_drilldown_has_a_legend_and_subtitle_of_its_own(corpus: Store) -> None:
    view = build_view(corpus, "national", as_of=AS_OF)
    national = dict(view.legend)
    for code, sub in view.drilldown.items():
        legend = dict(sub.legend)
        # the colours drawn there, goals' and domains', and only those (the drill-down counts
        # activity per year; the municipality's own coverage view paints check's findings)
        drawn = {n.status for n in sub.nodes}
        statuses = {"covered", "partial", "none", "info", "accepted", "neutral"}
        assert set(legend) & statuses == drawn, code
        assert {"municipality-score", "edge:coverage"}.isdisjoint(legend)  # no municipality
        assert all(legend[status] != national.get(status) for status in drawn)
        assert all("Kommun:" not in text for text in legend.values())
        shapes = {n.style for n in sub.nodes}
        assert shapes <= set(legend)  # every shape drawn is named, and only those
        assert set(legend) - drawn - {"edge:plain"} == shapes
        assert ("edge:plain" in legend) == bool(sub.edges)
        # the subtitle names the municipality, not how many the national view draws
        assert sub.subtitle.startswith(f"{dict((m.code, m.name) for m in _every(corpus))[code]} ")
        assert f"({code})" in sub.subtitle and "kommuner" not in sub.subtitle
    assert "3 kommuner" in view.subtitle


def _every(store: Store):
    from samklang.network.build import municipalities

    return municipalities(store)


def test_a_corpus_is_drawn_aggregated(corpus: Store) -> None:
    view = build_view(corpus, "coverage", as_of=AS_OF)
    assert view.name == "national"
    municipalities = [n for n in view.nodes if n.style == "municipality-score"]
    assert sorted(n.facets["drill"][0] for n in municipalities) == ["0685", "9901", "9990"]
    assert len([n for n in view.nodes if n.style == "domain-hub"]) == 5
    assert sorted(view.drilldown) == ["0685", "9901", "9990"]
    vetlanda = view.drilldown["0685"]
    statuses = {n.id: n.status for n in vetlanda.nodes if n.style == "domain"}
    # the check reports no finding on any single domain of Vetlanda's (its activities are tied
    # to no factor: one finding about the plan, said under the tables), so none is painted red
    assert DOMAIN + "samhallet" in statuses and not {"none", "partial"} & set(statuses.values())
    assert any(note.startswith("COV-DOMAIN: ") for note in vetlanda.notes)
    rows = {h: [c.count for c in cells] for h, cells in view.matrices[0].rows}
    assert rows["Exempelstad kommun (9990)"] == [1, 1, 2, 2, 1]  # activities, not years


def test_one_municipality_of_a_corpus(corpus: Store) -> None:
    view = build_view(corpus, "chain", municipality="0685", as_of=AS_OF)
    assert "Vetlanda" in view.subtitle
    # Vetlanda's own resources, and the programme it shares with Nässjö (stated by HRF).
    own = ("https://w3id.org/samklang/data/0685/", "https://w3id.org/samklang/data/shared/hrf/")
    assert all(
        n.id.startswith((*own, "urn:", "https://w3id.org/samklang/vocab/")) for n in view.nodes
    )


@pytest.mark.parametrize(
    ("view", "municipality", "message"),
    [
        ("sankey", None, "not a view"),
        ("chain", None, "choose one by its code"),
        ("coverage", "1234", "not a municipality code"),
    ],
)
def test_bad_requests(corpus: Store, view: str, municipality: str | None, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        build_view(corpus, view, municipality=municipality, as_of=AS_OF)


# --- the page -----------------------------------------------------------------------------------


def test_script_json_cannot_close_the_script() -> None:
    text = script_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def page_data(page: str) -> dict[str, object]:
    match = re.search(
        r'<script type="application/json" id="samklang-data">(.*?)</script>', page, re.S
    )
    assert match
    return json.loads(match.group(1))


@pytest.mark.parametrize("name", ["coverage", "documents", "chain", "organisations"])
def test_page_is_self_contained(exempelstad: Store, name: str) -> None:
    page = render_html(build_view(exempelstad, name, as_of=AS_OF))
    assert "<link" not in page
    assert not re.search(r"""\b(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page, re.I)
    assert "@import" not in page
    assert "sourceMappingURL" not in page
    # every inline script is allowed by its hash in the policy, and nothing else may load
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert found
    policy = html.unescape(found.group(1))
    assert "default-src 'none'" in policy
    for script in re.findall(r"<script>(.*?)</script>", page, re.S):
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert "vis.Network" in page  # the vendored library is inline


def test_page_escapes_every_label(tmp_path: Path) -> None:
    store = store_of(xss_dataset(tmp_path))
    for name in ("coverage", "documents", "chain", "organisations"):
        page = render_html(build_view(store, name, as_of=AS_OF))
        for payload in (
            "<img src=x",
            "</script><script>window.__xss",
            "<svg onload",
            "<b onmouseover",
        ):
            assert payload not in page, (name, payload)
        assert "&lt;b onmouseover=&#x27;x&#x27;&gt;kommun" in page  # the heading, as text
        labels = [n["label"] for n in page_data(page)["nodes"]]  # type: ignore[index]
        if name in ("coverage", "chain"):
            assert any("<img src=x onerror=" in label for label in labels)


def test_national_page_carries_drilldowns(corpus: Store) -> None:
    page = render_html(build_view(corpus, "national", as_of=AS_OF))
    keys = re.findall(r'<script type="application/json" class="drilldown" data-key="(\d+)">', page)
    assert keys == ["0685", "9901", "9990"]


# --- the command --------------------------------------------------------------------------------


def test_cli_writes_the_page(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "chain.html"
    result = runner.invoke(
        cli, ["viz", str(EXEMPELSTAD), "--view", "chain", "--as-of", "2025-06-01", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert result.output.strip() == str(out)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_cli_corpus_and_municipality(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "landet.html"
    result = runner.invoke(
        cli, ["viz", str(EXEMPELSTAD), str(EXAMPLES / "vetlanda"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "kommuner × domäner" in out.read_text(encoding="utf-8")
    result = runner.invoke(
        cli,
        [
            "viz",
            str(EXEMPELSTAD),
            str(EXAMPLES / "vetlanda"),
            "--municipality",
            "1234",
            "-o",
            str(out),
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "'1234' is not a municipality code" in result.output


def test_cli_bad_input_writes_nothing(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken"
    shutil.copytree(EXEMPELSTAD, broken)
    (broken / "goals.yaml").write_text("goals:\n  - id: x\n", encoding="utf-8")
    out = tmp_path / "out.html"
    result = runner.invoke(cli, ["viz", str(broken), "-o", str(out)])
    assert result.exit_code == 2
    assert "goals.yaml" in result.output and "Traceback" not in result.output
    assert not out.exists()


# --- coverage and chain paint what check reports ---------------------------------------------


def _check(store: Store, **settings):  # type: ignore[no-untyped-def]
    from samklang.queries.check import check
    from samklang.queries.settings import Settings

    return check(store=store, settings=Settings(as_of=AS_OF, **settings))


def _foci(findings, rules, state: str) -> set[str]:  # type: ignore[no-untyped-def]
    """The foci of the findings of ``rules`` in ``state``: open defects (``missing``), open
    questions (``question``) or accepted ones (``accepted``)."""
    out: set[str] = set()
    for f in findings:
        if f.rule not in rules:
            continue
        now = "accepted" if f.accepted else ("question" if f.kind == "question" else "missing")
        if now == state:
            out |= set(f.foci)
    return out


COVERAGE_RULES = ("CHAIN-IDLE-GOAL", "CHAIN-UNADDRESSED", "COV-DOMAIN")
LINK_RULES = ("CHAIN-BASIS", "CHAIN-GOAL", "FUP-ACTIVITY")
IDLE_RULES = ("CHAIN-UNADDRESSED", "CHAIN-IDLE-GOAL")


def _accepting(tmp_path: Path) -> Path:
    """Exempelstad with findings of coverage and chain rules accepted by a planner."""
    target = tmp_path / "accepting"
    shutil.copytree(EXEMPELSTAD, target)
    entries = [
        ("CHAIN-IDLE-GOAL", "mal-trygghet"),
        ("COV-DOMAIN", "individen"),
        ("CHAIN-GOAL", "a-grannsamverkan"),
    ]
    (target / "accepted.yaml").write_text(
        "accepted:\n"
        + "".join(
            f'  - rule: {rule}\n    focus: "{focus}"\n    by: "Samordnare (fiktiv)"\n'
            f'    date: 2025-05-20\n    reason: "Prövat i styrgruppen (fiktivt)."\n'
            for rule, focus in entries
        ),
        encoding="utf-8",
    )
    return target


DATASETS = [EXEMPELSTAD, EXAMPLES / "vetlanda", EXAMPLES / "fiktivby"]


@pytest.mark.parametrize("dataset", DATASETS)
def test_coverage_paints_missing_exactly_where_check_reports_it(dataset: Path) -> None:
    store = store_of(dataset)
    findings = _check(store)
    view = build_view(store, "coverage", as_of=AS_OF)
    drawn = {n.id for n in view.nodes}
    missing = _foci(findings, COVERAGE_RULES, "missing")
    painted = {n.id for n in view.nodes if n.status in ("none", "partial")}
    assert painted == missing & drawn
    assert {n.id for n in view.nodes if n.status == "info"} == (
        _foci(findings, COVERAGE_RULES, "question") & drawn
    )
    assert {n.id for n in view.nodes if n.status == "accepted"} == (
        _foci(findings, COVERAGE_RULES, "accepted") - missing
    ) & drawn
    # what the check reports of a whole document (no activity tied to a factor) is said
    # under the tables, not painted on a node
    for f in findings:
        if f.rule in (*COVERAGE_RULES, "COV-BALANCE") and not set(f.foci) & drawn:
            assert any(f.message in note for note in view.notes), f.rule
    # "saknas" in a table only on a row a finding paints
    by = {n.label: n for n in view.nodes}
    for matrix in view.matrices:
        for heading, cells in matrix.rows:
            if any(c.state == "none" for c in cells):
                node = by.get(heading) or by[heading.rsplit(" (", 1)[0]]
                assert node.id in missing, heading
    # the legend names the colours drawn, and only those
    statuses = {"covered", "partial", "none", "info", "accepted", "neutral"}
    assert {k for k, _ in view.legend} & statuses == {n.status for n in view.nodes} & statuses
    assert {k for k, _ in view.legend} - statuses <= {n.style for n in view.nodes} | {"goal"}


@pytest.mark.parametrize("dataset", DATASETS)
def test_chain_breaks_a_link_exactly_where_check_reports_it(dataset: Path) -> None:
    store = store_of(dataset)
    findings = _check(store)
    view = build_view(store, "chain", as_of=AS_OF)
    drawn = {n.id for n in view.nodes}
    by_style: dict[str, set[str]] = {}
    for e in view.edges:
        by_style.setdefault(e.style, set()).add(e.source)
    rules = (*LINK_RULES, *IDLE_RULES)
    assert by_style.get("broken", set()) == _foci(findings, rules, "missing") & drawn
    assert by_style.get("asked", set()) == _foci(findings, rules, "question") & drawn
    accepted = _foci(findings, rules, "accepted")
    assert by_style.get("accepted", set()) == accepted & drawn
    # every open finding of those rules is drawn: no focus left off the picture
    assert _foci(findings, rules, "missing") <= drawn
    links = _foci(findings, LINK_RULES, "missing")
    idle = _foci(findings, IDLE_RULES, "missing")
    for node in view.nodes:
        if node.style == "activity-chain":
            assert (node.status in ("none", "partial")) == (node.id in links), node.id
        elif node.style in ("problem", "goal", "goal_area", "focus_area"):
            assert (node.status in ("none", "partial")) == (node.id in idle), node.id
        elif node.style == "factor":
            assert node.status in ("covered", "neutral")
        elif node.style == "follow_up" and node.status == "none":
            # an entry reported as not done is red only where FUP-NOT-DONE is open on it
            assert [f["rule"] for f in node.findings if not f.get("accepted")] == ["FUP-NOT-DONE"]
            assert any(f.rule == "FUP-NOT-DONE" and not f.accepted for f in findings)
    statuses = {"covered", "partial", "none", "info", "accepted", "neutral"}
    own = {n.status for n in view.nodes if not n.style.startswith("missing")}
    legend = {k for k, _ in view.legend}
    assert legend & statuses == own & statuses
    assert {k[5:] for k in legend if k.startswith("edge:")} == {
        e.style for e in view.edges if e.style in ("broken", "asked", "accepted")
    }


def test_an_accepted_gap_is_shown_as_accepted(tmp_path: Path) -> None:
    store = store_of(_accepting(tmp_path))
    findings = _check(store)
    assert {f.rule for f in findings if f.accepted} >= {"CHAIN-IDLE-GOAL", "COV-DOMAIN"}
    coverage = by_id(build_view(store, "coverage", as_of=AS_OF))
    assert coverage[DATA + "mal-trygghet"].status == "accepted"
    assert coverage[DOMAIN + "individen"].status == "accepted"
    assert any(f.get("accepted") for f in coverage[DOMAIN + "individen"].findings)
    view = build_view(store, "coverage", as_of=AS_OF)
    rows = {heading: cells for heading, cells in view.matrices[0].rows}
    assert [c.state for c in rows["individen"]] == ["covered", "na", "na"]
    assert rows["individen"][1].text == "0 godtaget"
    assert "accepted" in dict(view.legend)
    chain = build_view(store, "chain", as_of=AS_OF)
    nodes = by_id(chain)
    assert nodes[DATA + "mal-trygghet"].status == "accepted"
    edges = {(e.source, e.target): e.style for e in chain.edges}
    assert edges[(DATA + "a-grannsamverkan", "urn:samklang:missing:no_goal-accepted")] == (
        "accepted"
    )
    assert (DATA + "a-grannsamverkan", "urn:samklang:missing:no_goal") not in edges
    assert (DATA + "a-narkotikainsatser", "urn:samklang:missing:no_goal") in edges  # still open
    assert "edge:accepted" in dict(chain.legend)


def test_views_of_coverage_and_chain_use_given_findings(exempelstad: Store) -> None:
    for name in ("coverage", "chain"):
        view = build_view(exempelstad, name, as_of=AS_OF, findings=[])
        assert not {n.status for n in view.nodes if not n.style.startswith("missing")} & {
            "none",
            "partial",
            "info",
            "accepted",
        }, name
        assert not any(e.style in ("broken", "asked", "accepted") for e in view.edges)


# --- the national view paints what check reports ------------------------------------------------


NATIONAL_RULES = ("CHAIN-IDLE-GOAL", "COV-DOMAIN")


def _owners(store: Store) -> dict[str, set[str]]:
    """Document IRI → the codes of the municipalities it belongs to."""
    code_of = {m.iri: m.code for m in _every(store)}
    owners: dict[str, set[str]] = {}
    for row in store.select("SELECT ?doc ?m WHERE { ?doc sk:municipality ?m }"):
        if row["m"].value in code_of:
            owners.setdefault(row["doc"].value, set()).add(code_of[row["m"].value])
    return owners


def _assert_national_follows_check(store: Store) -> None:
    findings = _check(store)  # the whole pack, as `samklang check` runs it
    owners = _owners(store)
    view = build_view(store, "national", as_of=AS_OF)
    assert sorted(view.drilldown) == sorted(m.code for m in _every(store))

    def of(code: str, state: str) -> set[str]:
        mine = [f for f in findings if code in owners.get(f.document or f.focus, set())]
        return _foci(mine, NATIONAL_RULES, state)

    code_of_node = {n.id: n.facets["drill"][0] for n in view.nodes if "drill" in n.facets}
    grid_painted = set()
    for code, sub in view.drilldown.items():
        drawn = {n.id for n in sub.nodes}
        missing = of(code, "missing")
        # both directions: painted missing ⇔ an open finding of the municipality concerns it
        painted = {n.id for n in sub.nodes if n.status in ("none", "partial")}
        assert painted == missing & drawn, code
        assert {n.id for n in sub.nodes if n.status == "info"} == of(code, "question") & drawn
        assert {n.id for n in sub.nodes if n.status == "accepted"} == (
            of(code, "accepted") - missing - of(code, "question")
        ) & drawn, code
        # "saknas" in a table only on a row a finding paints
        by = {n.label: n for n in sub.nodes}
        for matrix in sub.matrices:
            for heading, cells in matrix.rows:
                if any(c.state == "none" for c in cells):
                    node = by.get(heading) or by[heading.rsplit(" (", 1)[0]]
                    assert node.id in missing, (code, heading)
        if painted:
            grid_painted.add(code)
        # the national table: "saknas" exactly where an open finding names that domain
        row = next(cells for h, cells in view.matrices[0].rows if h.endswith(f"({code})"))
        columns = view.matrices[0].columns
        domains = [n for n in sub.nodes if n.style == "domain"]
        label_to_id = {n.label: n.id for n in domains}
        marked = {
            label_to_id[c] for c, cell in zip(columns, row, strict=True) if cell.state == "none"
        }
        assert marked == missing & set(label_to_id.values()), code
    # the grid: a municipality is painted missing ⇔ an open finding concerns one of its nodes
    painted_grid = {
        code_of_node[n.id]
        for n in view.nodes
        if n.status in ("none", "partial") and n.id in code_of_node
    }
    assert painted_grid == grid_painted
    # domains shared by every municipality are not painted at all
    assert all(n.status == "" for n in view.nodes if n.style == "domain-hub")


def test_national_view_paints_missing_exactly_where_check_reports_it(corpus: Store) -> None:
    _assert_national_follows_check(corpus)
    view = build_view(corpus, "national", as_of=AS_OF)
    # Exempelstad has open findings on its domains; Vetlanda none on a single domain
    statuses = {n.facets["drill"][0]: n.status for n in view.nodes if "drill" in n.facets}
    assert statuses["9990"] in ("none", "partial")
    assert not {n.status for n in view.drilldown["0685"].nodes if n.style == "domain"} & {
        "none",
        "partial",
    }


def test_national_view_shows_accepted_findings_as_accepted(tmp_path: Path) -> None:
    store = store_of(_accepting(tmp_path), EXAMPLES / "vetlanda")
    _assert_national_follows_check(store)
    view = build_view(store, "national", as_of=AS_OF)
    sub = view.drilldown["9990"]
    nodes = {n.id: n for n in sub.nodes}
    assert nodes[DOMAIN + "individen"].status == "accepted"
    assert any(f.get("accepted") for f in nodes[DOMAIN + "individen"].findings)
    assert "accepted" in dict(sub.legend)


def test_one_dataset_is_drawn_with_the_findings_check_gives_it(tmp_path: Path, runner) -> None:
    """Vetlanda's settings start its mandate convention in 2020: `check` gives no PER-MANDATE
    (JUDGED: a false alarm), and the documents view drew one, run with the defaults."""
    from samklang.queries.check import check

    as_of = date(2026, 11, 25)
    target = tmp_path / "documents.html"
    args = ["viz", str(EXAMPLES / "vetlanda"), "--view", "documents", "--as-of", str(as_of)]
    result = runner.invoke(cli, [*args, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "settings" not in result.stderr  # they apply, so there is nothing to warn of
    page = target.read_text(encoding="utf-8")
    rules = {f.rule for f in check(EXAMPLES / "vetlanda", as_of=as_of)}
    assert "PER-MANDATE" not in rules and "PER-MANDATE" not in page
    assert {"DOC-DECISION", "PER-EXPIRED", "CHAIN-IDLE-GOAL"} <= rules
    assert all(rule in page for rule in ("DOC-DECISION", "PER-EXPIRED", "CHAIN-IDLE-GOAL"))
