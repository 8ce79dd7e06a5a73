"""What the documents plan and follow up: indicators, goal areas, goals, focus areas,
problems, activities, and the findings a municipality has accepted."""

from __future__ import annotations

from .field import (
    ID,
    NOTE,
    ORG_TARGETS,
    SCOPE,
    SOURCE,
    Field,
    Section,
)

PLANNING_SECTIONS = (
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
                "The unit of its values: `per 100 000 invånare`, `antal`, `index 0–6`, `procent`.",
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
                                "The baseline value the plan states, in the indicator's unit.",
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
            Field("problems", "ref", "Problems it addresses.", targets=("problems",), many=True),
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
            Field("status", "vocab", "Status: planerad, pagaende, genomford…", vocabulary="status"),
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
