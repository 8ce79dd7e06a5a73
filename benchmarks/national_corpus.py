"""A synthetic national corpus in samklang's input format, with a known list of defects.

Every municipality is SYNTHETIC ("Syntetisk kommun 0042", code 7042 — not a real code): a
coherent 2023–2026 planning (programme, plan, agreement, two promises, lägesbild, åtgärdsplan,
yearly trygghetsbokslut, goals, problems and activities in all five domains) that no rule
objects to but FUP-INDICATOR (the goals name no indicator: the corpus has no follow-up figures,
and that finding is expected in every municipality), into which one known defect is injected
in every third municipality. The plan names
the five areas it works from (`considers_domains`, so COV-DOMAIN checks it), the åtgärdsplan has
activities of its own aimed at factors of both sides (COV-BALANCE counts a plan's own), and the
temagrupp reports to a styrgrupp that reports to the kommunstyrelse (ORG-POLITICAL). At 290
municipalities the corpus holds about a million triples.

    python benchmarks/national_corpus.py OUT_DIR [--municipalities 290]

writes OUT_DIR/<code>/ dataset folders and OUT_DIR/defects.json: the findings the rule pack
must report, in grouped terms (one finding per rule, document and kind, as `check` groups rows):
[rule, municipality code, document id ("" for none), [focus ids: its items, or its one focus],
kind ("defect" or "question")].
"""

from __future__ import annotations

import argparse
import copy
import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

AS_OF = "2026-11-25"
YEARS = (2023, 2024, 2025, 2026)
GOALS = 7
PROBLEMS = 40
ACTIVITIES_PER_YEAR = 60
ACTION_PLAN_ACTIVITIES_PER_YEAR = 4

FACTORS = {  # domain → (risk factor, protective factor)
    "familjen": ("familj-bristande-foraldratillsyn", "familj-delaktiga-foraldrar"),
    "kamratgruppen-fritiden": ("kamrat-normbrytande-kamrater", "kamrat-organiserad-fritid"),
    "skolan": ("skola-skolmisslyckande", "skola-tillhorighet-till-skolan"),
    "samhallet": ("samhalle-tillgang-till-alkohol-och-droger",
                  "samhalle-engagemang-i-lokalsamhallet"),
    "individen": ("individ-impulsivitet", "individ-social-kompetens"),
}
DOMAINS = list(FACTORS)
COMMITTEES = ["socialnamnden", "bun", "kultur-fritid", "samhallsbyggnad", "tekniska"]


def clean_municipality(number: int) -> dict[str, Any]:
    """The coherent planning of synthetic municipality ``number``, as input-format sections."""
    code = f"{7000 + number:04d}"
    kommun = "kommun"
    spec: dict[str, Any] = {
        "code": code,
        "municipality": {"id": kommun, "name": f"Syntetisk kommun {number:04d}", "code": code,
                         "coordination_function": "samordning"},
        "organisations": [
            {"id": "polismyndigheten", "name": "Polismyndigheten", "type": "myndighet"},
            {"id": "lpo", "name": f"Syntetiskt lokalpolisområde {number:04d}",
             "type": "lokalpolisomrade", "part_of": "polismyndigheten"},
            {"id": "rtj", "name": f"Syntetiskt räddningstjänstförbund {number:04d}",
             "type": "raddningstjanstforbund"},
            {"id": "forening", "name": "Syntetisk idrottsförening", "type": "organisation"},
            {"id": "kf", "name": "Kommunfullmäktige", "type": "namnd", "part_of": kommun},
            {"id": "ks", "name": "Kommunstyrelsen", "type": "namnd", "part_of": kommun},
            *({"id": c, "name": c.capitalize(), "type": "namnd", "part_of": kommun}
              for c in COMMITTEES),
        ],
        "groups": [
            {"id": "temagrupp", "name": "Temagrupp brott", "type": "temagrupp",
             "members": [kommun, "lpo", "rtj"], "convener": kommun, "reports_to": "styrgrupp"},
            # The styrgrupp answers to the kommunstyrelse (ORG-POLITICAL: the temagrupp's
            # reporting line reaches a nämnd, whether or not a document's decision is recorded).
            {"id": "styrgrupp", "name": "Styrgrupp", "type": "styrgrupp", "part_of": kommun,
             "reports_to": "ks"},
            {"id": "samordning", "name": "Samordningsfunktion", "type": "arbetsgrupp",
             "members": [kommun]},
        ],
    }
    responsible = {"handlaggare": "Samordnare", "reviewed_by": "Säkerhetschef"}
    spec["documents"] = [
        {"id": "handlingsprogram", "title": "Handlingsprogram skydd mot olyckor",
         "type": "handlingsprogram", "period": "2023-2026", "legal_basis": ["SFS 2003:778"],
         "decision": {"by": "kf", "date": "2022-12-12"}, **responsible},
        {"id": "plan", "title": "Plan för brottsförebyggande arbete",
         "type": "brottsforebyggande-plan", "period": "2023-2026", "owning_group": "temagrupp",
         "decision": {"by": "ks", "date": "2023-02-06"}, "references": ["lagesbild"],
         "considers_domains": DOMAINS, **responsible},
        {"id": "samverkan", "title": "Samverkansöverenskommelse",
         "type": "samverkansoverenskommelse", "period": "2023-2026",
         "signed_by": ["ks", "lpo"], **responsible},
        {"id": "ml-1", "title": "Medborgarlöfte 2023–2024", "type": "medborgarlofte",
         "period": "2023-2024", "part_of": "samverkan", "signed_by": ["ks", "lpo"],
         **responsible},
        {"id": "ml-2", "title": "Medborgarlöfte 2025–2026", "type": "medborgarlofte",
         "period": "2025-2026", "part_of": "samverkan", "signed_by": ["ks", "lpo"],
         **responsible},
        {"id": "lagesbild", "title": "Lägesbild", "type": "lagesbild", "period": "2025-2026",
         "lagesbild_parts": ["kartlaggning", "annan-information", "analys"]},
        {"id": "atgardsplan", "title": "Åtgärdsplan", "type": "atgardsplan",
         "period": "2025-2026", "legal_basis": ["SFS 2023:196"], "owning_group": "temagrupp",
         "decision": {"by": "kf", "date": "2024-12-09"}, **responsible},
        *({"id": f"tb-{y}", "title": f"Trygghetsbokslut {y}", "type": "trygghetsbokslut",
           "reports_on": "plan", "report_year": y, "entries": []} for y in YEARS[:3]),
        {"id": "tb-ap-2025", "title": "Uppföljning av åtgärdsplanen 2025",
         "type": "trygghetsbokslut", "reports_on": "atgardsplan", "report_year": 2025,
         "entries": []},
    ]
    spec["goal_areas"] = [{"id": "malomrade", "title": "Brott", "document": "plan",
                           "owning_group": "temagrupp"}]
    spec["goals"] = [{"id": f"mal-{g}", "title": f"Mål {g}", "document": "plan",
                      "goal_area": "malomrade"} for g in range(GOALS)]
    spec["focus_areas"] = [
        {"id": "fokus-a", "title": "Trygghet i centrum", "document": "samverkan",
         "prioritised": True},
        {"id": "fokus-b", "title": "Narkotika bland unga", "document": "samverkan",
         "prioritised": True},
        {"id": "lofte-1", "title": "Närvaro i centrum", "document": "ml-1", "prioritised": True,
         "within": "fokus-a"},
        {"id": "lofte-2", "title": "Mot narkotika vid skolorna", "document": "ml-2",
         "prioritised": True, "within": "fokus-b"},
    ]
    spec["problems"] = [
        {"id": f"problem-{p}", "title": f"Problem {p}", "identified_in": "lagesbild",
         "prioritised": True, "causes": [FACTORS[DOMAINS[p % 5]][0]]} for p in range(PROBLEMS)
    ]
    activities = []
    for year in YEARS:
        for n in range(ACTIVITIES_PER_YEAR):
            social = n % 4 != 3
            domain = DOMAINS[(n // 2) % 5]
            activity = {
                "id": f"a-{year}-{n:03d}", "title": f"Aktivitet {n} år {year}", "year": year,
                "document": "plan", "responsible": COMMITTEES[n % len(COMMITTEES)],
                "kind": "social" if social else "situationell", "goal": f"mal-{n % GOALS}",
                "problems": f"problem-{(n + year) % PROBLEMS}",
                "factors": FACTORS[domain][n % 2] if social else "",
                "status": "pagaende" if year == YEARS[-1] else "genomford",
            }
            activities.append(activity)
    # The åtgärdsplan's own activities, aimed at risk and protective factors in turn (COV-BALANCE
    # counts a plan's own activities, from three up).
    for year in YEARS[2:]:
        for n in range(ACTION_PLAN_ACTIVITIES_PER_YEAR):
            domain = DOMAINS[(n + year) % 5]
            activities.append({
                "id": f"ap-{year}-{n:02d}", "title": f"Åtgärd {n} år {year}", "year": year,
                "document": "atgardsplan", "responsible": COMMITTEES[n % len(COMMITTEES)],
                "kind": "social", "goal": f"mal-{n % GOALS}",
                "problems": f"problem-{(n + 2 * year) % PROBLEMS}",
                "factors": FACTORS[domain][n % 2],
                "status": "pagaende" if year == YEARS[-1] else "genomford"})
    for promise, years, focus in (("ml-1", (2023, 2024), "lofte-1"),
                                  ("ml-2", (2025, 2026), "lofte-2")):
        for year in years:
            activities.append({
                "id": f"{promise}-{year}", "title": f"Löftesaktivitet {year}", "year": year,
                "document": promise, "responsible": "lpo", "kind": "situationell",
                "goal": focus, "problems": f"problem-{year % PROBLEMS}", "factors": "",
                "status": "pagaende" if year == YEARS[-1] else "genomford"})
    spec["activities"] = activities
    for document in spec["documents"]:
        if document["id"].startswith("tb-") and "entries" in document:
            year, on = document["report_year"], document["reports_on"]
            document["entries"] = [
                {"activity": a["id"], "status": "genomford"}
                for a in activities if a["year"] == year and a["document"] == on
            ]
    return spec


def _document(spec: dict[str, Any], doc_id: str) -> dict[str, Any]:
    return next(d for d in spec["documents"] if d["id"] == doc_id)


def _activity(spec: dict[str, Any], activity_id: str) -> dict[str, Any]:
    return next(a for a in spec["activities"] if a["id"] == activity_id)


def _drop_entry(spec: dict[str, Any], activity_id: str) -> None:
    for document in spec["documents"]:
        if "entries" in document:
            document["entries"] = [e for e in document["entries"]
                                   if e["activity"] != activity_id]


Row = tuple[str, ...]
"""One row a rule must report: (rule, document id or "" for none, focus id), and "question" as a
fourth element when the finding is a question (the fact not recorded) rather than a defect."""
QUESTION = "question"
Defect = Callable[[dict[str, Any]], list[Row]]


def _set(target: dict[str, Any], **changes: Any) -> None:
    for key, value in changes.items():
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value


def no_decision(s: dict[str, Any]) -> list[Row]:
    _set(_document(s, "plan"), decision=None)
    return [("DOC-DECISION", "plan", "plan", QUESTION)]  # absent: ask


def no_reviewer(s: dict[str, Any]) -> list[Row]:
    _set(_document(s, "plan"), reviewed_by=None)
    return [("DOC-RESPONSIBLE", "plan", "plan", QUESTION)]  # absent: ask


def activity_without_goal(s: dict[str, Any]) -> list[Row]:
    _set(_activity(s, "a-2024-005"), goal="")
    return [("CHAIN-GOAL", "plan", "a-2024-005")]


def activity_without_responsible(s: dict[str, Any]) -> list[Row]:
    _set(_activity(s, "a-2024-006"), responsible="")
    return [("ORG-RESPONSIBLE", "plan", "a-2024-006")]


def activity_without_outcome(s: dict[str, Any]) -> list[Row]:
    _set(_activity(s, "a-2024-007"), status="")
    _drop_entry(s, "a-2024-007")
    return [("FUP-ACTIVITY", "plan", "a-2024-007")]


def activity_not_done(s: dict[str, Any]) -> list[Row]:
    _set(_activity(s, "a-2024-008"), status="ej-genomford")
    _drop_entry(s, "a-2024-008")
    return [("FUP-NOT-DONE", "plan", "a-2024-008")]


def missing_report(s: dict[str, Any]) -> list[Row]:
    s["documents"] = [d for d in s["documents"] if d["id"] != "tb-2024"]
    return [("FUP-REPORT", "plan", "plan")]


def no_convener(s: dict[str, Any]) -> list[Row]:
    _set(s["groups"][0], convener=None)
    return [("ORG-GROUP", "", "temagrupp")]


def one_signature(s: dict[str, Any]) -> list[Row]:
    _set(_document(s, "samverkan"), signed_by=["ks"])
    return [("ORG-SIGNATORIES", "samverkan", "samverkan")]


def no_coordination(s: dict[str, Any]) -> list[Row]:
    _set(s["municipality"], coordination_function=None)
    return [("LAW-2023-196-SAMORDNING", "", "kommun")]


def promise_gap(s: dict[str, Any]) -> list[Row]:
    _set(_document(s, "ml-2"), period="2025-03-01/2026-12-31")
    # Both promises of the agreement: one finding about the series, naming both.
    return [("PER-TILING", "samverkan", "ml-1"), ("PER-TILING", "samverkan", "ml-2")]


def programme_offset(s: dict[str, Any]) -> list[Row]:
    _set(_document(s, "handlingsprogram"), period="2024-2027")
    # Out of step with the plan and the agreement: one finding about the programme, naming both.
    return [("PER-ALIGNED", "handlingsprogram", "plan"),
            ("PER-ALIGNED", "handlingsprogram", "samverkan"),
            ("PER-MANDATE", "handlingsprogram", "handlingsprogram")]


def lagesbild_two_parts(s: dict[str, Any]) -> list[Row]:
    _set(_document(s, "lagesbild"), lagesbild_parts=["kartlaggning", "analys"])
    return [("LAW-2023-196-LAGESBILD", "", "kommun")]


def undecided_action_plan(s: dict[str, Any]) -> list[Row]:
    _set(_document(s, "atgardsplan"), decision=None)
    return [("DOC-DECISION", "atgardsplan", "atgardsplan", QUESTION),
            ("LAW-2023-196-ATGARDSPLAN", "", "kommun")]


def unaddressed_problem(s: dict[str, Any]) -> list[Row]:
    s["problems"].append({"id": "problem-extra", "title": "Ett problem utan åtgärd",
                          "identified_in": "lagesbild", "prioritised": True})
    return [("CHAIN-UNADDRESSED", "lagesbild", "problem-extra")]


def stale_reference(s: dict[str, Any]) -> list[Row]:
    s["documents"].append({"id": "strategi", "title": "En äldre strategi", "type": "strategi",
                           "period": "2020-2024"})
    _document(s, "plan")["references"].append("strategi")
    return [("REF-STALE", "plan", "strategi")]


def unresolved_law(s: dict[str, Any]) -> list[Row]:
    _document(s, "plan")["references"].append("SFS 2017:725")
    return [("REF-UNRESOLVED", "plan", "sfs-2017-725")]


def domain_gap(s: dict[str, Any]) -> list[Row]:
    # The plan names its areas and has activities of its own aimed at factors, so COV-DOMAIN
    # reports the area no activity of the municipality reaches in 2024 (one finding).
    gone = [a["id"] for a in s["activities"]
            if a["year"] == 2024 and a["factors"] in FACTORS["individen"]]
    s["activities"] = [a for a in s["activities"] if a["id"] not in gone]
    for activity_id in gone:
        _drop_entry(s, activity_id)
    return [("COV-DOMAIN", "plan", "individen")]


def promise_outside(s: dict[str, Any]) -> list[Row]:
    _set(s["focus_areas"][3], within=None)
    # The agreement's area then has no activity through a promise any more.
    return [("CHAIN-PROMISE", "ml-2", "lofte-2"), ("CHAIN-UNADDRESSED", "samverkan", "fokus-b")]


def promise_beyond_agreement(s: dict[str, Any]) -> list[Row]:
    _set(_document(s, "ml-2"), period="2025-2027")
    return [("PER-CONTAINED", "ml-2", "ml-2"), ("PER-TILING", "samverkan", "ml-2")]


def programme_steers_crime(s: dict[str, Any]) -> list[Row]:
    s["goal_areas"].append({"id": "malomrade-hp", "title": "Brott", "document":
                            "handlingsprogram", "lso": False})
    return [("LAW-MSBFS-2021-1", "handlingsprogram", "handlingsprogram"),
            ("CHAIN-IDLE-GOAL", "handlingsprogram", "malomrade-hp")]


def promise_expired(s: dict[str, Any]) -> list[Row]:
    _set(_document(s, "ml-2"), period="2025")
    # One finding about the series: the promise runs 12 months of the expected 24, and no
    # promise covers 2026, a year of the agreement (focus: the agreement).
    return [("PER-EXPIRED", "ml-2", "ml-2"), ("PER-TILING", "samverkan", "ml-2"),
            ("PER-TILING", "samverkan", "samverkan")]


def only_risk(s: dict[str, Any]) -> list[Row]:
    for activity in s["activities"]:
        for risk, protective in FACTORS.values():
            if activity["factors"] == protective:
                activity["factors"] = risk
    # Both activity plans have three or more activities of their own aimed at factors.
    return [("COV-BALANCE", "plan", "plan"), ("COV-BALANCE", "atgardsplan", "atgardsplan")]


def missing_period(s: dict[str, Any]) -> list[Row]:
    s["documents"].append({"id": "ml-utkast", "title": "Medborgarlöfte (utkast)",
                           "type": "medborgarlofte", "signed_by": ["ks", "lpo"],
                           "handlaggare": "Kommunpolis", "reviewed_by": "Samordnare"})
    return [("PER-MISSING", "ml-utkast", "ml-utkast")]


def idle_goal(s: dict[str, Any]) -> list[Row]:
    s["goals"].append({"id": "mal-extra", "title": "Ett mål utan aktivitet", "document": "plan",
                       "goal_area": "malomrade"})
    return [("CHAIN-IDLE-GOAL", "plan", "mal-extra")]


def outside_member(s: dict[str, Any]) -> list[Row]:
    _set(_activity(s, "a-2025-009"), responsible="forening")
    return [("ORG-MEMBER", "plan", "a-2025-009")]


def activity_without_basis(s: dict[str, Any]) -> list[Row]:
    # CHAIN-BASIS asks for a problem, a promise or a factor (issue 11): a social activity with
    # a problem but no factor is no longer a finding, so both are taken away.
    _set(_activity(s, "a-2025-010"), factors="", problems="")
    return [("CHAIN-BASIS", "plan", "a-2025-010")]


DEFECTS: list[Defect] = [
    no_decision, no_reviewer, activity_without_goal, activity_without_responsible,
    activity_without_outcome, activity_not_done, missing_report, no_convener, one_signature,
    no_coordination, promise_gap, programme_offset, lagesbild_two_parts, undecided_action_plan,
    unaddressed_problem, stale_reference, unresolved_law, domain_gap, promise_outside,
    promise_beyond_agreement, programme_steers_crime, promise_expired, only_risk,
    missing_period, idle_goal, outside_member, activity_without_basis,
]
"""Each injects one defect and returns the rows (``Row``) the rule pack must report."""


def municipality(number: int) -> tuple[dict[str, Any], list[Row]]:
    """Municipality ``number``: its spec, and the rows its injected defect and its goals with
    no indicator must cause."""
    spec = clean_municipality(number)
    rows = [] if number % 3 != 0 else DEFECTS[(number // 3) % len(DEFECTS)](spec)
    return spec, rows + no_indicator(spec)


def no_indicator(s: dict[str, Any]) -> list[Row]:
    """The synthetic goals name no indicator (the corpus has no follow-up figures): FUP-INDICATOR
    reports them, in every municipality, as the true defect it is."""
    return [
        ("FUP-INDICATOR", g["document"], g["id"]) for g in s["goals"] if not g.get("indicators")
    ]


def write_dataset(spec: dict[str, Any], folder: Path) -> None:
    """Write ``spec`` as a dataset folder: planning.yaml and activities.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    sections = {k: copy.deepcopy(v) for k, v in spec.items() if k not in ("code", "activities")}
    text = "# SYNTETISK kommun för prestandamätning; inga uppgifter är verkliga.\n"
    text += yaml.safe_dump(sections, allow_unicode=True, sort_keys=False)
    (folder / "planning.yaml").write_text(text, encoding="utf-8")
    columns = ["id", "title", "year", "document", "responsible", "kind", "goal", "problems",
               "factors", "status"]
    with (folder / "activities.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(spec["activities"])


def grouped(code: str, rows: list[Row]) -> list[list[Any]]:
    """Rows as the findings ``check`` makes of them: one per rule, document and kind, its foci
    (the items it names, or its one focus) sorted — [rule, code, document, [foci], kind]."""
    findings: dict[tuple[str, str, str], list[str]] = {}
    for rule, document, focus, *kind in rows:
        findings.setdefault((rule, document, kind[0] if kind else "defect"), []).append(focus)
    return [[rule, code, document, sorted(foci), kind]
            for (rule, document, kind), foci in findings.items()]


def generate(out: Path, count: int) -> list[list[Any]]:
    """Write ``count`` municipalities under ``out``; return and write the expected findings."""
    expected: list[list[Any]] = []
    for number in range(count):
        spec, rows = municipality(number)
        write_dataset(spec, out / spec["code"])
        expected.extend(grouped(spec["code"], rows))
    expected.sort()
    (out / "defects.json").write_text(json.dumps({"as_of": AS_OF, "findings": expected},
                                                 indent=1), encoding="utf-8")
    return expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--municipalities", type=int, default=290)
    args = parser.parse_args()
    expected = generate(args.out, args.municipalities)
    print(f"wrote {args.municipalities} municipalities and {len(expected)} expected findings "
          f"to {args.out}")


if __name__ == "__main__":
    main()
