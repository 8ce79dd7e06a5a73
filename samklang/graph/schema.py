"""The input format: which sections and fields a dataset's files may hold, and what each means.

One table (``SECTIONS``) describes every field; the loader, the activity spreadsheet reader,
``samklang init`` and ``docs/input-format.md`` all follow it (a test keeps the docs in step).
The converters that turn one piece of text into a value of a field's kind are in
``values.py``.
"""

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
    "organisations", "groups", "documents", "indicators", "goal_areas", "goals", "focus_areas",
    "problems", "activities",
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
            "SCB codes of the areas: `0685` a municipality, `06` a county, `00` the whole "
            "country.",
            many=True,
            example='["0682", "0685"]',
        ),
    ),
)
"""A goal's or an indicator's scope (``sk:scopeCrimeType``, ``sk:scopePlace``,
``sk:scopeSurveyQuestion``, ``sk:scopeArea``)."""

SECTIONS: dict[str, Section] = {
    s.name: s
    for s in (
        Section(
            "municipality",
            "The municipality whose planning the dataset describes (one mapping).",
            (
                ID,
                Field(
                    "name",
                    "text",
                    "Name of the municipality.",
                    required=True,
                    example="Vetlanda kommun",
                ),
                Field(
                    "code",
                    "code",
                    "SCB municipality code, four digits.",
                    required=True,
                    example='"0685"',
                ),
                Field(
                    "coordination_function",
                    "ref",
                    "The group or organisation that is its samordningsfunktion (Lag 2023:196).",
                    targets=("organisations", "groups"),
                ),
                Field(
                    "shared",
                    "text",
                    "Shared datasets this one uses: folders (relative to this one) whose "
                    "`owner:` states documents several municipalities share, such as a "
                    "kommunalförbund's handlingsprogram. Refer to their records as "
                    "`owner/id` (`hrf/handlingsprogram`).",
                    many=True,
                    example="[../hoglandets-raddningstjanstforbund]",
                ),
                NOTE,
                SOURCE,
            ),
            single=True,
        ),
        Section(
            "owner",
            "A shared dataset's owner (one mapping, instead of `municipality:`): the body that "
            "states documents several municipalities share, such as a kommunalförbund. Its "
            "records live in a namespace of their own; municipality datasets list the folder "
            "under `shared:` and refer to its records as `owner/id`.",
            (
                ID,
                Field(
                    "name",
                    "text",
                    "Name of the owner.",
                    required=True,
                    example="Höglandets Räddningstjänstförbund",
                ),
                Field(
                    "type",
                    "choice",
                    "One of: " + ", ".join(ORGANISATION_TYPES) + ".",
                    vocabulary="organisation-type",
                    example="raddningstjanstforbund",
                ),
                Field("abbreviation", "text", "Short name.", example="HRF"),
                NOTE,
                SOURCE,
            ),
            single=True,
        ),
        Section(
            "sources",
            "Where the facts come from: documents and web pages.",
            (
                ID,
                Field("title", "text", "Title of the source.", required=True),
                Field("file", "text", "Path of a source file, relative to the dataset folder."),
                Field("url", "url", "Web address of a public source."),
                NOTE,
            ),
        ),
        Section(
            "organisations",
            "Organisations: authorities, police areas, federations, committees.",
            (
                ID,
                Field("name", "text", "Name.", required=True, example="Lokalpolisområde Höglandet"),
                Field(
                    "type",
                    "choice",
                    "One of: " + ", ".join(ORGANISATION_TYPES) + ".",
                    vocabulary="organisation-type",
                    example="lokalpolisomrade",
                ),
                Field("abbreviation", "text", "Short name.", example="HRF"),
                Field("part_of", "ref", "The organisation it belongs to.", targets=ORG_TARGETS),
                COORDINATES,
                NOTE,
                SOURCE,
            ),
        ),
        Section(
            "groups",
            "Groups across organisations: temagrupp, styrgrupp.",
            (
                ID,
                Field("name", "text", "Name.", required=True, example="Temagrupp brott"),
                Field(
                    "type",
                    "choice",
                    "One of: " + ", ".join(GROUP_TYPES) + ".",
                    vocabulary="group-type",
                    required=True,
                    example="temagrupp",
                ),
                Field("members", "ref", "Member organisations.", targets=ORG_TARGETS, many=True),
                Field(
                    "convener",
                    "ref",
                    "The organisation that convenes the group.",
                    targets=ORG_TARGETS,
                ),
                Field(
                    "reports_to",
                    "ref",
                    "The group or organisation it reports to.",
                    targets=ORG_TARGETS,
                ),
                Field(
                    "part_of", "ref", "The organisation the group belongs to.", targets=ORG_TARGETS
                ),
                COORDINATES,
                NOTE,
                SOURCE,
            ),
        ),
        Section(
            "series",
            "Recurring documents renewed at a cadence (medborgarlöften).",
            (
                ID,
                Field("title", "text", "Title.", required=True, example="Medborgarlöfte"),
                Field(
                    "type",
                    "vocab",
                    "Document type of its documents.",
                    vocabulary="document-type",
                    required=True,
                    example="medborgarlofte",
                ),
                Field(
                    "cadence",
                    "duration",
                    "How often a new one comes: `P2Y`, `2 år`, `årligen`.",
                    example="P2Y",
                ),
                Field("since", "year", "Year the series began.", example="2016"),
                Field(
                    "part_of", "ref", "The document the series belongs to.", targets=("documents",)
                ),
                NOTE,
                SOURCE,
            ),
        ),
        Section(
            "documents",
            "Documents: programmes, plans, agreements, promises, reports, strategies, works cited.",
            (
                ID,
                Field("title", "text", "Title as the document gives it.", required=True),
                Field(
                    "type",
                    "vocab",
                    "Document type.",
                    vocabulary="document-type",
                    required=True,
                    example="brottsforebyggande-plan",
                ),
                Field(
                    "period",
                    "period",
                    "Period it runs: `2020-2023`, `2020`, `2020-01-01/2023-12-31`.",
                    example="2020-2023",
                ),
                Field("part_of", "ref", "The document it is part of.", targets=("documents",)),
                Field("series", "ref", "The series it belongs to.", targets=("series",)),
                Field(
                    "references",
                    "ref",
                    "Documents or laws it cites (`SFS 2003:778`).",
                    targets=("documents", "law"),
                    many=True,
                ),
                Field(
                    "legal_basis",
                    "ref",
                    "The law that requires it (`SFS 2003:778`).",
                    targets=("documents", "law"),
                    many=True,
                ),
                Field(
                    "conforms_to",
                    "ref",
                    "A regulation whose form it follows, e.g. `MSBFS 2021:1` for an LSO "
                    "programme adopted in the new form.",
                    targets=("law",),
                    many=True,
                ),
                Field(
                    "parties", "ref", "Parties behind the document.", targets=ORG_TARGETS, many=True
                ),
                Field(
                    "municipalities",
                    "code",
                    "In a shared dataset: the SCB codes of the municipalities the document is "
                    "for; a municipality dataset that uses the shared one sees it as its own "
                    "document.",
                    many=True,
                    example='["0682", "0685"]',
                ),
                Field(
                    "signed_by", "ref", "Parties that signed it.", targets=ORG_TARGETS, many=True
                ),
                Field("signed_on", "date", "Date it was signed, `YYYY-MM-DD`."),
                Field(
                    "not_recorded",
                    "choice",
                    "Parts of the document this dataset does not record (the document has them, "
                    "or may have them, but they are not written here): "
                    + ", ".join(f"`{k}` ({v})" for k, v in DOCUMENT_PARTS.items())
                    + ". Rules about a part not recorded ask instead of reporting a defect.",
                    vocabulary="document-part",
                    many=True,
                    example="[activities, follow_up]",
                ),
                Field(
                    "decision",
                    "map",
                    "The decision adopting it. Write a key with no value when the document "
                    "shows the field empty (`by:`); leave the key out when it is not known.",
                    subfields=(
                        Field("by", "ref", "The body that decided.", targets=ORG_TARGETS),
                        Field(
                            "date",
                            "date",
                            "Date of the decision, `YYYY-MM-DD`.",
                            example="2020-02-24",
                        ),
                    ),
                ),
                Field(
                    "handlaggare",
                    "text",
                    "Handläggare (case officer). No value: the header shows it empty.",
                ),
                Field(
                    "reviewed_by",
                    "text",
                    "Granskad av (reviewer). No value: the header shows it empty.",
                ),
                Field(
                    "owning_group", "ref", "The group that carries the work.", targets=("groups",)
                ),
                Field("purpose", "text", "Stated purpose."),
                Field(
                    "cites_own_goals",
                    "bool",
                    'Whether the document speaks of its own goals ("målen i planen"), '
                    "`true`/`false`.",
                ),
                Field("goal_area_count", "int", "Number of goal areas the document says it has."),
                Field(
                    "process_phases",
                    "vocab",
                    "Phases of the work process it describes.",
                    vocabulary="phase",
                    many=True,
                    example="[planera, genomfora]",
                ),
                Field(
                    "considers_domains",
                    "vocab",
                    "Risk/protective factor domains it names.",
                    vocabulary="domain",
                    many=True,
                ),
                Field(
                    "follow_up",
                    "map",
                    "How it is followed up.",
                    subfields=(
                        Field("cadence", "duration", "How often: `P1Y`, `årligen`, `tertial`."),
                        Field(
                            "document_type",
                            "vocab",
                            "Kind of report.",
                            vocabulary="document-type",
                            example="trygghetsbokslut",
                        ),
                        Field(
                            "measures",
                            "text",
                            "What is measured: indicators, statistics, surveys.",
                            example="Anmälda brott i offentlig miljö per 100 000 invånare (Brå)",
                        ),
                        Field(
                            "by",
                            "ref",
                            "The group or organisation that follows up.",
                            targets=ORG_TARGETS,
                        ),
                    ),
                ),
                Field(
                    "reports_on",
                    "ref",
                    "For a follow-up report: the documents it follows up (a programme and its "
                    "plan, for one).",
                    targets=("documents",),
                    many=True,
                ),
                Field("report_year", "year", "For a follow-up report: the year it covers."),
                Field(
                    "entries",
                    "list",
                    "For a follow-up report: one entry per activity.",
                    subfields=(
                        Field(
                            "activity",
                            "ref",
                            "The activity.",
                            targets=("activities",),
                            required=True,
                        ),
                        Field(
                            "status",
                            "vocab",
                            "Reported status.",
                            vocabulary="status",
                            required=True,
                        ),
                        Field("outcome", "text", "What came of it."),
                    ),
                ),
                Field("creator", "text", "Authors of a publication.", many=True),
                Field("issued", "year", "Year of publication."),
                Field(
                    "geographic_scope",
                    "choice",
                    "For a lägesbild: what it covers — `hela-kommunen` (the municipality's whole "
                    "geographic area, as 4 § Lag (2023:196) asks), `del-av-kommunen`, or "
                    "`egen-verksamhet` (only the municipality's own operations).",
                    vocabulary="geographic-scope",
                    example="hela-kommunen",
                ),
                Field(
                    "lagesbild_parts",
                    "vocab",
                    "For a lägesbild: which of the three parts of 4 § Lag (2023:196) it holds.",
                    vocabulary="lagesbild-part",
                    many=True,
                    example="[kartlaggning, annan-information, analys]",
                ),
                Field("citation", "text", "Bibliographic citation."),
                Field("url", "url", "Web address."),
                NOTE,
                SOURCE,
            ),
        ),
        Section(
            "indicators",
            "Indicators goals are followed up with (`sk:Indicator`); observations of them come "
            "from the files of docs/follow-up.md.",
            (
                ID,
                Field(
                    "title",
                    "text",
                    "What is measured.",
                    required=True,
                    example="Anmälda skadegörelsebrott per 100 000 invånare",
                ),
                Field(
                    "unit",
                    "text",
                    "The unit of its values: `per 100 000 invånare`, `antal`, `index 0–6`, "
                    "`procent`.",
                    example="per 100 000 invånare",
                ),
                Field(
                    "data_source",
                    "text",
                    "Who publishes the figures: `Kolada`, `Brå`, `SCB`, `Polisens "
                    "trygghetsmätning`, a local survey.",
                    example="Brå",
                ),
                Field(
                    "kolada_kpi",
                    "kpi",
                    "The Kolada KPI it is, if any; a Kolada file's values for this KPI are its "
                    "observations.",
                    example="N07403",
                ),
                Field(
                    "better",
                    "choice",
                    "Which way is better: `lower` or `higher`.",
                    vocabulary="direction",
                    example="lower",
                ),
                Field(
                    "series_breaks",
                    "year",
                    "First years of a new series: values before and after are not comparable "
                    "(a Brå file adds 2015 itself).",
                    many=True,
                    example="[2015]",
                ),
                Field(
                    "moving_window",
                    "int",
                    "Years each value averages over, for a moving average (3 for Kolada's "
                    "three-year means).",
                    example="3",
                ),
                SCOPE,
                NOTE,
                SOURCE,
            ),
        ),
        Section(
            "goal_areas",
            "Goal areas (målområden) of a document.",
            (
                ID,
                Field("title", "text", "Name.", required=True, example="Brott"),
                Field(
                    "document",
                    "ref",
                    "The document stating it.",
                    targets=("documents",),
                    required=True,
                ),
                Field("lso", "bool", "Whether the area lies within LSO (`true`/`false`)."),
                Field("owning_group", "ref", "The group that carries it.", targets=("groups",)),
                NOTE,
                SOURCE,
            ),
        ),
        Section(
            "goals",
            "Goals (mål).",
            (
                ID,
                Field("title", "text", "The goal as stated.", required=True),
                Field(
                    "document",
                    "ref",
                    "The document stating it.",
                    targets=("documents",),
                    required=True,
                ),
                Field("goal_area", "ref", "Its goal area.", targets=("goal_areas",)),
                SCOPE,
                Field(
                    "indicators",
                    "list",
                    "The indicators it is measured with, each with its baseline and target.",
                    subfields=(
                        Field(
                            "indicator",
                            "ref",
                            "The indicator.",
                            targets=("indicators",),
                            required=True,
                            example="skadegorelse-per-100000",
                        ),
                        Field(
                            "baseline",
                            "map",
                            "What the goal is compared with: its years (`2016-2019`), or a "
                            "mapping of `period` and `value`; without a value it is computed "
                            "from the observations of those years.",
                            shorthand="period",
                            subfields=(
                                Field(
                                    "period",
                                    "years",
                                    "The baseline year or years.",
                                    required=True,
                                    example="2016-2019",
                                ),
                                Field(
                                    "value",
                                    "decimal",
                                    "The baseline value the plan states, in the indicator's "
                                    "unit.",
                                    example="812",
                                ),
                            ),
                        ),
                        Field(
                            "target",
                            "map",
                            "What counts as reaching the goal: a mapping of `kind`, `value`, "
                            "`unit` and `year`.",
                            subfields=(
                                Field(
                                    "kind",
                                    "choice",
                                    "`level`, `direction` or `change`.",
                                    vocabulary="target-kind",
                                    required=True,
                                    example="change",
                                ),
                                Field(
                                    "value",
                                    "decimal",
                                    "For `level` the level; for `change` the change, signed "
                                    "(`-10`: a fall by ten); none for `direction`.",
                                    example="-10",
                                ),
                                Field(
                                    "unit",
                                    "choice",
                                    "For `change`: `procent` (of the baseline) or `enheter` "
                                    "(the indicator's units).",
                                    vocabulary="change-unit",
                                    example="procent",
                                ),
                                Field(
                                    "year",
                                    "year",
                                    "The year it is to be reached by; default: the last year "
                                    "of the goal's document's period.",
                                    example="2026",
                                ),
                            ),
                        ),
                    ),
                ),
                NOTE,
                SOURCE,
            ),
        ),
        Section(
            "focus_areas",
            "Prioritised areas of an agreement, and the promises of a medborgarlöfte.",
            (
                ID,
                Field("title", "text", "The area or promise as stated.", required=True),
                Field(
                    "document",
                    "ref",
                    "The document stating it.",
                    targets=("documents",),
                    required=True,
                ),
                Field("prioritised", "bool", "Whether it is prioritised (`true`/`false`)."),
                Field(
                    "within",
                    "ref",
                    "For a promise: the agreement's focus area it belongs to.",
                    targets=("focus_areas",),
                ),
                NOTE,
                SOURCE,
            ),
        ),
        Section(
            "problems",
            "Identified problems, from a lägesbild or a medborgardialog.",
            (
                ID,
                Field("title", "text", "The problem as stated.", required=True),
                Field("identified_in", "ref", "Where it was identified.", targets=("documents",)),
                Field("prioritised", "bool", "Whether it is prioritised (`true`/`false`)."),
                Field(
                    "causes",
                    "vocab",
                    "Risk/protective factors behind it.",
                    vocabulary="factor",
                    many=True,
                ),
                NOTE,
                SOURCE,
            ),
        ),
        Section(
            "activities",
            "Activities, one row each in `activities*.csv` or `activities*.xlsx`.",
            (
                ID,
                Field("title", "text", "What is done.", required=True),
                Field(
                    "year",
                    "years",
                    "The year it is planned for, or years (`2020-2021`).",
                    required=True,
                    example="2021",
                ),
                Field(
                    "document",
                    "ref",
                    "The document it is planned under.",
                    targets=("documents",),
                    required=True,
                ),
                Field(
                    "responsible",
                    "ref",
                    "Responsible organisation.",
                    targets=ORG_TARGETS,
                    many=True,
                ),
                Field(
                    "kind",
                    "vocab",
                    "`social`, `situationell`, or `samordning` (coordination and method work: "
                    "cooperation meetings, EST).",
                    vocabulary="kind",
                ),
                Field(
                    "goal",
                    "ref",
                    "Goal, goal area or focus area it serves.",
                    targets=("goal_areas", "goals", "focus_areas"),
                    many=True,
                ),
                Field(
                    "problems", "ref", "Problems it addresses.", targets=("problems",), many=True
                ),
                Field(
                    "factors",
                    "vocab",
                    "Factors it targets (id or Swedish name).",
                    vocabulary="factor",
                    many=True,
                ),
                Field(
                    "domain",
                    "vocab",
                    "Domain it targets, when no factor is named.",
                    vocabulary="domain",
                    many=True,
                ),
                Field(
                    "status", "vocab", "Status: planerad, pagaende, genomford…", vocabulary="status"
                ),
                Field("description", "text", "Longer description."),
                Field(
                    "planned_output",
                    "text",
                    "What it is to produce, as the plan writes it; the number in it is the "
                    "planned count.",
                    example="minst 15 trafikkontroller",
                ),
                SOURCE,
            ),
        ),
        Section(
            "accepted",
            "Findings a planner has accepted (who, when, why); `check` shows them as accepted.",
            (
                Field("rule", "rule", "The rule ID.", required=True, example="PER-MANDATE"),
                Field(
                    "focus",
                    "text",
                    "Id of the resource the finding concerns (as in the files), or the "
                    "domain (`individen`) or law (`SFS 2017:725`) it concerns.",
                    required=True,
                    example="handlingsprogram",
                ),
                Field(
                    "document",
                    "ref",
                    "The document the finding concerns, to accept it there only.",
                    targets=("documents",),
                    example="plan",
                ),
                Field("by", "text", "Who accepted it.", required=True),
                Field("date", "date", "When.", required=True, example="2026-11-25"),
                Field("reason", "text", "Why.", required=True),
            ),
        ),
    )
}


SECTIONS = {
    name: (
        Section(s.name, s.doc, (*s.fields, REVIEW), s.single) if name in REVIEWED_SECTIONS else s
    )
    for name, s in SECTIONS.items()
}

YAML_SECTIONS = tuple(name for name in SECTIONS if name != "activities")
SETTINGS_SECTION = "settings"
"""A YAML mapping of rule parameters for this dataset (see ``samklang.queries.settings``)."""
