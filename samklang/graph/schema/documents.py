"""The documents: the series a document belongs to, and each document with its period,
decision, signatories, parts and the laws it rests on."""

from __future__ import annotations

from .field import (
    DOCUMENT_PARTS,
    ID,
    NOTE,
    ORG_TARGETS,
    SOURCE,
    Field,
    Section,
)

DOCUMENTS_SECTIONS = (
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
            Field("part_of", "ref", "The document the series belongs to.", targets=("documents",)),
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
            Field("parties", "ref", "Parties behind the document.", targets=ORG_TARGETS, many=True),
            Field(
                "municipalities",
                "code",
                "In a shared dataset: the SCB codes of the municipalities the document is "
                "for; a municipality dataset that uses the shared one sees it as its own "
                "document.",
                many=True,
                example='["0682", "0685"]',
            ),
            Field("signed_by", "ref", "Parties that signed it.", targets=ORG_TARGETS, many=True),
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
            Field("owning_group", "ref", "The group that carries the work.", targets=("groups",)),
            Field("purpose", "text", "Stated purpose."),
            Field(
                "cites_own_goals",
                "bool",
                'Whether the document speaks of its own goals ("målen i planen"), `true`/`false`.',
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
                "reported_to",
                "ref",
                "For a follow-up report: the bodies it is presented to (a nämnd, the "
                "fullmäktige, a förbund's direktion); ORG-POLITICAL reads it.",
                targets=ORG_TARGETS,
                many=True,
            ),
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
)
