"""The parts every section is built from: a field, a section, the fields several sections
share (``id``, ``source``, ``note``, ``review``, ``scope``) and the closed choices of the format."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    """One field of a section.

    Attributes:
        name: the key in YAML, or the column header in a spreadsheet.
        kind: how the text is read (see ``KINDS``).
        required: whether a record must give it.
        targets: for references, the sections (or ``law``) whose ids are allowed.
        vocabulary: for vocabulary values, the concept scheme (``domain``, ``factor``…).
        many: whether a list of values is allowed.
        doc: one line of documentation.
        example: an example value, as written in YAML.
        subfields: for ``kind="map"``, the fields of the nested mapping.
        shorthand: for ``kind="map"``, the subfield that a plain value stands for
            (``baseline: 2016-2019`` is ``baseline: {period: 2016-2019}``).
    """

    name: str
    kind: str
    doc: str
    required: bool = False
    targets: tuple[str, ...] = ()
    vocabulary: str = ""
    many: bool = False
    example: str = ""
    subfields: tuple[Field, ...] = ()
    shorthand: str = ""


@dataclass(frozen=True)
class Section:
    """A top-level key of the YAML files (or, for activities, a spreadsheet)."""

    name: str
    doc: str
    fields: tuple[Field, ...]
    single: bool = False

    def field(self, name: str) -> Field | None:
        """The field called ``name``, or ``None``."""
        return next((f for f in self.fields if f.name == name), None)


ORGANISATION_TYPES = {
    "myndighet": "Authority",
    "lokalpolisomrade": "PoliceArea",
    "raddningstjanstforbund": "RescueServicesFederation",
    "namnd": "Committee",
    "organisation": "",
}
"""Organisation types a planner writes, and the ontology class each becomes."""

GROUP_TYPES = {"temagrupp": "ThemeGroup", "styrgrupp": "SteeringGroup", "arbetsgrupp": "Group"}
"""Group types a planner writes, and the ontology class each becomes."""

ORG_TARGETS = ("municipality", "owner", "organisations", "groups")
SOURCE = Field(
    "source",
    "source",
    "Where the fact comes from: a source id, optionally with lines (`seed#39` or `seed#39-43`).",
    many=True,
    example="seed#49-53",
)
ID = Field(
    "id",
    "id",
    "Stable short id; becomes the IRI. Letters a–z, digits, `-`, `_`, `.`.",
    required=True,
    example="plan-brott",
)
NOTE = Field("note", "text", "Free note, e.g. what the source does not say.")
COORDINATES = Field(
    "coordinates_work_of",
    "ref",
    "The municipality whose safety or crime-prevention work the documents say this body "
    "coordinates (e.g. on the municipality's commission). It is then a candidate for the "
    "samordningsfunktion of Lag (2023:196): LAW-2023-196-SAMORDNING asks whether it is.",
    targets=("municipality",),
    example="vetlanda-kommun",
)
REVIEW = Field(
    "review",
    "text",
    "Fields of this record to check, because they could not be established (e.g. by "
    "`samklang ingest`): a gap in one of them is reported as a question, not as a defect of "
    "the document, until the mark is removed.",
    many=True,
    example="[goal, responsible]",
)
REVIEWED_SECTIONS = (
    "organisations",
    "groups",
    "documents",
    "indicators",
    "goal_areas",
    "goals",
    "focus_areas",
    "problems",
    "activities",
)
"""The sections whose records may carry ``review``."""

GEOGRAPHIC_SCOPES = {
    "hela-kommunen": "the municipality's whole geographic area",
    "del-av-kommunen": "a part of the municipality",
    "egen-verksamhet": "the municipality's own operations only",
}
"""What a lägesbild may cover (``geographic_scope``)."""

DOCUMENT_PARTS = {
    "activities": "its activities",
    "follow_up": "its follow-up (status of activities, follow-up reports)",
    "signatures": "who signed it",
    "decision": "its decision (body and date)",
    "responsible": "its handläggare and reviewer",
}
"""Parts of a document a dataset may say it does not record (``not_recorded``)."""

DIRECTIONS = {
    "lower": "a lower value is better (fewer reported crimes)",
    "higher": "a higher value is better (a larger share who feel safe)",
}
"""Which way an indicator gets better (``better``): ``sk:lower`` or ``sk:higher``."""

TARGET_KINDS = {
    "level": "a level to reach (value: the level, in the indicator's unit)",
    "direction": "only a direction: better than the baseline (no value)",
    "change": "a change against the baseline (value: the change, signed, with its unit)",
}
"""What a goal measure's target states (``target.kind``), as ``sk:targetKind``."""

CHANGE_UNITS = {
    "procent": "per cent of the baseline",
    "enheter": "the indicator's own units",
}
"""The unit of a target of kind ``change`` (``target.unit``), as ``sk:targetChangeUnit``."""

SCOPE = Field(
    "scope",
    "map",
    "What it covers, field by field comparable between a goal and its indicators: crime "
    "types or a survey question, a place, areas.",
    subfields=(
        Field(
            "crime_types",
            "text",
            "Crime types counted or meant, in lower case: `våldsbrott`, `skadegörelse`, "
            "`narkotikabrott`, `alla brott`.",
            many=True,
            example="[skadegörelse]",
        ),
        Field(
            "place",
            "text",
            "Where, e.g. `offentlig miljö`; leave it out for everywhere.",
            example="offentlig miljö",
        ),
        Field(
            "survey_question",
            "text",
            "The survey question it rests on or is about.",
            example="Hur trygg känner du dig ute ensam en sen kväll?",
        ),
        Field(
            "areas",
            "area",
            "SCB codes of the areas: `0685` a municipality, `06` a county, `00` the whole country.",
            many=True,
            example='["0682", "0685"]',
        ),
    ),
)
"""A goal's or an indicator's scope (``sk:scopeCrimeType``, ``sk:scopePlace``,
``sk:scopeSurveyQuestion``, ``sk:scopeArea``)."""
