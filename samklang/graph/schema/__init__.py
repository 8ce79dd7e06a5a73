"""The input format: which sections and fields a dataset's files may hold, and what each means.

One table (``SECTIONS``) describes every field; the loader, the activity spreadsheet reader,
``samklang init`` and ``docs/input-format.md`` all follow it (a test keeps the docs in step).
Its parts: ``field.py`` (a field, a section, the fields and choices several sections share),
``parties.py``, ``documents.py`` and ``planning.py`` (the sections, in the table's order).
The converters that turn one piece of text into a value of a field's kind are in
``graph/values.py``.
"""

from __future__ import annotations

from .documents import DOCUMENTS_SECTIONS
from .field import (
    CHANGE_UNITS,
    COORDINATES,
    DIRECTIONS,
    DOCUMENT_PARTS,
    GEOGRAPHIC_SCOPES,
    GROUP_TYPES,
    ID,
    NOTE,
    ORG_TARGETS,
    ORGANISATION_TYPES,
    REVIEW,
    REVIEWED_SECTIONS,
    SCOPE,
    SOURCE,
    TARGET_KINDS,
    Field,
    Section,
)
from .parties import PARTIES_SECTIONS
from .planning import PLANNING_SECTIONS

__all__ = [
    "CHANGE_UNITS",
    "COORDINATES",
    "DIRECTIONS",
    "DOCUMENT_PARTS",
    "Field",
    "GEOGRAPHIC_SCOPES",
    "GROUP_TYPES",
    "ID",
    "NOTE",
    "ORGANISATION_TYPES",
    "ORG_TARGETS",
    "REVIEW",
    "REVIEWED_SECTIONS",
    "SCOPE",
    "SECTIONS",
    "SETTINGS_SECTION",
    "SOURCE",
    "Section",
    "TARGET_KINDS",
    "YAML_SECTIONS",
]

SECTIONS: dict[str, Section] = {
    s.name: (
        Section(s.name, s.doc, (*s.fields, REVIEW), s.single) if s.name in REVIEWED_SECTIONS else s
    )
    for s in (*PARTIES_SECTIONS, *DOCUMENTS_SECTIONS, *PLANNING_SECTIONS)
}

YAML_SECTIONS = tuple(name for name in SECTIONS if name != "activities")
SETTINGS_SECTION = "settings"
"""A YAML mapping of rule parameters for this dataset (see ``samklang.queries.settings``)."""
