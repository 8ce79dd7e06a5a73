"""Where in a file, and the pieces placed inside other sentences (hints, words of Python's
date parser, PyYAML's and LibYAML's complaints)."""

from __future__ import annotations

from samklang.messages.message import Message, m

SENTENCES: tuple[Message, ...] = (
    # --- where in a file (InputError.location, and inside sentences) -------------------------
    m("line {n}", "rad {n}"),
    m("lines {a}–{b}", "raderna {a}–{b}"),
    m("row {n}", "rad {n}"),
    m("row {n} (line {line})", "rad {n} (rad {line} i filen)"),
    m("sheet {sheet}, row {n}", "bladet {sheet}, rad {n}"),
    m("line {n}, column '{column}'", "rad {n}, kolumnen '{column}'"),
    m("row {n}, column '{column}'", "rad {n}, kolumnen '{column}'"),
    # --- pieces placed inside sentences -------------------------------------------------------
    m(" (did you mean {choices}?)", " (menade du {choices}?)"),
    m(" (activities belong in activities.csv or activities.xlsx)",
      " (aktiviteter hör hemma i activities.csv eller activities.xlsx)"),
    m(" in '{document}'", " i '{document}'"),
    m("an id listed in docs", "ett id som dokumentationen listar"),
    m("names nothing the dataset defines", "pekar inte på något som datasetet definierar"),
    m("names a {section} item", "pekar på en post i {section}"),
    m(" or a law such as SFS 2003:778", " eller en lag, till exempel SFS 2003:778"),
    m(" (municipality {code})", " (kommun {code})"),
    m("syntax error", "syntaxfel"),
    # Python's own words about impossible dates (datetime.date.fromisoformat)
    m("month must be in 1..12", "månaden måste vara 1–12"),
    m("day is out of range for month", "dagen finns inte i månaden"),
    m("year {year} is out of range", "år {year} ligger utanför det som går att ange"),
    # PyYAML's most common complaints (the rarer ones stay in English)
    m("expected ',' or ']', but got {found}",
      "förväntade ',' eller ']' men fann {found} (en lista inom [ ] avslutas inte)"),
    m("expected ',' or '}', but got {found}",
      "förväntade ',' eller '}}' men fann {found} (en mappning inom {{ }} avslutas inte)"),
    m("mapping values are not allowed here",
      "ett kolon som inleder ett värde är inte tillåtet här (sätt texten inom citattecken)"),
    m("found character {char} that cannot start any token",
      "tecknet {char} kan inte inleda ett värde (YAML tillåter inte tabbar för indrag)"),
    m("found unexpected end of stream",
      "filen tar slut oväntat (ett citattecken stängs inte)"),
    m("expected <block end>, but found {found}",
      "förväntade slutet på ett block men fann {found} (kontrollera indragen)"),
    m("could not find expected ':'", "förväntade ':' men fann inget"),
    m("found undefined alias {name}", "aliaset {name} är inte definierat"),
    # LibYAML's words for the same (samklang/graph/yamlfile.py reads datasets with it)
    m("did not find expected ',' or ']'",
      "förväntade ',' eller ']' men fann inget (en lista inom [ ] avslutas inte)"),
    m("did not find expected ',' or '}'",
      "förväntade ',' eller '}}' men fann inget (en mappning inom {{ }} avslutas inte)"),
    m("mapping values are not allowed in this context",
      "ett kolon som inleder ett värde är inte tillåtet här (sätt texten inom citattecken)"),
    m("found character that cannot start any token",
      "ett tecken kan inte inleda ett värde (YAML tillåter inte tabbar för indrag)"),
    m("did not find expected key", "förväntade en nyckel (kontrollera indragen)"),
    m("did not find expected '-' indicator",
      "förväntade en punkt i listan, '- ' (kontrollera indragen)"),
    m("block sequence entries are not allowed in this context",
      "en punkt i en lista, '- ', är inte tillåten här (kontrollera indragen)"),
    m("found a tab character that violates indentation",
      "en tabb bryter indragen (YAML tillåter inte tabbar för indrag)"),
    m("found unknown escape character",
      "okänd escape-sekvens efter \\ i en text inom citattecken"),
)
