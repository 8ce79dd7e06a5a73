"""The national view: a corpus of municipalities drawn as municipalities × domains.

A store with many municipalities (a national corpus holds about a million triples) is not drawn
as raw nodes. Aggregating SPARQL queries count activities per municipality, domain and year
(facts: the numbers in the table and the lines to the domains); what is painted as lacking
comes only from ``check``'s findings, run once over the corpus (:data:`RULES`: CHAIN-IDLE-GOAL
on a goal, COV-DOMAIN on a domain), each finding belonging to the municipality of its
document. A municipality is red or orange where an open finding of those rules concerns one of
its goals or domains (red: it has no activity at all), light blue where only questions do,
purple where only accepted findings do, green where none does; a table cell says "saknas" only
where an open finding of that municipality names that domain. The municipalities stand in a
grid by code (so county by county) under the five domains, at fixed places, so that even 290
of them keep their labels apart. Clicking a municipality drills down to its own coverage
(:mod:`samklang.viz.views.drilldown`), painted by the same findings. The drill-downs travel
in the page as JSON that is parsed only when opened.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from samklang.graph.store import ONTOLOGY_GRAPH, Store
from samklang.network.build import municipalities
from samklang.viz.views import layout
from samklang.viz.views.common import hover, kind_word
from samklang.viz.views.concern import Concern, concerning
from samklang.viz.views.drilldown import drilldowns, objectives_of
from samklang.viz.views.model import Cell, Edge, Filter, Matrix, Node, View
from samklang.viz.views.style import WORDS, years_text

if TYPE_CHECKING:
    from samklang.queries.finding import Finding

RULES = ("CHAIN-IDLE-GOAL", "COV-DOMAIN")
"""The rules whose findings say that a goal, goal area, focus area or domain of a municipality
lacks activity: the nodes the national view and its drill-downs draw."""

STATES = ("covered", "partial", "none", "info", "accepted", "neutral")
"""A municipality's colours, in the legend's order."""

DOCUMENTS_QUERY = """
SELECT ?doc ?m WHERE { ?doc sk:municipality ?m }
"""

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

DOMAINS_QUERY = """
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
        "legend_covered": "Kommun: inget öppet fynd om saknad aktivitet från kontrollen",
        "legend_partial": (
            "Kommun: kontrollen säger att aktivitet saknas för en domän eller ett mål (öppet fynd)"
        ),
        "legend_none": "Kommun: inga aktiviteter, och öppna fynd om saknad aktivitet",
        "legend_info": "Kommun: kontrollen frågar om det finns aktivitet (öppen fråga)",
        "legend_accepted": "Kommun: fynd om saknad aktivitet, alla godtagna",
        "legend_neutral": "Kommun: inga aktiviteter, och inget fynd från kontrollen",
        "hub": "Domän (i alla kommuner)",
        "intro": (
            "Varje punkt är en kommun, kopplad till de domäner den har aktiviteter i. Orange "
            "eller röd: samklang check säger att aktivitet saknas för någon av kommunens domäner "
            "eller mål (ett öppet fynd); grön: inget sådant fynd. Klicka på en kommun för att "
            "se dess mål och domäner år för år."
        ),
        "coverage": "Täckning",
        "matrix": "Aktiviteter per kommun och domän (alla år)",
        "municipality": "Kommun",
        "note": (
            "Siffran är antalet aktiviteter. Markerat ”saknas”: samklang check rapporterar att "
            "domänen saknar aktivitet i kommunen (ett öppet fynd; åren anges); ”godtaget”: "
            "fyndet är godtaget."
        ),
        "domain_hover": "Aktivitet saknas i {n} av {total} kommuner enligt kontrollen",
        "findings": "Öppna fynd om saknad aktivitet: {n}",
        "activities": "{n} aktiviteter",
        "has": "har aktivitet i",
        "unknown_county": "okänt län",
        "missing": "saknas",
        "accepted": "godtaget",
        "question": "fråga",
    },
    "en": {
        "title": "Coverage across the country: municipalities × domains",
        "legend_covered": "Municipality: no open finding of the check about lacking activity",
        "legend_partial": (
            "Municipality: the check says a domain or goal lacks activity (open finding)"
        ),
        "legend_none": "Municipality: no activities, and open findings about lacking activity",
        "legend_info": "Municipality: the check asks whether there is activity (open question)",
        "legend_accepted": "Municipality: findings about lacking activity, all accepted",
        "legend_neutral": "Municipality: no activities, and no finding of the check",
        "hub": "Domain (in every municipality)",
        "intro": (
            "Each dot is a municipality, linked to the domains it has activities in. Orange or "
            "red: samklang check says one of the municipality's domains or goals lacks activity "
            "(an open finding); green: no such finding. Click a municipality to see its goals "
            "and domains year by year."
        ),
        "coverage": "Coverage",
        "matrix": "Activities per municipality and domain (all years)",
        "municipality": "Municipality",
        "note": (
            "The number is the count of activities. Marked “missing”: samklang check reports "
            "that the domain lacks activity in the municipality (an open finding; the years are "
            "given); “accepted”: the finding is accepted."
        ),
        "domain_hover": "Lacks activity in {n} of {total} municipalities, says the check",
        "findings": "Open findings about lacking activity: {n}",
        "activities": "{n} activities",
        "has": "has activity in",
        "unknown_county": "unknown county",
        "missing": "missing",
        "accepted": "accepted",
        "question": "question",
    },
}


def national_view(store: Store, lang: str, as_of: date, findings: Sequence[Finding] = ()) -> View:
    """Build the aggregated view of every municipality in ``store``, painted by ``check``'s
    ``findings`` of :data:`RULES` over the whole corpus."""
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
    objectives = objectives_of(store, code_of)
    concerns, notes = concerns_by_municipality(store, code_of, domains, objectives, findings)

    nodes: list[Node] = []
    edges: list[Edge] = []
    hubs = []
    lacking: dict[str, int] = defaultdict(int)
    rows = []
    for m in every:
        own = concerns.get(m.code, {})
        cells = []
        for d in domains:
            total = distinct.get((m.code, d), 0)
            concern = own.get(d)
            state = concern.state if concern else ""
            if state == "missing":
                lacking[d] += 1
                named = years_text(concern.years()) if concern else ""
                cells.append(Cell(total, "none", f"{total} · {text['missing']} {named}".strip()))
            elif state in ("question", "accepted"):
                cells.append(Cell(total, "na", f"{total} · {text[state]}"))
            else:
                cells.append(Cell(total, "covered" if total else "na", str(total)))
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
        activity_count = activities.get(m.code, 0)
        status = _status({c.state for c in own.values()}, activity_count)
        open_count = len({id(f) for c in own.values() for f in c.open})
        county = COUNTIES.get(m.code[:2], text["unknown_county"])
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
                text["findings"].format(n=open_count),
                text["activities"].format(n=activity_count),
            ),
            details=[
                (kind_word(lang, "municipality"), f"{m.name} ({m.code})"),
                (words["county"], county),
                (text["coverage"], text["findings"].format(n=open_count)),
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
            style="domain-hub",
            kind=kind_word(lang, "domain"),
            status="",
            hover=hover(
                kind_word(lang, "domain"),
                domain_label[d],
                text["domain_hover"].format(n=lacking[d], total=len(every)),
            ),
            details=[(kind_word(lang, "domain"), domain_label[d]), ("IRI", d)],
            size=1.3,
        )
        hubs.append(hub)
    layout.grid(nodes, hubs)
    drawn = [status for status in STATES if any(n.status == status for n in nodes)]
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
            [("", words["all"])] + [(status, text[f"legend_{status}"]) for status in drawn],
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
            *((status, text[f"legend_{status}"]) for status in drawn),
            ("municipality-score", kind_word(lang, "municipality")),
            ("domain-hub", text["hub"]),
            *([("edge:coverage", text["has"])] if edges else []),
        ],
        filters=filters,
        matrices=[matrix],
        physics=False,
    )
    view.drilldown = drilldowns(
        store,
        every,
        domains,
        domain_label,
        counts,
        totals,
        plan,
        objectives,
        concerns,
        notes,
        lang,
        as_of,
    )
    return view


def _status(states: set[str], activity_count: int) -> str:
    """A municipality's colour from the states of the findings that concern its nodes."""
    if "missing" in states:
        return "partial" if activity_count else "none"
    if "question" in states:
        return "info"
    if "accepted" in states:
        return "accepted"
    return "covered" if activity_count else "neutral"


def concerns_by_municipality(
    store: Store,
    code_of: dict[str, str],
    domains: list[str],
    objectives: dict[str, dict[str, dict[str, Any]]],
    findings: Sequence[Finding],
) -> tuple[dict[str, dict[str, Concern]], dict[str, list[Finding]]]:
    """Which of ``findings`` (of :data:`RULES`) concern each municipality's drawn nodes (its
    domains, goals, goal areas and focus areas), by code and node; and, by code, those that
    concern none of them (a whole document), for the notes. A finding belongs to the
    municipalities of its document (a COV-DOMAIN finding's focus is a domain, shared by all)."""
    documents: dict[str, set[str]] = defaultdict(set)
    for row in store.select(DOCUMENTS_QUERY):
        code = code_of.get(row["m"].value)
        if code is not None:
            documents[row["doc"].value].add(code)
    owner: dict[str, set[str]] = defaultdict(set)
    for code, own in objectives.items():
        for iri in own:
            owner[iri].add(code)
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.rule not in RULES:
            continue
        codes = set(documents.get(finding.document or "", ())) | documents.get(finding.focus, set())
        if not codes:
            codes = {c for focus in finding.foci for c in owner.get(focus, ())}
        for code in codes:
            by_code[code].append(finding)
    concerns: dict[str, dict[str, Concern]] = {}
    notes: dict[str, list[Finding]] = {}
    for code, own_findings in by_code.items():
        ids = set(domains) | set(objectives.get(code, {}))
        concerns[code] = concerning(own_findings, RULES, ids)
        notes[code] = [f for f in own_findings if not set(f.foci) & ids]
    return concerns, notes
