"""Read the facts of a plan document: its documents and periods, organisations and groups,
laws, strategies and works cited, goal areas, goals, focus areas and activities, follow-up,
process phases, factor domains and header fields.

Each kind of fact has a module of its own, which applies the patterns of ``patterns`` for
it; ``extract`` runs them in an order where later rules can use what earlier ones found
(organisations before groups, groups before their members), all on one :class:`Reader`
(``reader.py``). Nothing is guessed: what a rule cannot settle is left out, or kept with a
``GRANSKA`` note for the reviewer.
"""

from __future__ import annotations

from typing import Any

from samklang.graph.ingest.activities import read_activities, settle_activity_years
from samklang.graph.ingest.approach import read_phases_and_domains, read_purpose
from samklang.graph.ingest.followup import read_follow_up, read_table_follow_up
from samklang.graph.ingest.goals import read_goal_areas, read_goals_and_focus_areas
from samklang.graph.ingest.group_relations import read_group_relations
from samklang.graph.ingest.groups import read_groups, settle_groups
from samklang.graph.ingest.header import read_header
from samklang.graph.ingest.model import Extraction
from samklang.graph.ingest.named_documents import (
    read_document_mentions,
    read_document_tables,
    read_stated_periods,
    read_undated_documents,
)
from samklang.graph.ingest.organisations import read_code, read_organisations
from samklang.graph.ingest.own_period import read_own_period
from samklang.graph.ingest.part_of import read_part_of
from samklang.graph.ingest.parties import read_parties
from samklang.graph.ingest.promises import read_numbered_focus_areas, read_promise_activities
from samklang.graph.ingest.reader import Reader
from samklang.graph.ingest.recognise import refuse_if_report
from samklang.graph.ingest.references import read_laws, read_strategies, read_works_cited
from samklang.graph.ingest.series import link_series, read_cadences
from samklang.graph.ingest.text import SourceText
from samklang.graph.ingest.titles import read_title


def extract(source: SourceText) -> Extraction:
    """Read every fact of a document.

    Args:
        source: the document's text.

    Returns:
        The entities found, each value with its evidence.

    Raises:
        InputError: the text names no kind of planning document at all.
    """
    reader = Reader(source)
    refuse_if_report(reader)
    read_organisations(reader)
    read_groups(reader)
    # The documents: the plan's own title, type and period; every other document it names
    # with its period (in running text and in tables such as the seed's "Dokument / Löper
    # under perioden"), then those named without one; series renewed at a cadence; part-of.
    read_title(reader)
    read_own_period(reader)
    undated = read_document_mentions(reader)
    read_document_tables(reader)
    read_undated_documents(reader, undated)
    read_stated_periods(reader)
    read_cadences(reader)
    read_part_of(reader)
    read_laws(reader)
    read_strategies(reader)
    read_works_cited(reader)
    read_goal_areas(reader)
    read_goals_and_focus_areas(reader)
    read_numbered_focus_areas(reader)
    read_promise_activities(reader)
    read_activities(reader)
    read_group_relations(reader)
    read_follow_up(reader)
    read_table_follow_up(reader)
    read_phases_and_domains(reader)
    read_header(reader)
    read_parties(reader)
    read_purpose(reader)
    code = read_code(reader)
    # What only the whole text decides.
    settle_groups(reader)
    link_series(reader)
    settle_activity_years(reader)
    return Extraction(reader.entities, reader.own, reader.municipality, code, reader.review)


def as_dict(extraction: Extraction) -> dict[str, Any]:
    """A plain summary for debugging: section → list of (key, {field: values})."""
    out: dict[str, Any] = {}
    for e in extraction.entities:
        out.setdefault(e.section, []).append(
            (e.key, {k: [getattr(v.value, "key", v.value) for v in f] for k, f in e.facts.items()})
        )
    return out
