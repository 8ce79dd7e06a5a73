"""The national view: a corpus of municipalities drawn as municipalities × domains.

A store with many municipalities (a national corpus holds about a million triples) is not drawn
as raw nodes. Aggregating SPARQL queries count activities per municipality, domain and year;
each municipality becomes one node, coloured by how many of the five domains it covers every
plan year, linked to the domains it has activity in; the municipalities stand in a grid by
code (so county by county) under the five domains, at fixed places, so that even 290 of them
keep their labels apart. Clicking a municipality drills down to its
own coverage: domains × years and goals × years, and its goals linked to the domains their
activities target. The drill-downs travel in the page as JSON that is parsed only when opened.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date
from typing import Any

import pyoxigraph as ox

from samklang.graph.concepts import due_years
from samklang.graph.store import ONTOLOGY_GRAPH, Store
from samklang.network.build import Municipality, municipalities
from samklang.viz.views import layout
from samklang.viz.views.common import hover, kind_word
from samklang.viz.views.model import Cell, Edge, Filter, Matrix, Node, View
from samklang.viz.views.style import WORDS, coverage_status, years_text

COUNTIES = {
    "01": "Stockholms län",
    "03": "Uppsala län",
    "04": "Södermanlands län",
    "05": "Östergötlands län",
    "06": "Jönköpings län",
    "07": "Kronobergs län",
    "08": "Kalmar län",
    "09": "Gotlands län",
    "10": "Blekinge län",
    "12": "Skåne län",
    "13": "Hallands län",
    "14": "Västra Götalands län",
    "17": "Värmlands län",
    "18": "Örebro län",
    "19": "Västmanlands län",
    "20": "Dalarnas län",
    "21": "Gävleborgs län",
    "22": "Västernorrlands län",
    "23": "Jämtlands län",
    "24": "Västerbottens län",
    "25": "Norrbottens län",
}
"""Swedish counties by the first two digits of the SCB municipality code."""

DOMAIN_YEARS_QUERY = """
SELECT ?m ?domain ?year (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a a sk:Activity ; sk:year ?year ; sk:plannedIn ?doc .
  ?doc sk:municipality ?m .
  { ?a sk:targetsFactor ?f . ?f sk:inDomain ?domain } UNION { ?a sk:targetsDomain ?domain }
}
GROUP BY ?m ?domain ?year
"""

DOMAIN_TOTALS_QUERY = """
SELECT ?m ?domain (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a a sk:Activity ; sk:plannedIn ?doc .
  ?doc sk:municipality ?m .
  { ?a sk:targetsFactor ?f . ?f sk:inDomain ?domain } UNION { ?a sk:targetsDomain ?domain }
}
GROUP BY ?m ?domain
"""

ACTIVITY_YEARS_QUERY = """
SELECT ?m ?year (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a a sk:Activity ; sk:year ?year ; sk:plannedIn ?doc .
  ?doc sk:municipality ?m .
}
GROUP BY ?m ?year
"""

ACTIVITIES_QUERY = """
SELECT ?m (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a a sk:Activity ; sk:plannedIn ?doc .
  ?doc sk:municipality ?m .
}
GROUP BY ?m
"""

PLAN_YEARS_QUERY = """
SELECT DISTINCT ?m ?year WHERE {
  ?doc sk:municipality ?m ; dcterms:type ?type ; sk:periodYear ?year .
  ?type sk:activityPlan true .
}
"""

OBJECTIVES_QUERY = """
SELECT ?m ?o ?type ?title ?year (COUNT(DISTINCT ?a) AS ?n) WHERE {
  VALUES ?type { sk:GoalArea sk:Goal sk:FocusArea }
  ?o a ?type ; dcterms:title ?title ; sk:statedIn ?doc .
  ?doc sk:municipality ?m .
  OPTIONAL {
    { ?a sk:contributesTo ?o } UNION { ?a sk:contributesTo ?goal . ?goal sk:inGoalArea ?o }
    ?a sk:year ?year .
  }
}
GROUP BY ?m ?o ?type ?title ?year
"""

OBJECTIVE_PERIODS_QUERY = """
SELECT DISTINCT ?o ?year ?lso WHERE {
  VALUES ?type { sk:GoalArea sk:Goal sk:FocusArea }
  ?o a ?type ; sk:statedIn ?doc .
  OPTIONAL { ?doc sk:periodYear ?year }
  OPTIONAL { ?o sk:lsoTask ?lso }
}
"""

OBJECTIVE_DOMAINS_QUERY = """
SELECT ?o ?domain (COUNT(DISTINCT ?a) AS ?n) WHERE {
  { ?a sk:contributesTo ?o } UNION { ?a sk:contributesTo ?goal . ?goal sk:inGoalArea ?o }
  { ?a sk:targetsFactor ?f . ?f sk:inDomain ?domain } UNION { ?a sk:targetsDomain ?domain }
}
GROUP BY ?o ?domain
"""

DOMAINS_QUERY = """
SELECT ?ontology ?domain ?label WHERE {
  GRAPH ?ontology { ?domain a sk:Domain ; skos:prefLabel ?label }
}
"""

TEXT: dict[str, dict[str, Any]] = {
    "sv": {
        "title": "Täckning i hela landet: kommuner × domäner",
        "legend_covered": ("Kommun: varje domän har aktivitet varje planår; domän: i varje kommun"),
        "legend_partial": (
            "Kommun: några domäner har aktivitet varje planår; domän: i några kommuner"
        ),
        "legend_none": ("Kommun: ingen domän har aktivitet varje planår; domän: i ingen kommun"),
        "intro": (
            "Varje punkt är en kommun, kopplad till de domäner den har aktiviteter i. Grön "
            "kommun: aktivitet i alla fem domäner varje planår; orange: luckor; röd: ingen "
            "domän täckt. Klicka på en kommun för att se dess mål och domäner år för år."
        ),
        "coverage": "Täckning",
        "matrix": "Aktiviteter per kommun och domän (alla år)",
        "municipality": "Kommun",
        "note": (
            "Siffran är antalet aktiviteter. Markerat ”saknas”: domänen har ingen aktivitet "
            "ett planår (åren anges)."
        ),
        "domain_hover": "{n} av {total} kommuner har aktivitet varje planår",
        "domains_covered": "{n} av 5 domäner med aktivitet varje planår",
        "activities": "{n} aktiviteter",
        "sub_title": "{name}: täckning",
        "domains": "Aktiviteter per domän och år",
        "objectives": "Aktiviteter per mål och år",
        "objective": "Mål",
        "domain": "Domän",
        "total": "Aktiviteter totalt",
        "cell_note": (
            "Siffran är antalet aktiviteter. Markerat ”saknas”: inga aktiviteter ett år som "
            "ska ha det. – : året ligger utanför perioden."
        ),
        "sub_intro": (
            "Kommunens mål (vänster) kopplade till de domäner (höger) som deras aktiviteter "
            "riktar sig mot."
        ),
        "targets": "aktiviteter riktas mot",
        "sub_edge": "Målets aktiviteter riktas mot domänen (tjockare: fler)",
        "has": "har aktivitet i",
        "unknown_county": "okänt län",
        "missing": "saknas",
    },
    "en": {
        "title": "Coverage across the country: municipalities × domains",
        "legend_covered": (
            "Municipality: every domain has activity every plan year; domain: in every municipality"
        ),
        "legend_partial": (
            "Municipality: some domains have activity every plan year; "
            "domain: in some municipalities"
        ),
        "legend_none": (
            "Municipality: no domain has activity every plan year; domain: in no municipality"
        ),
        "intro": (
            "Each dot is a municipality, linked to the domains it has activities in. Green: "
            "activity in all five domains every plan year; orange: gaps; red: no domain "
            "covered. Click a municipality to see its goals and domains year by year."
        ),
        "coverage": "Coverage",
        "matrix": "Activities per municipality and domain (all years)",
        "municipality": "Municipality",
        "note": (
            "The number is the count of activities. Marked “missing”: the domain has no "
            "activity in a plan year (the years are given)."
        ),
        "domain_hover": "{n} of {total} municipalities have activity every plan year",
        "domains_covered": "{n} of 5 domains with activity every plan year",
        "activities": "{n} activities",
        "sub_title": "{name}: coverage",
        "domains": "Activities per domain and year",
        "objectives": "Activities per goal and year",
        "objective": "Goal",
        "domain": "Domain",
        "total": "Activities in all",
        "cell_note": (
            "The number is the count of activities. Marked “missing”: no activity in a year "
            "that should have one. – : the year lies outside the period."
        ),
        "sub_intro": (
            "The municipality's goals (left) linked to the domains (right) their activities target."
        ),
        "targets": "activities target",
        "sub_edge": "The goal's activities target the domain (thicker: more)",
        "has": "has activity in",
        "unknown_county": "unknown county",
        "missing": "missing",
    },
}

KIND_OF = {
    "https://w3id.org/samklang/ontology#GoalArea": "goal_area",
    "https://w3id.org/samklang/ontology#Goal": "goal",
    "https://w3id.org/samklang/ontology#FocusArea": "focus_area",
}


def national_view(store: Store, lang: str, as_of: date) -> View:
    """Build the aggregated view of every municipality in ``store``."""
    text = TEXT[lang]
    words = WORDS[lang]
    every = municipalities(store)
    code_of = {m.iri: m.code for m in every}
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for row in store.select(DOMAINS_QUERY, {"ontology": ONTOLOGY_GRAPH}):
        label = row["label"]
        if isinstance(label, ox.Literal):
            labels[row["domain"].value][label.language or ""] = label.value
    order = ["familjen", "kamratgruppen-fritiden", "skolan", "samhallet", "individen"]
    domains = sorted(
        labels,
        key=lambda d: (
            order.index(d.rsplit("/", 1)[-1]) if d.rsplit("/", 1)[-1] in order else 9,
            d,
        ),
    )
    domain_label = {d: labels[d].get(lang) or labels[d].get("sv") or d for d in domains}

    counts: dict[str, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    for row in store.select(DOMAIN_YEARS_QUERY):
        code = code_of.get(row["m"].value)
        if code is not None:
            counts[code][row["domain"].value][int(row["year"].value)] = int(row["n"].value)
    distinct: dict[tuple[str, str], int] = {}
    for row in store.select(DOMAIN_TOTALS_QUERY):
        code = code_of.get(row["m"].value)
        if code is not None:
            distinct[(code, row["domain"].value)] = int(row["n"].value)
    totals: dict[str, dict[int, int]] = defaultdict(dict)
    for row in store.select(ACTIVITY_YEARS_QUERY):
        code = code_of.get(row["m"].value)
        if code is not None:
            totals[code][int(row["year"].value)] = int(row["n"].value)
    activities: dict[str, int] = {}
    for row in store.select(ACTIVITIES_QUERY):
        code = code_of.get(row["m"].value)
        if code is not None:
            activities[code] = int(row["n"].value)
    plan: dict[str, set[int]] = defaultdict(set)
    for row in store.select(PLAN_YEARS_QUERY):
        code = code_of.get(row["m"].value)
        if code is not None:
            plan[code].add(int(row["year"].value))

    nodes: list[Node] = []
    edges: list[Edge] = []
    hubs = []
    covering: dict[str, int] = defaultdict(int)
    rows = []
    for m in every:
        relevant = due_years(plan[m.code] or totals[m.code], as_of)
        covered_domains = 0
        cells = []
        for d in domains:
            years = sorted(counts[m.code].get(d, {}))
            total = distinct.get((m.code, d), 0)
            status = coverage_status(relevant, years)
            if status == "covered":
                covered_domains += 1
                covering[d] += 1
            missing = sorted(set(relevant) - set(years))
            if missing:
                cells.append(
                    Cell(total, "none", f"{total} · {text['missing']} {years_text(missing)}")
                )
            else:
                cells.append(Cell(total, "covered", str(total)))
            if total:
                edges.append(
                    Edge(
                        m.iri,
                        d,
                        "coverage",
                        f"{text['has']} {domain_label[d]}: {total}",
                        width=min(1 + math.log2(total), 5),
                    )
                )
        rows.append((f"{m.name} ({m.code})", cells))
        status = (
            "covered"
            if covered_domains == len(domains)
            else ("none" if covered_domains == 0 else "partial")
        )
        county = COUNTIES.get(m.code[:2], text["unknown_county"])
        activity_count = activities.get(m.code, 0)
        node = Node(
            id=m.iri,
            label=m.name,
            style="municipality-score",
            kind=kind_word(lang, "municipality"),
            status=status,
            hover=hover(
                kind_word(lang, "municipality"),
                f"{m.name} ({m.code})",
                county,
                text["domains_covered"].format(n=covered_domains),
                text["activities"].format(n=activity_count),
            ),
            details=[
                (kind_word(lang, "municipality"), f"{m.name} ({m.code})"),
                (words["county"], county),
                (text["coverage"], text["domains_covered"].format(n=covered_domains)),
                (kind_word(lang, "activity"), str(activity_count)),
                ("IRI", m.iri),
            ],
            facets={"county": [m.code[:2]], "coverage": [status], "drill": [m.code]},
        )
        nodes.append(node)
    for d in domains:
        hub = Node(
            id=d,
            label=domain_label[d],
            style="domain",
            kind=kind_word(lang, "domain"),
            status="covered"
            if covering[d] == len(every)
            else ("none" if not covering[d] else "partial"),
            hover=hover(
                kind_word(lang, "domain"),
                domain_label[d],
                text["domain_hover"].format(n=covering[d], total=len(every)),
            ),
            details=[(kind_word(lang, "domain"), domain_label[d]), ("IRI", d)],
            size=1.3,
        )
        hubs.append(hub)
    layout.grid(nodes, hubs)
    nodes.extend(hubs)

    counties = sorted({m.code[:2] for m in every})
    filters = [
        Filter(
            "county",
            words["county"],
            [("", words["all"])]
            + [(c, COUNTIES.get(c, f"{text['unknown_county']} ({c})")) for c in counties],
        ),
        Filter(
            "coverage",
            text["coverage"],
            [
                ("", words["all"]),
                ("covered", text["legend_covered"]),
                ("partial", text["legend_partial"]),
                ("none", text["legend_none"]),
            ],
        ),
    ]
    matrix = Matrix(
        caption=text["matrix"],
        corner=text["municipality"],
        columns=[domain_label[d] for d in domains],
        rows=rows,
        note=text["note"],
    )
    view = View(
        name="national",
        lang=lang,
        title=text["title"],
        subtitle=" · ".join(
            (
                f"{len(every)} " + ("kommuner" if lang == "sv" else "municipalities"),
                ("per " if lang == "sv" else "as of ") + as_of.isoformat(),
            )
        ),
        intro=text["intro"],
        nodes=nodes,
        edges=edges,
        legend=[
            *(
                (status, text[f"legend_{status}"])
                for status in ("covered", "partial", "none")
                if any(n.status == status for n in nodes)
            ),
            ("municipality-score", kind_word(lang, "municipality")),
            ("domain", kind_word(lang, "domain")),
            ("edge:coverage", text["has"]),
        ],
        filters=filters,
        matrices=[matrix],
        physics=False,
    )
    view.drilldown = _drilldowns(
        store, every, domains, domain_label, counts, totals, plan, lang, as_of
    )
    return view


def _drilldowns(
    store: Store,
    every: list[Municipality],
    domains: list[str],
    domain_label: dict[str, str],
    counts: dict[str, dict[str, dict[int, int]]],
    totals: dict[str, dict[int, int]],
    plan: dict[str, set[int]],
    lang: str,
    as_of: date,
) -> dict[str, View]:
    """Per municipality: its domains × years and goals × years, and goals linked to domains."""
    text = TEXT[lang]
    words = WORDS[lang]
    code_of = {m.iri: m.code for m in every}
    objectives: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in store.select(OBJECTIVES_QUERY):
        code = code_of.get(row["m"].value)
        if code is None:
            continue
        entry = objectives[code].setdefault(
            row["o"].value,
            {
                "title": row["title"].value,
                "kind": KIND_OF.get(row["type"].value, "goal"),
                "years": {},
            },
        )
        if "year" in row:
            entry["years"][int(row["year"].value)] = int(row["n"].value)
    periods: dict[str, set[int]] = defaultdict(set)
    lso: set[str] = set()
    for row in store.select(OBJECTIVE_PERIODS_QUERY):
        if "year" in row:
            periods[row["o"].value].add(int(row["year"].value))
        if "lso" in row and row["lso"].value == "true":
            lso.add(row["o"].value)
    links: dict[str, dict[str, int]] = defaultdict(dict)
    for row in store.select(OBJECTIVE_DOMAINS_QUERY):
        links[row["o"].value][row["domain"].value] = int(row["n"].value)

    result = {}
    for m in every:
        relevant = due_years(plan[m.code] or totals[m.code], as_of)
        own = objectives.get(m.code, {})
        all_years = sorted(
            set(relevant) | set(totals[m.code]) | {y for o in own.values() for y in o["years"]}
        )
        nodes: list[Node] = []
        edges: list[Edge] = []
        column: dict[str, int] = {}
        domain_rows = []
        for d in domains:
            years = sorted(counts[m.code].get(d, {}))
            node = Node(id=d, label=domain_label[d], style="domain", kind=kind_word(lang, "domain"))
            node.relevant, node.covered = relevant, years
            node.status = coverage_status(relevant, years)
            node.hover = hover(
                node.kind,
                node.label,
                f"{words['has_activity']}: {years_text(years)}" if years else words["none"],
            )
            node.details = [(node.kind, node.label)]
            nodes.append(node)
            column[d] = 1
            domain_rows.append(
                (
                    domain_label[d],
                    [_cell(counts[m.code].get(d, {}).get(y, 0), y in relevant) for y in all_years],
                )
            )
        objective_rows = []
        for iri, entry in sorted(own.items(), key=lambda kv: kv[1]["title"].casefold()):
            years = sorted(y for y, n in entry["years"].items() if n)
            period = due_years(periods.get(iri, set()), as_of)
            node = Node(
                id=iri,
                label=entry["title"],
                style=entry["kind"],
                kind=kind_word(lang, entry["kind"]),
            )
            node.relevant, node.covered = period, years
            node.status = "neutral" if iri in lso and not years else coverage_status(period, years)
            node.hover = hover(
                node.kind,
                node.label,
                f"{words['has_activity']}: {years_text(years)}" if years else words["none"],
            )
            node.details = [(node.kind, node.label), ("IRI", iri)]
            nodes.append(node)
            column[iri] = 0
            for d, n in sorted(links.get(iri, {}).items()):
                edges.append(
                    Edge(
                        iri,
                        d,
                        "plain",
                        f"{text['targets']} {domain_label.get(d, d)}: {n}",
                        width=min(1 + math.log2(n), 5),
                    )
                )
            objective_rows.append(
                (
                    f"{entry['title']} ({kind_word(lang, entry['kind']).lower()})",
                    [
                        Cell(None, "na")
                        if iri in lso and not entry["years"].get(y)
                        else _cell(entry["years"].get(y, 0), y in (period or all_years))
                        for y in all_years
                    ],
                )
            )
        layout.layered(nodes, edges, column, column_width=800.0)
        columns = [str(y) for y in all_years]
        year_totals = [totals[m.code].get(y, 0) for y in all_years]
        matrices = [
            Matrix(
                text["domains"],
                text["domain"],
                columns,
                domain_rows,
                year_totals,
                text["total"],
                text["cell_note"],
            )
        ]
        if objective_rows:
            matrices.append(
                Matrix(
                    text["objectives"],
                    text["objective"],
                    columns,
                    objective_rows,
                    year_totals,
                    text["total"],
                    text["cell_note"],
                )
            )
        result[m.code] = View(
            name="municipality",
            lang=lang,
            title=text["sub_title"].format(name=m.name),
            subtitle=f"{m.name} ({m.code}) · "
            + ("per " if lang == "sv" else "as of ")
            + as_of.isoformat(),
            intro=text["sub_intro"],
            nodes=nodes,
            edges=edges,
            legend=_drilldown_legend(nodes, edges, lang),
            matrices=matrices,
        )
    return result


def _drilldown_legend(nodes: list[Node], edges: list[Edge], lang: str) -> list[tuple[str, str]]:
    """What the colours, shapes and lines of one municipality's drill-down mean (goals and
    domains, as in its coverage view), only those drawn."""
    words = WORDS[lang]
    statuses = {n.status for n in nodes}
    styles = {n.style for n in nodes}
    return [
        *(
            (status, words[status])
            for status in ("covered", "partial", "none", "neutral")
            if status in statuses
        ),
        *((style, kind_word(lang, style)) for style in KIND_OF.values() if style in styles),
        ("domain", kind_word(lang, "domain")),
        *([("edge:plain", TEXT[lang]["sub_edge"])] if edges else []),
    ]


def _cell(count: int, relevant: bool) -> Cell:
    if not relevant:
        return Cell(count or None, "covered" if count else "na")
    return Cell(count, "covered" if count else "none")
