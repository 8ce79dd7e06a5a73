"""One meaning per concept, in every command (issue 12, section 2).

One small fictional dataset holds activities of every kind: social with a factor, social with
only a domain, situational (one with only a domain, one with a factor), neither (coordination),
followed up in the status column or in a follow-up entry, planned or ongoing only, and with no
status at all. Each activity is planned for a year of its own, so the research queries, which
count per municipality and year, can be read per activity. Every command must then give each
activity the same verdict on each concept: its kind (social, situational or neither), whether it
has a factor, whether it is followed up; and each domain, goal and problem the same years with
and without activity. The definitions: docs/decisions/0005-one-meaning-per-concept.md.

Before the fix (measured on the commit before it): ``reason`` called the situational activity
with a domain social; ``stats`` and the chain view counted a domain as a factor, read the
follow-up only from entries (of any status, "planerad" too) and not from the status column;
the ``red-thread`` query counted any status as followed up.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from samklang.cli import cli

AS_OF = "2024-06-01"
BASE = "https://w3id.org/samklang/data/9995/"

MUNICIPALITY = """\
# FIKTIVT: Samklangsby kommun finns inte; koden 9995 är ingen riktig kommunkod.
municipality:
  id: samklangsby-kommun
  name: Samklangsby kommun
  code: "9995"
organisations:
  - id: lpo-samklangsby
    name: Lokalpolisområde Samklangsby
    type: lokalpolisomrade
"""

DOCUMENTS = """\
# FIKTIVT: påhittade dokument för ett test.
documents:
  - id: plan
    title: Plan för brottsförebyggande arbete 2016–2022
    type: brottsforebyggande-plan
    period: 2016-2022
    parties: [samklangsby-kommun, lpo-samklangsby]
    considers_domains: [familjen, kamratgruppen-fritiden, skolan, samhallet, individen]
  - id: bokslut
    title: Trygghetsbokslut
    type: trygghetsbokslut
    reports_on: plan
    report_year: 2021
    entries:
      - {activity: social-doman, status: delvis-genomford}
      - {activity: situationell-faktor, status: ej-genomford}
      - {activity: pagaende, status: planerad}
"""

GOALS = """\
# FIKTIVT: påhittade mål och problem för ett test.
goals:
  - id: mal
    title: Färre brott
    document: plan
  - id: mal-tunt
    title: Tryggare centrum
    document: plan
problems:
  - id: problem
    title: Skadegörelse
    identified_in: plan
    prioritised: true
    causes: [familj-bristande-foraldratillsyn]
  - id: problem-utan-aktivitet
    title: Otrygghet vid stationen
    identified_in: plan
    prioritised: true
"""

# id, year, kind, goals, problem, factor, domain, status (fictional activities)
ROWS = [
    (
        "social-faktor",
        2016,
        "social",
        "mal;mal-tunt",
        "problem",
        "familj-bristande-foraldratillsyn",
        "",
        "genomford",
    ),
    ("social-doman", 2017, "social", "mal", "", "", "skolan", ""),
    ("situationell", 2018, "situationell", "mal", "problem", "", "samhallet", "installd"),
    (
        "situationell-faktor",
        2019,
        "situationell",
        "mal",
        "problem",
        "samhalle-tillgang-till-alkohol-och-droger",
        "",
        "",
    ),
    ("samordning", 2020, "", "mal;mal-tunt", "problem", "", "", "planerad"),
    (
        "pagaende",
        2021,
        "social",
        "mal",
        "problem",
        "kamrat-ostrukturerad-fritid-utan-vuxna",
        "",
        "pagaende",
    ),
    ("utan-status", 2022, "social", "mal", "problem", "skola-skolmisslyckande", "", ""),
]

EXPECTED = {
    # activity: (kind, has a factor, followed up)
    "social-faktor": ("social", True, True),  # status column: genomförd
    "social-doman": ("social", False, True),  # a domain is not a factor; entry: delvis
    "situationell": ("situational", False, True),  # a domain does not make it social
    "situationell-faktor": ("situational", True, True),  # a factor does not make it social
    "samordning": ("neither", False, False),  # "planerad" is not an outcome
    "pagaende": ("social", True, False),  # "pågående" and an entry "planerad": no outcome
    "utan-status": ("social", True, False),  # no status at all
}
YEAR = {row[0]: row[1] for row in ROWS}
DOMAINS = ["familjen", "kamratgruppen-fritiden", "skolan", "samhallet", "individen"]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("samklangsby")
    (folder / "municipality.yaml").write_text(MUNICIPALITY, encoding="utf-8")
    (folder / "documents.yaml").write_text(DOCUMENTS, encoding="utf-8")
    (folder / "goals.yaml").write_text(GOALS, encoding="utf-8")
    lines = ["id,title,year,document,responsible,kind,goal,problems,factors,domain,status"]
    for id_, year, kind, goals, problem, factor, domain, status in ROWS:
        lines.append(
            f"{id_},Fiktiv aktivitet {id_},{year},plan,samklangsby-kommun,{kind},{goals},"
            f"{problem},{factor},{domain},{status}"
        )
    (folder / "activities.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def local(iri: str) -> str:
    """The last segment of a path: a data item's id (a follow-up entry keeps its ``report#``)."""
    return iri.rsplit("/", 1)[-1]


def focuses(finding: dict[str, Any]) -> list[tuple[str, str]]:
    """The items of a finding as (focus, years): its ``items`` when it groups several, else the
    finding itself. The years are the item's ``years`` fact, or else those its message names
    outside the document's title."""
    out = []
    for item in finding.get("items") or [finding]:
        facts = {**finding.get("facts", {}), **item.get("facts", {})}
        text = facts.get("years") or item.get("message", "")
        if "years" not in facts and finding.get("document_label"):
            text = text.replace(finding["document_label"], "")
        out.append((local(item["focus"]), text))
    return out


def years(text: str) -> set[int]:
    """The years a message names; a period "2017–2020" names each year in it."""
    found: set[int] = set()
    for first, last in re.findall(r"(\d{4})(?:–(\d{4}))?", text):
        found |= set(range(int(first), int(last or first) + 1))
    return found


def page_data(html: str) -> dict[str, Any]:
    """The data a viz page embeds for its script."""
    found = re.search(r'<script type="application/json" id="samklang-data">(.*?)</script>', html)
    assert found
    return json.loads(found.group(1))


@pytest.fixture(scope="module")
def findings(dataset: Path) -> dict[str, list[tuple[str, str]]]:
    report = json.loads(
        run("check", str(dataset), "--as-of", AS_OF, "--format", "json", "--fail-on", "never")
    )
    by_rule: dict[str, list[tuple[str, str]]] = {}
    for finding in report["findings"]:
        by_rule.setdefault(finding["rule"], []).extend(focuses(finding))
    return by_rule


@pytest.fixture(scope="module")
def inferred(dataset: Path) -> set[tuple[str, str]]:
    report = json.loads(run("reason", str(dataset), "--as-of", AS_OF, "--format", "json"))
    assert report["consistent"] is True
    return {(local(m["individual"]), m["class"].rsplit("#", 1)[-1]) for m in report["inferred"]}


def test_check_gives_each_activity_its_verdict(findings) -> None:
    not_followed_up = {f for f, _ in findings.get("FUP-ACTIVITY", [])}
    assert not_followed_up == {a for a, (_, _, done) in EXPECTED.items() if not done}
    not_done = {f for f, _ in findings.get("FUP-NOT-DONE", [])}
    assert not_done == {"situationell", "situationell-faktor"}  # inställd, ej genomförd
    # Only social-doman lacks a problem too, so it alone has no basis either way the rule
    # reads a social activity without a factor.
    assert {f for f, _ in findings.get("CHAIN-BASIS", [])} == {
        a for a, (kind, factor, _) in EXPECTED.items() if kind == "social" and not factor
    }


def test_stats_gives_each_activity_the_same_verdict(dataset: Path) -> None:
    stats = json.loads(run("stats", str(dataset), "--as-of", AS_OF, "--format", "json"))
    kinds = {"social": "social", "situationell": "situational", "": "neither"}
    verdicts = {
        local(t["iri"]): (kinds[t["kind"]], t["factor"], t["follow_up"]) for t in stats["threads"]
    }
    assert verdicts == EXPECTED
    missing = {local(t["iri"]): t["missing"] for t in stats["threads"]}
    # a factor is due of social activities only; follow-up of every past activity
    assert "factor" in missing["social-doman"]
    assert "factor" not in missing["situationell"] + missing["samordning"]
    assert "follow_up" in missing["samordning"] and "follow_up" not in missing["social-faktor"]


def test_viz_embeds_the_same_verdicts(dataset: Path, tmp_path: Path) -> None:
    page = tmp_path / "chain.html"
    run("viz", str(dataset), "--view", "chain", "--as-of", AS_OF, "--lang", "en", "-o", str(page))
    data = page_data(page.read_text(encoding="utf-8"))
    kinds = {"social": "social", "situationell": "situational", "other": "neither"}
    nodes = {local(n["id"]): n for n in data["nodes"]}
    [table] = data["matrices"]
    assert table["columns"] == ["Problem", "Factor", "Goal", "Follow-up"]
    rows = {label: cells for label, cells in table["rows"]}
    verdicts = {}
    for activity in EXPECTED:
        cells = rows[f"Fiktiv aktivitet {activity}"]
        verdicts[activity] = (
            kinds[nodes[activity]["facets"]["kind"][0]],
            cells[1]["state"] == "covered",
            cells[3]["state"] == "covered",
        )
    assert verdicts == EXPECTED
    # a thread misses a factor only where one is due: the placeholder links social-doman alone
    no_factor = {local(e["source"]) for e in data["edges"] if e["target"].endswith("no_factor")}
    assert no_factor == {"social-doman"}


@pytest.mark.java
def test_reason_gives_each_activity_the_same_verdict(inferred) -> None:
    def kind(activity: str) -> str:
        social = (activity, "SocialActivity") in inferred
        situational = (activity, "SituationalActivity") in inferred
        assert not (social and situational), activity
        return "social" if social else "situational" if situational else "neither"

    verdicts = {
        a: (
            kind(a),
            (a, "FactorTargetingActivity") in inferred,
            (a, "FollowedUpActivity") in inferred,
        )
        for a in EXPECTED
    }
    assert verdicts == EXPECTED


def test_research_queries_give_each_activity_the_same_verdict(dataset: Path) -> None:
    def row(name: str, activity: str) -> dict[str, str]:
        year = str(YEAR[activity])
        result = json.loads(
            run(
                "query",
                name,
                str(dataset),
                "--param",
                f"fromYear={year}",
                "--param",
                f"toYear={year}",
                "--format",
                "json",
            )
        )
        [found] = result["results"]["bindings"]
        return {k: v["value"] for k, v in found.items()}

    verdicts = {}
    for activity in EXPECTED:
        thread = row("red-thread", activity)
        share = row("activity-kind-share", activity)
        assert thread["activities"] == "1"
        assert thread["social"] == share["social"]
        kind = (
            "social"
            if share["social"] == "1"
            else "situational"
            if share["situational"] == "1"
            else "neither"
        )
        verdicts[activity] = (
            kind,
            bool(int(thread["socialWithFactor"])) if kind == "social" else None,
            thread["followedUp"] == "1",
        )
    # red-thread counts factors among the social activities only
    assert verdicts == {
        a: (kind, factor if kind == "social" else None, done)
        for a, (kind, factor, done) in EXPECTED.items()
    }


@pytest.mark.java
def test_every_command_gives_domains_goals_and_problems_the_same_years(
    dataset: Path, findings, inferred, tmp_path: Path
) -> None:
    """Covered: an activity of the year reaches it. Missing: a year of its period up to the
    reference year that no activity covers."""
    plan_years = set(range(2016, 2023))
    reached = {
        "familjen": {2016},
        "skolan": {2017, 2022},
        "samhallet": {2018, 2019},
        "kamratgruppen-fritiden": {2021},
        "individen": set(),
    }
    expected = {d: plan_years - reached[d] for d in DOMAINS}
    expected["mal-tunt"] = plan_years - {2016, 2020}
    checked = {f: years(text) for f, text in findings["COV-DOMAIN"] + findings["CHAIN-IDLE-GOAL"]}
    assert checked == expected
    assert {f for f, _ in findings["CHAIN-UNADDRESSED"]} == {"problem-utan-aktivitet"}

    page = tmp_path / "coverage.html"
    run("viz", str(dataset), "--view", "coverage", "--as-of", AS_OF, "-o", str(page))
    nodes = {local(n["id"]): n for n in page_data(page.read_text(encoding="utf-8"))["nodes"]}
    drawn = {
        key: set(nodes[key]["relevant"]) - set(nodes[key]["covered"])
        for key in [*DOMAINS, "mal", "mal-tunt"]
    }
    assert drawn == {**expected, "mal": set()}
    assert nodes["problem-utan-aktivitet"]["covered"] == []
    assert nodes["problem"]["covered"] == [2016, 2018, 2019, 2020, 2021, 2022]

    result = json.loads(run("query", "domain-coverage", str(dataset), "--format", "json"))
    gaps: dict[str, set[int]] = {d: set() for d in DOMAINS}
    for binding in result["results"]["bindings"]:
        if binding["activities"]["value"] == "0":
            gaps[local(binding["domain"]["value"])].add(int(binding["year"]["value"]))
    assert gaps == {d: expected[d] for d in DOMAINS}
    result = json.loads(run("query", "problems-without-activity", str(dataset), "--format", "json"))
    assert [local(b["problem"]["value"]) for b in result["results"]["bindings"]] == [
        "problem-utan-aktivitet"
    ]
    assert ("problem", "AddressedProblem") in inferred
    assert ("problem-utan-aktivitet", "AddressedProblem") not in inferred
