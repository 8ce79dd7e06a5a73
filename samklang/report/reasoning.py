"""The report of ``samklang reason``: the verdict, the inferred class memberships or the
contradictions explained, and what the reasoner did not see, as text, JSON or Turtle.

The command (:mod:`samklang.commands.reason`) runs the reasoner and hands its
:class:`~samklang.reasoning.model.Reasoning` here; :func:`render` writes it in a ``--format``.
"""

from __future__ import annotations

import io
import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from samklang.reasoning.model import Clash, Reasoning, Triple

FORMATS = ("text", "json", "turtle")
"""The formats :func:`render` writes."""

WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "consistent": "Modellen är konsekvent",
        "inconsistent": "Modellen är motsägelsefull",
        "with": "med",
        "individuals": "individer",
        "as_of": "referensdatum",
        "inferred": "Härledda klasstillhörigheter",
        "none": "Inga klasstillhörigheter utöver dem som datan anger.",
        "defined": "definierad klass",
        "clashes": "Motsägelser",
        "both": "{x} kan inte vara både {a} och {b}: klasserna utesluter varandra.",
        "only": "Påståendena om {x} motsäger ontologin (inga två klasser krockar: ett värde passar "
        "inte sin egenskap, eller ett egenskapsaxiom bryts).",
        "ontology": "Ontologin själv är motsägelsefull; det är ett fel i samklang, inte i datan.",
        "because": "Det följer av:",
        "unknown": "Vilka påståenden som orsakar den kunde inte ringas in inom budgeten.",
        "unexplained": "Reasonern hittade ingen enskild motsägelse att peka ut.",
        "not_explained": "Orsaken har inte sökts (--no-explain).",
        "is_a": "tillhör klassen",
        "omitted": "Reasonern såg inte",
        "datatype": "{n} värden av typen {d}",
        "converted": "varav {c} som dagnummer",
        "literal-object": "{n} litteraler på objektegenskapen {d}",
        "rdf-vocabulary": "{n} påståenden med {d}",
        "meta-property": "{n} påståenden med {d}, vars värden är egenskaper",
        "slow": "Resonemanget tog {s} för {n} individer. SPARQL-reglerna (samklang check) är "
        "snabbare; resonera en gång och spara slutsatserna "
        "(--format turtle -o FIL, läs in filen med korpusen) i stället för vid varje kontroll "
        "(docs/reasoning.md).",
        "explaining": "Modellen är motsägelsefull; söker orsaken (några körningar till) …",
        "large": "{n} individer: det tar en stund …",
    },
    "en": {
        "consistent": "The model is consistent",
        "inconsistent": "The model is inconsistent",
        "with": "with",
        "individuals": "individuals",
        "as_of": "reference date",
        "inferred": "Inferred class memberships",
        "none": "No class memberships beyond those the data states.",
        "defined": "defined class",
        "clashes": "Contradictions",
        "both": "{x} cannot be both {a} and {b}: the classes exclude each other.",
        "only": "The statements about {x} contradict the ontology (no two classes clash: a value "
        "does not fit its property, or a property axiom is broken).",
        "ontology": "The ontology itself is inconsistent; that is a defect of samklang, not of "
        "the data.",
        "because": "It follows from:",
        "unknown": "Which statements cause it could not be narrowed down within the budget.",
        "unexplained": "The reasoner found no single contradiction to point at.",
        "not_explained": "The cause was not looked for (--no-explain).",
        "is_a": "is a",
        "omitted": "The reasoner did not see",
        "datatype": "{n} values of type {d}",
        "converted": "{c} of them as day numbers",
        "literal-object": "{n} literals on the object property {d}",
        "rdf-vocabulary": "{n} statements with {d}",
        "meta-property": "{n} statements with {d}, whose values are properties",
        "slow": "Reasoning took {s} for {n} individuals. The SPARQL rules (samklang check) are "
        "faster; reason once and keep the inferences (--format turtle -o FILE, "
        "load the file with the corpus) rather than on every check (docs/reasoning.md).",
        "explaining": "The model is inconsistent; looking for the cause (a few more runs) …",
        "large": "{n} individuals: this takes a while …",
    },
}

VERBS: dict[str, dict[str, str]] = {
    "http://purl.org/dc/terms/type": {"sv": "har typen", "en": "has the type"},
    "http://purl.org/dc/terms/isPartOf": {"sv": "är del av", "en": "is part of"},
    "http://purl.org/dc/terms/references": {"sv": "hänvisar till", "en": "references"},
    "http://www.w3.org/ns/org#hasMember": {"sv": "har medlemmen", "en": "has the member"},
    "http://www.w3.org/ns/org#reportsTo": {"sv": "rapporterar till", "en": "reports to"},
    "http://www.w3.org/ns/org#subOrganizationOf": {"sv": "ingår i", "en": "is part of"},
}
"""How statements with the reused vocabularies' properties read (the ontology labels its own)."""

def render(result: Reasoning, output_format: str, lang: str, note: str | None = None) -> str:
    """The report in ``output_format`` (one of :data:`FORMATS`); ``note`` (the sentence on
    slowness, :func:`slow_note`) goes into the JSON only."""
    if output_format == "json":
        return as_json(result, lang, note) + "\n"
    if output_format == "turtle":
        return as_turtle(result)
    return as_text(result, lang)


def slow_note(result: Reasoning, lang: str) -> str:
    """The note that reasoning took long, with the faster way to the same inferences."""
    return WORDS[lang]["slow"].format(s=seconds_text(result.seconds, lang), n=result.individuals)


def seconds_text(value: float, lang: str) -> str:
    """``12.3 s``, with a decimal comma in Swedish."""
    text = f"{value:.1f} s"
    return text.replace(".", ",") if lang == "sv" else text


def _name(result: Reasoning, iri: str, lang: str) -> str:
    """``label (sk:Plan)`` for a class, ``label (0685/plan)`` for a resource of the data."""
    from samklang.ontology.namespace import DATA
    from samklang.reasoning.model import curie

    label = result.label(iri, lang)
    short = iri[len(DATA.iri) :] if iri.startswith(DATA.iri) else curie(iri)
    return label if label == short else f"{label} ({short})"


def statement_text(result: Reasoning, triple: Triple, lang: str) -> str:
    """One statement as a line a planner can read: subject, property, object, by their names."""
    import pyoxigraph as ox

    from samklang.ontology.namespace import RDF

    s, p, o = triple
    subject = result.label(s.value, lang) if isinstance(s, ox.NamedNode) else str(s)
    if p == RDF.type:
        verb = WORDS[lang]["is_a"]
    else:
        verb = VERBS.get(p.value, {}).get(lang) or result.label(p.value, lang)
    if isinstance(o, ox.NamedNode):
        thing = result.label(o.value, lang)
    elif isinstance(o, ox.Literal):
        thing = f'"{o.value}"'
    else:
        thing = str(o)
    return f"{subject} {verb} {thing}"


def clash_text(result: Reasoning, clash: Clash, lang: str) -> str:
    """What a contradiction is, in one sentence."""
    from samklang.ontology.namespace import GRAPH

    words = WORDS[lang]
    if clash.individual == GRAPH.ontology.value:
        return words["ontology"]
    x = _name(result, clash.individual, lang)
    if len(clash.classes) == 2:
        a, b = (_name(result, c, lang) for c in clash.classes)
        return words["both"].format(x=x, a=a, b=b)
    return words["only"].format(x=x)


def _omissions(result: Reasoning, lang: str) -> str:
    words = WORDS[lang]
    parts = []
    for o in result.omissions:
        part = words[o.reason].format(n=o.count, d=o.detail)
        if o.converted:
            part += f" ({words['converted'].format(c=o.converted)})"
        parts.append(part)
    return f"{words['omitted']}: {'; '.join(parts)}." if parts else ""


def as_text(result: Reasoning, lang: str) -> str:
    """The report: verdict, inferred memberships by class (defined classes first), or the
    contradictions with the statements behind them; then what the reasoner did not see."""
    words = WORDS[lang]
    out = io.StringIO()
    verdict = words["consistent" if result.consistent else "inconsistent"]
    name = {"hermit": "HermiT", "pellet": "Pellet"}[result.reasoner]
    out.write(
        f"{verdict} ({words['with']} {name}: {result.individuals} {words['individuals']}, "
        f"{seconds_text(result.seconds, lang)}, {words['as_of']} {result.as_of.isoformat()}).\n\n"
    )
    if result.consistent:
        by_class: dict[str, list[str]] = defaultdict(list)
        for m in result.memberships:
            by_class[m.cls].append(m.individual)
        out.write(f"{words['inferred']} ({len(result.memberships)}):\n")
        if not by_class:
            out.write(f"  {words['none']}\n")
        order = sorted(
            by_class,
            key=lambda c: (c not in result.defined, result.label(c, lang).casefold()),
        )
        for cls in order:
            marker = f" — {words['defined']}" if cls in result.defined else ""
            out.write(f"\n  {_name(result, cls, lang)}{marker}: {len(by_class[cls])}\n")
            for individual in sorted(by_class[cls], key=lambda i: result.label(i, lang)):
                out.write(f"    - {_name(result, individual, lang)}\n")
    else:
        out.write(f"{words['clashes']}:\n")
        if not result.clashes:
            out.write(f"  {words['unexplained' if result.explained else 'not_explained']}\n")
        for n, clash in enumerate(result.clashes, 1):
            out.write(f"\n  {n}. {clash_text(result, clash, lang)}\n")
            if clash.statements:
                out.write(f"     {words['because']}\n")
                for triple in clash.statements:
                    out.write(f"     - {statement_text(result, triple, lang)}\n")
            elif clash.classes:
                out.write(f"     {words['unknown']}\n")
    omitted = _omissions(result, lang)
    if omitted:
        out.write(f"\n{omitted}\n")
    return out.getvalue()


def as_json(result: Reasoning, lang: str, note: str | None = None) -> str:
    """The report as a JSON object (see docs/reasoning.md for its keys)."""
    import pyoxigraph as ox

    def term(t: Any) -> str:
        return t.value if isinstance(t, ox.NamedNode) else str(t)

    document: dict[str, Any] = {
        "reasoner": result.reasoner,
        "as_of": result.as_of.isoformat(),
        "consistent": result.consistent,
        "individuals": result.individuals,
        "seconds": round(result.seconds, 3),
        "inferred": [
            {
                "individual": m.individual,
                "individual_label": result.label(m.individual, lang),
                "class": m.cls,
                "class_label": result.label(m.cls, lang),
                "defined": m.cls in result.defined,
            }
            for m in result.memberships
        ],
        "clashes": [
            {
                "individual": c.individual,
                "individual_label": result.label(c.individual, lang),
                "classes": [{"class": k, "label": result.label(k, lang)} for k in c.classes],
                "message": clash_text(result, c, lang),
                "statements": [
                    {
                        "subject": term(s),
                        "predicate": p.value,
                        "object": term(o),
                        "text": statement_text(result, (s, p, o), lang),
                    }
                    for s, p, o in c.statements
                ],
            }
            for c in result.clashes
        ],
        "omitted": [
            {"reason": o.reason, "detail": o.detail, "count": o.count, "converted": o.converted}
            for o in result.omissions
        ],
        "note": note,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def as_turtle(result: Reasoning) -> str:
    """The inferred memberships as Turtle (``rdf:type`` triples, the project's prefixes)."""
    import pyoxigraph as ox

    from samklang.ontology.namespace import PREFIXES

    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in result.quads()]
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES))
    assert data is not None
    return data.decode("utf-8")

