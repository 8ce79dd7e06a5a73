"""The sentences themselves: every sentence the library raises, in English as raised and in
Swedish (:data:`CATALOGUE`), the words put into them (:data:`NOUNS`), and the command line's
own lines (:data:`TEXTS`). How a sentence is found and translated is ``__init__.py``.

A new error message goes, with its Swedish form, in the module of ``sentences/`` for the part of
samklang that raises it (:data:`CATALOGUE` gathers them, in order): ``tests/test_messages.py``
reads every ``raise …Error(…)`` of the package and fails for one the catalogue does not match.
"""

from __future__ import annotations

from samklang.messages.message import SHAPES, Message
from samklang.messages.sentences import (
    click,
    commands,
    datasets,
    follow_up,
    ingest,
    places,
    queries,
    rdf,
    reasoning,
    tables,
)

NOUNS: dict[str, str] = {
    # vocabularies and choices (samklang/ontology/vocabulary.py, samklang/graph/schema/)
    "document-type": "dokumenttyp",
    "document-part": "dokumentdel",
    "domain": "område",
    "factor": "faktor",
    "group-type": "grupptyp",
    "organisation-type": "organisationstyp",
    "kind": "slag av aktivitet",
    "phase": "fas",
    "status": "status",
    "lagesbild-part": "del av lägesbilden",
    "cadence": "intervall",
    # sections, as references name them
    "documents": "dokument",
    "goal areas": "målområden",
    "goals": "mål",
    "focus areas": "fokusområden",
    "organisations": "organisationer",
    "groups": "grupper",
    "problems": "problem",
    "series": "serier",
    "activities": "aktiviteter",
    "municipality": "kommun",
    "sources": "källor",
    "accepted": "accepterade fynd",
    "indicators": "indikatorer",
    # choices of the follow-up (samklang/graph/schema/)
    "direction": "bättre håll",
    "target-kind": "slag av mål",
    "change-unit": "förändringens enhet",
    "geographic-scope": "geografisk omfattning",
    # what an observation file gives (samklang/graph/statistics_files.py, cube.py)
    "count": "antal",
    "rate": "tal per 100 000",
    "the value": "värdet",
    "the window start": "fönstrets första år",
    "the count": "antalet",
    "the confidence interval": "konfidensintervallet",
    "the status": "statusen",
    "region ('Region')": "region ('Region')",
    "time ('Tid')": "tid ('Tid')",
    # click's value types
    "integer": "heltal",
    "float": "decimaltal",
}
"""Words that fill a ``{…}`` of a sentence, in Swedish; used only where an entry names them."""


CATALOGUE: tuple[Message, ...] = (
    *places.SENTENCES,
    *datasets.SENTENCES,
    *follow_up.SENTENCES,
    *tables.SENTENCES,
    *rdf.SENTENCES,
    *queries.SENTENCES,
    *commands.SENTENCES,
    *ingest.SENTENCES,
    *reasoning.SENTENCES,
    *click.SENTENCES,
)
"""Every sentence the library raises, with its Swedish form (in the order of the parts)."""

__all__ = ["CATALOGUE", "NOUNS", "SHAPES", "TEXTS", "Message"]


TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "error": "samklang: {message}",
        "usage": "Användning:",
        "try": "Skriv '{command} {option}' för hjälp.",
        "click-error": "Fel: {message}",
        "aborted": "Avbrutet.",
        "serve": "samklang: SPARQL-ändpunkten finns på http://{host}:{port}/sparql "
        "(frågesidan på http://{host}:{port}/); avsluta med Ctrl+C.",
        "accepted": "samklang: fyndet från {rule} om '{focus}' är accepterat av {by} ({date}) "
        "och sparat i {path}.",
        "init": "samklang: ett dataset för {name} ({code}) finns nu i {folder}; fyll i "
        "dokumenten och aktiviteterna och kör 'samklang check {folder}'.",
        "template": "samklang: mallen med rullistor är skriven till {path}.",
        "triples": "{graph}\t{n} tripler\t{title}",
        "password": "Lösenord för {user}",
    },
    "en": {
        "error": "samklang: {message}",
        "usage": "Usage:",
        "try": "Try '{command} {option}' for help.",
        "click-error": "Error: {message}",
        "aborted": "Aborted!",
        "serve": "samklang: SPARQL endpoint at http://{host}:{port}/sparql "
        "(query page at http://{host}:{port}/); stop with Ctrl+C.",
        "accepted": "samklang: the finding of {rule} about '{focus}' is accepted by {by} "
        "({date}) and recorded in {path}.",
        "init": "samklang: a dataset for {name} ({code}) is now in {folder}; fill in the "
        "documents and activities and run 'samklang check {folder}'.",
        "template": "samklang: the template with drop-down lists is written to {path}.",
        "triples": "{graph}\t{n} triples\t{title}",
        "password": "Password for {user}",
    },
}
"""The command line's own lines, by key (``text("serve", lang, host=…, port=…)``)."""
