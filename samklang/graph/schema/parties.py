"""Who plans: the municipality (or a shared dataset's owner), the sources the data was read
from, the organisations and the groups they form."""

from __future__ import annotations

from .field import (
    COORDINATES,
    GROUP_TYPES,
    ID,
    NOTE,
    ORG_TARGETS,
    ORGANISATION_TYPES,
    SOURCE,
    Field,
    Section,
)

PARTIES_SECTIONS = (
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
            Field("part_of", "ref", "The organisation the group belongs to.", targets=ORG_TARGETS),
            COORDINATES,
            NOTE,
            SOURCE,
        ),
    ),
)
