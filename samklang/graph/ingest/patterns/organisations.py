"""Organisations: bodies, the police, abbreviations, generic actors, municipal roles."""

from __future__ import annotations

import re

from samklang.graph.ingest.patterns.words import NAME

DIRECTION = r"(?:Södra|Norra|Östra|Västra|Mellersta|Övre|Nedre|Stora|Lilla|Sydöstra|Nordvästra)"
"""A word of direction that begins a regional name: ``Södra Sagodalens räddningstjänstförbund``."""

POLICE_THROUGH = re.compile(
    r"^\s*Polismyndigheten(?:\s+(?:genom|via|och\s+dess|i)|\s*,|\s*[–-])\s*"
    r"(?=[Ll]okalpolisområde|LPO\b)"
)
"""``Polismyndigheten genom Lokalpolisområde Låtsasvik``, ``För Polismyndigheten, Lokalpolisområde
Låtsasvik``: the authority acting through its police area, which is the party."""

ORGANISATIONS: list[tuple[str, str]] = [
    # (organisation type, pattern; group "name" is the name as written)
    ("kommun", rf"\b(?P<name>{NAME}(?:\s{NAME})?)\s(?P<suffix>kommun|stad)s?\b"),
    (
        "lokalpolisomrade",
        rf"\b(?:[Ll]okalpolisområde(?:t)?|LPO)\s+(?P<name>{NAME}(?:[- ]{NAME})*)",
    ),
    (
        "raddningstjanstforbund",
        rf"\b(?P<name>(?:{DIRECTION}\s)?{NAME}s\s[Rr]äddningstjänstförbund"
        rf"|(?:{DIRECTION}\s)?{NAME}s\s[Bb]randförsvarsförbund"
        rf"|[Rr]äddningstjänstförbundet\s{NAME}|Räddningstjänsten\s{NAME}(?:\s{NAME})?)\b",
    ),
    ("myndighet", r"\b(?P<name>Polismyndighet)(?:en|ens)\b"),
    ("namnd", r"\b(?P<name>[Kk]ommunfullmäktige)(?:s)?\b"),
    ("namnd", r"\b(?P<name>[Kk]ommunstyrelse)(?:n|ns)\b"),
    ("namnd", r"\b(?P<name>[Ff]örbundsdirektion|[Ff]örbundsstyrelse)(?:n|ns)\b"),
    (
        "namnd",
        r"\b(?P<name>(?:[A-ZÅÄÖa-zåäö]+-\s(?:och|&)\s)?[A-ZÅÄÖa-zåäö]{3,}nämnd)(?:en|ens)\b"
        r"|\b(?P<adjective>[A-ZÅÄÖ][a-zåäö]+a)\snämnd(?:en|ens)\b",
    ),
]
"""Organisations: municipalities (``X kommun``, ``X stad``), local police areas (also written
in lower case, ``lokalpolisområde Norra Påhittsdalen``: the name is what counts), rescue-services
federations, the Police Authority, and the municipality's committees and boards (nämnder,
kommunstyrelsen, kommunfullmäktige). Other authorities, companies and associations are not
recorded."""

ORGANISATION_PATTERNS = [(kind, re.compile(pattern)) for kind, pattern in ORGANISATIONS]

NOT_MUNICIPALITY_NAMES = {
    "denna", "varje", "en", "vår", "hela", "vilken", "samma", "annan", "egen", "din", "er",
    "samtliga", "landets", "alla", "den", "det", "i", "för", "och", "med", "av", "till",
    "från", "om", "på", "att", "som", "inom", "mellan", "enligt", "under", "polisen",
    "lokalpolisområde", "lpo",
}  # fmt: skip
"""Capitalised words before ``kommun`` that are not a name (``Denna kommun``, ``I kommun``)."""

ABBREVIATION_AFTER = re.compile(r"^\s*\((?P<abbreviation>[A-ZÅÄÖ]{2,6})\)")
"""``Höglandets Räddningstjänstförbund (HRF)``: the short name written after a name."""

BODY_ABBREVIATIONS = {"kf": "Kommunfullmäktige", "ks": "Kommunstyrelsen"}
"""Short names of bodies in header fields: ``Beslutad av: KF``."""

GENERIC_ACTORS: list[tuple[str, str]] = [
    # (which organisation, how a text names it without its name)
    ("kommun", r"\b(?:[Kk]ommun(?:en|ens)?|[Vv]i\s+i\s+kommunen)\b"),
    (
        "lokalpolisomrade",
        r"\b(?:[Pp]olis(?:en|ens)?|[Ll]okalpolis(?:en|ens)?|[Kk]ommunpolis(?:en)?|"
        r"[Ll]okalpolisområde(?:t|ts)?)\b",
    ),
    ("raddningstjanstforbund", r"\b[Rr]äddningstjänst(?:en|ens|förbundet|förbundets)?\b"),
]
"""Generic names an actor is called by once the text has named it: ``kommunen``, ``polisen``,
``räddningstjänsten``. They stand for the one organisation of that kind the text names."""

MUNICIPAL_ROLES = re.compile(
    r"(?i)\b(?:kommunens\s+|stadens\s+)?(?:brottsförebyggande\s+|trygghets|säkerhets)?"
    r"(?:samordnar(?:e|en|na)|strateg(?:en|er|erna)?)\b"
    r"|\b(?:kommun|stads)direktör(?:en)?\b|\bsamordningsfunktion(?:en)?\b"
)
"""Roles held by the municipality's staff (``trygghetssamordnaren``, ``stadens
säkerhetsstrateg``, ``kommundirektören``): a convener named by role is taken to be the
municipality, with a note for review."""
