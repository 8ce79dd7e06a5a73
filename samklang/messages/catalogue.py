"""The sentences themselves: every sentence the library raises, in English as raised and in
Swedish (:data:`CATALOGUE`), the words put into them (:data:`NOUNS`), and the command line's
own lines (:data:`TEXTS`). How a sentence is found and translated is ``__init__.py``.

A new error message goes in :data:`CATALOGUE` with its Swedish form: ``tests/test_messages.py``
reads every ``raise …Error(…)`` of the package and fails for one the catalogue does not match.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

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


SHAPES: dict[str, str] = {
    "hint": r"(?: \(.*?\))?",
    "law": r"(?: or a law such as SFS 2003:778)?",
    "where": r"(?: in '.*?')?",
}
"""What a ``{name}`` of these names matches, where it is not just any text: the optional pieces
a sentence may carry, so that they are told apart from the text beside them."""


@dataclass(frozen=True)
class Message:
    """One sentence in English (as raised, ``{name}`` for what varies) and in Swedish.

    Attributes:
        en: the English form; each ``{name}`` matches any text (the shortest that fits), or
            what :data:`SHAPES` says for its name.
        sv: the Swedish form, with the same names or some of them.
        nouns: the names whose value is a word of :data:`NOUNS` (or several joined by "or").

    A value in quotes (``'{key}'``) is the user's own text and is never translated; any other
    value that is a sentence of the catalogue is.
    """

    en: str
    sv: str
    nouns: tuple[str, ...] = ()
    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """The English form as a regular expression, each ``{name}`` a named group (compiled
        when first needed: a command that raises nothing compiles none)."""
        parts = re.split(r"\{(\w+)\}", self.en)
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>{SHAPES.get(part, '.*?')})"
            for i, part in enumerate(parts)
        )
        return re.compile(regex, re.DOTALL)

    @functools.cached_property
    def quoted(self) -> frozenset[str]:
        """The names written in quotes (``'{key}'``): the user's own text, never translated."""
        names = set(re.findall(r"\{(\w+)\}", self.en))
        return frozenset(n for n in names if f"'{{{n}}}'" in self.en)

    @property
    def weight(self) -> int:
        """How much fixed text the English form holds: the more, the more specific."""
        return len(re.sub(r"\{\w+\}", "", self.en))


def _m(en: str, sv: str, *nouns: str) -> Message:
    return Message(en, sv, tuple(nouns))


CATALOGUE: tuple[Message, ...] = (
    # --- where in a file (InputError.location, and inside sentences) -------------------------
    _m("line {n}", "rad {n}"),
    _m("lines {a}–{b}", "raderna {a}–{b}"),
    _m("row {n}", "rad {n}"),
    _m("row {n} (line {line})", "rad {n} (rad {line} i filen)"),
    _m("sheet {sheet}, row {n}", "bladet {sheet}, rad {n}"),
    # --- pieces placed inside sentences -------------------------------------------------------
    _m(" (did you mean {choices}?)", " (menade du {choices}?)"),
    _m(" (activities belong in activities.csv or activities.xlsx)",
       " (aktiviteter hör hemma i activities.csv eller activities.xlsx)"),
    _m(" in '{document}'", " i '{document}'"),
    _m("an id listed in docs", "ett id som dokumentationen listar"),
    _m("names nothing the dataset defines", "pekar inte på något som datasetet definierar"),
    _m("names a {section} item", "pekar på en post i {section}"),
    _m(" or a law such as SFS 2003:778", " eller en lag, till exempel SFS 2003:778"),
    _m(" (municipality {code})", " (kommun {code})"),
    _m("syntax error", "syntaxfel"),
    # Python's own words about impossible dates (datetime.date.fromisoformat)
    _m("month must be in 1..12", "månaden måste vara 1–12"),
    _m("day is out of range for month", "dagen finns inte i månaden"),
    _m("year {year} is out of range", "år {year} ligger utanför det som går att ange"),
    # PyYAML's most common complaints (the rarer ones stay in English)
    _m("expected ',' or ']', but got {found}",
       "förväntade ',' eller ']' men fann {found} (en lista inom [ ] avslutas inte)"),
    _m("expected ',' or '}', but got {found}",
       "förväntade ',' eller '}}' men fann {found} (en mappning inom {{ }} avslutas inte)"),
    _m("mapping values are not allowed here",
       "ett kolon som inleder ett värde är inte tillåtet här (sätt texten inom citattecken)"),
    _m("found character {char} that cannot start any token",
       "tecknet {char} kan inte inleda ett värde (YAML tillåter inte tabbar för indrag)"),
    _m("found unexpected end of stream",
       "filen tar slut oväntat (ett citattecken stängs inte)"),
    _m("expected <block end>, but found {found}",
       "förväntade slutet på ett block men fann {found} (kontrollera indragen)"),
    _m("could not find expected ':'", "förväntade ':' men fann inget"),
    _m("found undefined alias {name}", "aliaset {name} är inte definierat"),
    # LibYAML's words for the same (samklang/graph/yamlfile.py reads datasets with it)
    _m("did not find expected ',' or ']'",
       "förväntade ',' eller ']' men fann inget (en lista inom [ ] avslutas inte)"),
    _m("did not find expected ',' or '}'",
       "förväntade ',' eller '}}' men fann inget (en mappning inom {{ }} avslutas inte)"),
    _m("mapping values are not allowed in this context",
       "ett kolon som inleder ett värde är inte tillåtet här (sätt texten inom citattecken)"),
    _m("found character that cannot start any token",
       "ett tecken kan inte inleda ett värde (YAML tillåter inte tabbar för indrag)"),
    _m("did not find expected key", "förväntade en nyckel (kontrollera indragen)"),
    _m("did not find expected '-' indicator",
       "förväntade en punkt i listan, '- ' (kontrollera indragen)"),
    _m("block sequence entries are not allowed in this context",
       "en punkt i en lista, '- ', är inte tillåten här (kontrollera indragen)"),
    _m("found a tab character that violates indentation",
       "en tabb bryter indragen (YAML tillåter inte tabbar för indrag)"),
    _m("found unknown escape character",
       "okänd escape-sekvens efter \\ i en text inom citattecken"),
    # --- the dataset folder and its YAML files (samklang/graph/dataset.py, yamlfile.py) ------
    _m("is not a dataset folder; expected a folder holding municipality.yaml, documents.yaml "
       "and activities.csv",
       "är ingen datasetmapp; förväntade en mapp med municipality.yaml, documents.yaml och "
       "activities.csv"),
    _m("holds no YAML files; expected at least one with a 'municipality:' section "
       "(samklang init makes a start)",
       "innehåller inga YAML-filer; förväntade minst en med avsnittet 'municipality:' "
       "(samklang init skapar en början)"),
    _m("a dataset describes exactly one municipality; expected one 'municipality:' section in "
       "all its YAML files, found a second",
       "ett dataset beskriver exakt en kommun; förväntade ett enda avsnitt 'municipality:' i "
       "alla dess YAML-filer, men här finns ett andra"),
    _m("a dataset describes exactly one municipality; expected one 'municipality:' section in "
       "all its YAML files, found none",
       "ett dataset beskriver exakt en kommun; förväntade ett avsnitt 'municipality:' i någon "
       "av dess YAML-filer, men det finns inget"),
    # shared datasets (samklang/graph/dataset.py)
    _m("is a shared dataset (owner: {owner}); check the municipality datasets that list its "
       "folder under 'shared:'",
       "är ett delat dataset (owner: {owner}); kontrollera de kommuners dataset som anger "
       "mappen under 'shared:'"),
    _m("is a shared dataset (owner: {owner}); expected 'municipality:' or 'owner:', not both",
       "är ett delat dataset (owner: {owner}); förväntade 'municipality:' eller 'owner:', "
       "inte båda"),
    _m("'shared: {name}' is not a folder; expected the path of a shared dataset (a folder with "
       "an 'owner:' section) relative to this dataset",
       "'shared: {name}' är ingen mapp; förväntade sökvägen till ett delat dataset (en mapp med "
       "avsnittet 'owner:') räknat från detta dataset"),
    _m("is in a shared dataset; expected only YAML files there (activities and Turtle belong to "
       "the municipality datasets that use it)",
       "ligger i ett delat dataset; där förväntades bara YAML-filer (aktiviteter och Turtle hör "
       "till de kommuners dataset som använder det)"),
    _m("is not a shared dataset; expected exactly one 'owner:' section and no 'municipality:' "
       "in its YAML files",
       "är inget delat dataset; förväntade exakt ett avsnitt 'owner:' och inget "
       "'municipality:' i dess YAML-filer"),
    _m("'{section}' cannot be stated in a shared dataset; expected {sections}",
       "'{section}' kan inte anges i ett delat dataset; förväntade {sections}"),
    _m("'settings' cannot be stated in a shared dataset; a municipality's settings belong in "
       "its own dataset",
       "'settings' kan inte anges i ett delat dataset; en kommuns inställningar hör hemma i "
       "dess eget dataset"),
    _m("'shared: {name}' names the owner '{owner}' twice",
       "'shared: {name}' anger ägaren '{owner}' en andra gång"),
    _m("'{name}: {value}' names no shared dataset '{owner}'; expected the owner id of a folder "
       "listed under 'shared:' in municipality.yaml (a shared dataset refers only to its own "
       "records)",
       "'{name}: {value}' pekar inte på något delat dataset '{owner}'; förväntade id:t för "
       "ägaren av en mapp som anges under 'shared:' i municipality.yaml (ett delat dataset "
       "hänvisar bara till sina egna poster)"),
    _m("'{name}: {value}' names no shared dataset '{owner}'; expected the owner id of a folder "
       "listed under 'shared:' in municipality.yaml",
       "'{name}: {value}' pekar inte på något delat dataset '{owner}'; förväntade id:t för "
       "ägaren av en mapp som anges under 'shared:' i municipality.yaml"),
    _m("'municipalities' belongs in a shared dataset (under 'owner:'); a municipality's own "
       "documents are its own",
       "'municipalities' hör hemma i ett delat dataset (under 'owner:'); en kommuns egna "
       "dokument är dess egna"),
    _m("'settings' is not a mapping; expected 'name: value' lines such as "
       "'mandate_first_year: 2020'",
       "'settings' är ingen mappning; förväntade rader 'namn: värde', till exempel "
       "'mandate_first_year: 2020'"),
    _m("the setting '{name}' has no plain value",
       "inställningen '{name}' har inget enkelt värde"),
    _m("'{key}' is not a section of a dataset{hint}; expected {expected}",
       "'{key}' är inget avsnitt i ett dataset{hint}; förväntade {expected}"),
    _m("'{key}' is not a list; expected items like '- id: …'",
       "'{key}' är ingen lista; förväntade poster som '- id: …'"),
    _m("is not valid Turtle: {problem}", "är inte giltig Turtle: {problem}"),
    _m("states an acceptance of a finding; an acceptance is written in the dataset's "
       "'accepted:' section (samklang accept), not in Turtle",
       "anger att ett fynd accepteras; ett accepterat fynd skrivs i datasetets avsnitt "
       "'accepted:' (samklang accept), inte i Turtle"),
    _m("states something about a blank node that none of the dataset's own resources refers "
       "to; expected statements about resources in its namespace {own}",
       "anger något om en blank nod som ingen av datasetets egna resurser hänvisar till; "
       "förväntade uppgifter om resurser i dess namnrymd {own}"),
    _m("states something about '{iri}', a resource of the shared dataset '{owner}'; a shared "
       "document is stated once, by its owner, and other datasets refer to it as an object only",
       "anger något om '{iri}', en resurs i det delade datasetet '{owner}'; ett delat dokument "
       "beskrivs en gång, av sin ägare, och andra dataset hänvisar bara till det som objekt"),
    _m("states something about '{iri}', a resource of municipality {code}; a dataset states "
       "things only about its own resources (in its namespace {own}) and refers to others' as "
       "objects",
       "anger något om '{iri}', en resurs som hör till kommun {code}; ett dataset anger bara "
       "uppgifter om sina egna resurser (i sin namnrymd {own}) och hänvisar till andras som "
       "objekt"),
    _m("states something about '{iri}', a term of the ontology or a vocabulary; a dataset uses "
       "those terms and does not state things about them",
       "anger något om '{iri}', en term i ontologin eller ett vokabulär; ett dataset använder "
       "de termerna men anger inga uppgifter om dem"),
    _m("states something about '{iri}', outside the dataset's namespace {own}; a dataset states "
       "things only about its own resources and refers to others' as objects",
       "anger något om '{iri}', utanför datasetets namnrymd {own}; ett dataset anger bara "
       "uppgifter om sina egna resurser och hänvisar till andras som objekt"),
    _m("cannot be read ({reason})", "kan inte läsas ({reason})"),
    _m("is a folder; a dataset reads '{name}' as a file (rename the folder, or put the file in "
       "its place)",
       "är en mapp; ett dataset läser '{name}' som en fil (byt namn på mappen, eller lägg filen "
       "på dess plats)"),
    _m("is {size} MB; samklang reads a dataset's files up to 2 MB each (a planning dataset is "
       "kilobytes; leave out what the plan does not use)",
       "är {size} MB; samklang läser filer i ett dataset på högst 2 MB var (ett dataset för en "
       "plan är några kilobyte; ta bort det som planen inte använder)"),
    _m("holds {size} MB of files a dataset is read from; samklang reads up to 10 MB in a "
       "dataset (a planning dataset is kilobytes; leave out what the plan does not use)",
       "har {size} MB filer som ett dataset läses från; samklang läser högst 10 MB i ett "
       "dataset (ett dataset för en plan är några kilobyte; ta bort det som planen inte "
       "använder)"),
    _m("is one record too many: samklang reads up to 5000 records (items of the YAML sections "
       "and activity rows) in a dataset; split the work into datasets of their own or leave "
       "out what the plan does not use",
       "är en post för mycket: samklang läser högst 5000 poster (poster i YAML-avsnitten och "
       "aktivitetsrader) i ett dataset; dela upp arbetet i egna dataset eller ta bort det som "
       "planen inte använder"),
    _m("brings the dataset's figures to {count}; samklang reads up to 5000 in a dataset (keep "
       "the municipality's own figures, and those it compares itself with, for the indicators "
       "its goals are measured by)",
       "gör datasetets värden till {count}; samklang läser högst 5000 i ett dataset (behåll "
       "kommunens egna värden, och dem den jämför sig med, för de indikatorer som dess mål "
       "mäts med)"),
    _m("is not UTF-8 text (byte 0x{byte}); save it with UTF-8 encoding",
       "är inte text i UTF-8 (byte 0x{byte}); spara filen med teckenkodningen UTF-8"),
    _m("is not valid YAML: {problem}", "är inte giltig YAML: {problem}"),
    _m("is empty; expected a mapping such as 'documents: [...]'",
       "är tom; förväntade en mappning, till exempel 'documents: [...]'"),
    _m("has no mapping at the top; expected keys such as 'documents:'",
       "har ingen mappning överst; förväntade nycklar som 'documents:'"),
    _m("uses a YAML alias; write the value out instead",
       "använder ett YAML-alias; skriv ut värdet i stället"),
    _m("holds the control character U+{code}, which is not text; remove it (or save the file "
       "again as plain UTF-8 text)",
       "innehåller styrtecknet U+{code}, som inte är text; ta bort det (eller spara filen på "
       "nytt som vanlig text i UTF-8)"),
    _m("holds more than one YAML document ('---'); expected one",
       "innehåller mer än ett YAML-dokument ('---'); förväntade ett"),
    _m("uses the YAML tag '{tag}'; expected plain values (samklang gives every value its "
       "meaning itself), so remove the tag",
       "använder YAML-taggen '{tag}'; förväntade vanliga värden (samklang ger själv varje värde "
       "dess betydelse), så ta bort taggen"),
    _m("nests lists and mappings more than {n} deep; a dataset needs a few levels",
       "har listor och mappningar mer än {n} nivåer djupt; ett dataset behöver några få nivåer"),
    _m("has a key that is not plain text", "har en nyckel som inte är vanlig text"),
    _m("repeats the key '{key}'", "upprepar nyckeln '{key}'"),
    _m("the id '{id}' is already used by an item of '{section}' ({file}, {place})",
       "id:t '{id}' används redan av en post i '{section}' ({file}, {place})"),
    _m("'review: {name}' names no field of {section}; expected one of {fields}",
       "'review: {name}' är inget fält i {section}; förväntade något av {fields}"),
    _m("'source: {source}' names no item of 'sources'; expected the id of a source defined "
       "under 'sources:'",
       "'source: {source}' pekar inte på någon post i 'sources'; förväntade id:t för en källa "
       "som anges under 'sources:'"),
    _m("'file: {path}' leaves the dataset folder; expected a path inside it, relative to it "
       "(copy the file into the folder)",
       "'file: {path}' går ut ur datasetets mapp; förväntade en sökväg inuti den, räknad från "
       "den (kopiera filen in i mappen)"),
    _m("'file: {file}' is not a file in the dataset folder; expected a path relative to it",
       "'file: {file}' är ingen fil i datasetmappen; förväntade en sökväg relativt mappen"),
    _m("the report has two entries for the activity '{activity}'; expected one per activity",
       "rapporten har två poster för aktiviteten '{activity}'; förväntade en per aktivitet"),
    _m("'focus: {focus}' names nothing the dataset defines; expected the id of the resource the "
       "finding concerns, a domain or a law such as SFS 2017:725",
       "'focus: {focus}' pekar inte på något som datasetet definierar; förväntade id:t för det "
       "som fyndet gäller, ett område eller en lag, till exempel SFS 2017:725"),
    _m("the factor '{factor}' lies in another domain than the one in column 'domain'; expected "
       "the factor's own domain, or no domain",
       "faktorn '{factor}' hör till ett annat område än det i kolumnen 'domain'; förväntade "
       "faktorns eget område, eller inget område"),
    _m("'{name}: {value}' {what}{hint}; expected the id of one of its {kinds}{law}",
       "'{name}: {value}' {what}{hint}; förväntade id:t för något av datasetets {kinds}{law}",
       "kinds"),
    # --- fields and values (samklang/graph/records.py, schema/, ontology/vocabulary.py) ----
    _m("'{name}' is empty; expected {doc}",
       "'{name}' är tomt; ett värde behövs (docs/input-format.md beskriver fältet)"),
    _m("'{text}' is not a count; expected a whole number such as 8",
       "'{text}' är inget antal; förväntade ett heltal, till exempel 8"),
    _m("'{text}' is not a known {kind}; expected one of {choices}",
       "'{text}' är inget känt värde för {kind}; förväntade något av {choices}", "kind"),
    _m("'{text}' is not a rule; expected an ID listed by 'samklang rules'",
       "'{text}' är ingen regel; förväntade ett ID som 'samklang rules' listar"),
    _m("'{text}' has no valid lines; expected source#39 or source#39-43",
       "'{text}' anger inga giltiga rader; förväntade källa#39 eller källa#39-43"),
    _m("an item of '{section}' is not a mapping; expected 'id: …' and more",
       "en post i '{section}' är ingen mappning; förväntade 'id: …' med mera"),
    _m("an item of '{section}' has no 'id'", "en post i '{section}' saknar 'id'"),
    _m("'{key}' is not a field of {section}{hint}; expected one of {fields}",
       "'{key}' är inget fält i {section}{hint}; förväntade något av {fields}"),
    _m("'{name}' has no value; it is required", "'{name}' saknar värde; det krävs"),
    _m("{section} item has no '{name}'; it is required",
       "en post i {section} saknar '{name}', som krävs"),
    _m("'{name}' is not a mapping; expected keys {keys}",
       "'{name}' är ingen mappning; förväntade nycklarna {keys}"),
    _m("'{name}' is not a list; expected '- {key}: …' items",
       "'{name}' är ingen lista; förväntade poster '- {key}: …'"),
    _m("an item of '{name}' is not a mapping", "en post i '{name}' är ingen mappning"),
    _m("'{name}' is a list; expected a single value",
       "'{name}' är en lista; förväntade ett enda värde"),
    _m("'{name}' holds a list item that is not a plain value",
       "'{name}' har en post i listan som inte är ett enkelt värde"),
    _m("'{name}' is a mapping; expected {doc}",
       "'{name}' är en mappning; förväntade ett enkelt värde (docs/input-format.md beskriver "
       "fältet)"),
    _m("column '{name}' is empty; it is required", "kolumnen '{name}' är tom; den krävs"),
    _m("'{text}' is not a date; expected YYYY-MM-DD",
       "'{text}' är inget datum; förväntade ÅÅÅÅ-MM-DD"),
    _m("'{text}' is not a real date ({reason}); expected YYYY-MM-DD",
       "'{text}' är inget verkligt datum ({reason}); förväntade ÅÅÅÅ-MM-DD"),
    _m("'{text}' is not a year; expected four digits such as 2021",
       "'{text}' är inget årtal; förväntade fyra siffror, till exempel 2021"),
    _m("the years '{text}' end before they start", "åren '{text}' slutar innan de börjar"),
    _m("'{text}' is not a period; expected 2020-2023, 2021 or 2020-07-01/2022-06-30",
       "'{text}' är ingen period; förväntade 2020-2023, 2021 eller 2020-07-01/2022-06-30"),
    _m("the period '{text}' ends before it starts", "perioden '{text}' slutar innan den börjar"),
    _m("'{text}' is not a cadence; expected P1Y, P2Y, årligen, vartannat år or tertial",
       "'{text}' är inget intervall; förväntade P1Y, P2Y, årligen, vartannat år eller tertial"),
    _m("'{text}' is not true or false", "'{text}' är varken sant eller falskt (true eller false)"),
    _m("'{text}' is not a valid id; expected letters a–z, digits, '-', '_' or '.' (at most 100, "
       "starting with a letter or digit)",
       "'{text}' är inget giltigt id; förväntade bokstäverna a–z, siffror, '-', '_' eller '.' "
       "(högst 100 tecken, först en bokstav eller siffra)"),
    _m("'{text}' is not a municipality code; expected four digits such as 0685",
       "'{text}' är ingen kommunkod; förväntade fyra siffror, till exempel 0685"),
    _m("'{text}' is not a web address; expected https://…",
       "'{text}' är ingen webbadress; förväntade https://…"),
    _m("'{text}' is ambiguous among {kind}s; write one of the ids {ids}",
       "'{text}' kan betyda flera värden för {kind}; skriv ett av id:na {ids}", "kind"),
    _m("'{text}' is not a known {kind}{hint}; expected {expected}",
       "'{text}' är inget känt värde för {kind}{hint}; förväntade {expected}", "kind"),
    # --- follow-up: indicators, goal measures, observation files (decision 0007) -------------
    # values (samklang/graph/values.py)
    _m("'{text}' is not a number; expected digits such as 12, 12,5 or 1 234",
       "'{text}' är inget tal; förväntade siffror, till exempel 12, 12,5 eller 1 234"),
    _m("'{text}' is not an area code; expected an SCB code: 0685 for a municipality, 06 for a "
       "county or 00 for the whole country",
       "'{text}' är ingen områdeskod; förväntade en SCB-kod: 0685 för en kommun, 06 för ett län "
       "eller 00 för hela landet"),
    _m("'{text}' is not a Kolada KPI; expected a letter and five digits such as N07403",
       "'{text}' är inget nyckeltal i Kolada; förväntade en bokstav och fem siffror, till "
       "exempel N07403"),
    # indicators and goal measures (samklang/graph/builder.py)
    _m("the goal names the indicator '{name}' twice; expected each of its indicators once, with "
       "its baseline and target",
       "målet anger indikatorn '{name}' två gånger; förväntade varje indikator en gång, med "
       "utgångsläge och målnivå"),
    _m("a target of kind 'direction' takes no value; expected only 'kind: direction', or kind "
       "level or change with a value",
       "ett mål av slaget 'direction' har inget värde; förväntade bara 'kind: direction', eller "
       "slaget level eller change med ett värde"),
    _m("a target of kind '{kind}' needs a value; expected 'value: …' (for level the level, for "
       "change its size towards the better direction)",
       "ett mål av slaget '{kind}' behöver ett värde; förväntade 'value: …' (för level nivån, "
       "för change förändringens storlek åt det bättre hållet)"),
    _m("a target of kind 'change' needs a unit; expected 'unit: procent' (of the baseline) or "
       "'unit: enheter' (the indicator's units)",
       "ett mål av slaget 'change' behöver en enhet; förväntade 'unit: procent' (av "
       "utgångsläget) eller 'unit: enheter' (indikatorns enheter)"),
    _m("'unit' belongs to a target of kind change; expected no unit for kind '{kind}'",
       "'unit' hör till ett mål av slaget change; förväntade ingen enhet för slaget '{kind}'"),
    _m("the Kolada KPI '{kpi}' is already the indicator '{other}' ({file}, {place}); expected "
       "each KPI on one indicator, so that a Kolada file's values have one indicator",
       "Kolada-nyckeltalet '{kpi}' är redan indikatorn '{other}' ({file}, {place}); förväntade "
       "varje nyckeltal på en enda indikator, så att en Kolada-fils värden hör till en indikator"),
    _m("a moving window of {n} years averages nothing; expected 2 or more years, or no "
       "moving_window",
       "ett glidande fönster på {n} år är inget medelvärde; förväntade 2 år eller fler, eller "
       "inget moving_window"),
    # where in a JSON file (samklang/graph/statistics_files.py)
    _m("JSON path {path}", "JSON-sökvägen {path}"),
    _m("is not valid JSON: {problem}", "är inte giltig JSON: {problem}"),
    _m("is in a shared dataset; expected only YAML files there (observation files belong to the "
       "municipality datasets that use it, each importing its own figures)",
       "ligger i ett delat dataset; där förväntades bara YAML-filer (observationsfiler hör till "
       "de kommuners dataset som använder det, som var och ett läser in sina egna siffror)"),
    # Kolada v3 JSON
    _m("has no 'values' list at the top; expected a Kolada v3 answer, whose 'values' lists "
       "mappings of kpi, municipality, period and values",
       "har ingen lista 'values' överst; förväntade ett svar från Koladas API v3, vars 'values' "
       "är en lista av mappningar med kpi, municipality, period och values"),
    _m("is an empty list; expected at least one value (Kolada answers an empty list, without an "
       "error, to a query that filters by the old name 'municipality' instead of "
       "'municipality_id')",
       "är en tom lista; förväntade minst ett värde (Kolada svarar med en tom lista, utan fel, "
       "på en fråga som filtrerar med det gamla namnet 'municipality' i stället för "
       "'municipality_id')"),
    _m("is not a mapping; expected the keys kpi, municipality, period and values",
       "är ingen mappning; förväntade nycklarna kpi, municipality, period och values"),
    _m("has no '{key}'; expected the keys kpi, municipality, period and values of a Kolada v3 "
       "answer for municipalities",
       "saknar '{key}'; förväntade nycklarna kpi, municipality, period och values i ett svar "
       "från Koladas API v3 för kommuner"),
    _m("'kpi: {kpi}' is the KPI of no indicator; expected an indicator with 'kolada_kpi: "
       "{again}' in the dataset",
       "'kpi: {kpi}' är inget nyckeltal för någon indikator; förväntade en indikator med "
       "'kolada_kpi: {again}' i datasetet"),
    _m("is not a list; expected one mapping per gender: gender, count, status, value",
       "är ingen lista; förväntade en mappning per kön: gender, count, status, value"),
    _m("has no 'gender' and 'value'; expected a mapping of gender, count, status and value, "
       "one per gender",
       "saknar 'gender' och 'value'; förväntade en mappning med gender, count, status och "
       "value, en per kön"),
    _m("'gender: {gender}' is not one of Kolada's; expected T (total), K (women) or M (men)",
       "'gender: {gender}' är inget av Koladas kön; förväntade T (totalt), K (kvinnor) eller "
       "M (män)"),
    _m("'value: {value}' is not a number; expected a number or null",
       "'value: {value}' är inget tal; förväntade ett tal eller null"),
    _m("'status: {status}' is not text; expected a status such as \"\"",
       "'status: {status}' är ingen text; förväntade en status, till exempel \"\""),
    _m("'municipality: {text}' is not a Kolada id; expected four digits such as 0685 (0000 is "
       "the whole country)",
       "'municipality: {text}' är inget id i Kolada; förväntade fyra siffror, till exempel 0685 "
       "(0000 är hela landet)"),
    _m("'period: {text}' is not a year; expected a year such as 2023",
       "'period: {text}' är inget årtal; förväntade ett år, till exempel 2023"),
    # Brå's yearly CSV
    _m("is named as no Brå file samklang reads; expected bra-<indicator id>-<year>.csv, such as "
       "bra-skadegorelse-2023.csv",
       "har ett namn som ingen Brå-fil samklang läser; förväntade bra-<indikatorns id>-<år>.csv, "
       "till exempel bra-skadegorelse-2023.csv"),
    _m("names the indicator '{name}', which the dataset does not define; expected {form} with "
       "the id of one of its indicators",
       "anger indikatorn '{name}', som datasetet inte definierar; förväntade {form} med id:t för "
       "en av dess indikatorer"),
    _m("feeds the indicator '{name}', which states no unit; expected 'unit: antal' or 'unit: "
       "per 100 000 invånare' on it, so that it says which column of a Brå file is its value",
       "ger värden till indikatorn '{name}', som inte anger någon enhet; förväntade 'unit: "
       "antal' eller 'unit: per 100 000 invånare' på den, så att den säger vilken kolumn i en "
       "Brå-fil som är dess värde"),
    _m("feeds the indicator '{name}', whose unit is '{unit}'; expected 'antal' or 'per 100 000 "
       "invånare', the columns of a Brå file",
       "ger värden till indikatorn '{name}', vars enhet är '{unit}'; förväntade 'antal' eller "
       "'per 100 000 invånare', kolumnerna i en Brå-fil"),
    _m("has no semicolons between cells; expected Brå's layout Kommun;Antal;Per 100 000 inv.",
       "har inga semikolon mellan cellerna; förväntade Brås uppställning Kommun;Antal;Per "
       "100 000 inv."),
    _m("has the header '{header}'; expected Kommun;Antal;Per 100 000 inv.",
       "har rubrikraden '{header}'; förväntade Kommun;Antal;Per 100 000 inv."),
    _m("has {n} cells; expected three, the municipality, the count and the rate per 100 000 "
       "(Kommun;Antal;Per 100 000 inv.)",
       "har {n} celler; förväntade tre: kommunen, antalet och antalet per 100 000 invånare "
       "(Kommun;Antal;Per 100 000 inv.)"),
    _m("begins with neither Brå's header Kommun;Antal;Per 100 000 inv. nor a row "
       "name;count;rate (the 2021 layout); expected one of the two",
       "börjar varken med Brås rubrikrad Kommun;Antal;Per 100 000 inv. eller med en rad "
       "namn;antal;per 100 000 (uppställningen från 2021); förväntade en av de två"),
    _m("gives '{name}' a second time ({place}); expected one row per municipality",
       "anger '{name}' en andra gång ({place}); förväntade en rad per kommun"),
    _m("'{text}' is not a {what}; expected a number (spaces between thousands allowed), '..' "
       "(suppressed) or '-' (zero)",
       "'{text}' är inget {what}; förväntade ett tal (mellanslag mellan tusental går bra), '..' "
       "(undertryckt) eller '-' (noll)", "what"),
    # area names (samklang/graph/area_names.py)
    _m("'{name}' is neither the dataset's municipality ({own}) nor a name in {file}; expected "
       "those only (list another municipality there as name;code, or leave its rows out)",
       "'{name}' är varken datasetets kommun ({own}) eller ett namn i {file}; förväntade bara "
       "dem (ange en annan kommun där som namn;kod, eller ta bort dess rader)"),
    _m("'{name}' matches more than one code ({codes}); expected one code per name in {file} and "
       "for the dataset's municipality",
       "'{name}' motsvarar mer än en kod ({codes}); förväntade en kod per namn i {file} och för "
       "datasetets kommun"),
    _m("is not a row name;code; expected an area's name and its SCB code, such as Nässjö;0682",
       "är ingen rad namn;kod; förväntade ett områdes namn och dess SCB-kod, till exempel "
       "Nässjö;0682"),
    # SCB population, CSV and JSON-stat2
    _m("'{text}' is not a region as SCB writes it; expected its code, optionally with its name, "
       "such as '0685 Vetlanda' or '00 Riket'",
       "'{text}' är ingen region så som SCB skriver den; förväntade dess kod, gärna med namnet, "
       "till exempel '0685 Vetlanda' eller '00 Riket'"),
    _m("'{text}' is not a sex as SCB writes it; expected 1 or män, 2 or kvinnor, 1+2 or totalt",
       "'{text}' är inget kön så som SCB skriver det; förväntade 1 eller män, 2 eller kvinnor, "
       "1+2 eller totalt"),
    _m("'{text}' is not a population; expected a whole number, or '..' where SCB has none",
       "'{text}' är ingen folkmängd; förväntade ett heltal, eller '..' där SCB saknar värde"),
    _m("'{text}' is not a population; expected a whole number",
       "'{text}' är ingen folkmängd; förväntade ett heltal"),
    _m("has no header row with a column 'region'; expected SCB's CSV of the population by "
       "region and year (TAB638), with its header row",
       "har ingen rubrikrad med kolumnen 'region'; förväntade SCB:s CSV med folkmängden efter "
       "region och år (TAB638), med dess rubrikrad"),
    _m("has {n} columns besides region, sex and year; expected one, the population",
       "har {n} kolumner utöver region, kön och år; förväntade en, folkmängden"),
    _m("has no year column; expected a column 'år' (or 'tid'), or one column per year ('2023', "
       "'Folkmängd 2023')",
       "har ingen kolumn för år; förväntade en kolumn 'år' (eller 'tid'), eller en kolumn per "
       "år ('2023', 'Folkmängd 2023')"),
    _m("has {n} cells; expected {m}, one under each heading",
       "har {n} celler; förväntade {m}, en under varje rubrik"),
    _m("is not JSON-stat2; expected the keys id, size, dimension and value of a dataset as SCB's "
       "PxWebApi 2 saves a table",
       "är inte JSON-stat2; förväntade nycklarna id, size, dimension och value i ett dataset så "
       "som SCB:s PxWebApi 2 sparar en tabell"),
    _m("does not match 'size' and 'dimension'; expected one size and one dimension per id",
       "stämmer inte med 'size' och 'dimension'; förväntade en storlek och en dimension per id"),
    _m("has no {what} dimension; expected the population by region and year (TAB638)",
       "saknar dimensionen {what}; förväntade folkmängden efter region och år (TAB638)", "what"),
    _m("has {n} categories where 'size' says {m}; expected as many as its size",
       "har {n} kategorier där 'size' anger {m}; förväntade lika många som storleken"),
    _m("has {n} categories; expected one (the population in total), as a table filtered to one",
       "har {n} kategorier; förväntade en (hela folkmängden), som i en tabell som filtrerats "
       "till en"),
    _m("has {n} values for {m} cells; expected one value per cell of the dimensions' sizes",
       "har {n} värden för {m} celler; förväntade ett värde per cell enligt dimensionernas "
       "storlekar"),
    _m("is not a list; expected one value per cell",
       "är ingen lista; förväntade ett värde per cell"),
    _m("is missing; expected the category codes of the dimension",
       "saknas; förväntade dimensionens kategorikoder"),
    # the planner's observations*.csv / .xlsx (samklang/graph/planner_files.py)
    _m("is empty; expected a header row and one row per observation",
       "är tom; förväntade en rubrikrad och en rad per observation"),
    _m("the column '{name}' is not known{hint}; expected columns {columns}",
       "kolumnen '{name}' är okänd{hint}; förväntade kolumnerna {columns}"),
    _m("'indicator: {name}' names no indicator or activity of the dataset{hint}; expected the id "
       "of an indicator, or of an activity for its reported output",
       "'indicator: {name}' pekar inte på någon indikator eller aktivitet i datasetet{hint}; "
       "förväntade id:t för en indikator, eller för en aktivitet när raden är dess redovisade "
       "prestation"),
    _m("gives the unit '{unit}', but the indicator '{name}' states none; expected 'unit: "
       "{again}' on the indicator, or an empty cell",
       "anger enheten '{unit}', men indikatorn '{name}' anger ingen; förväntade 'unit: {again}' "
       "på indikatorn, eller en tom cell"),
    _m("the unit '{unit}' is not the indicator's unit '{stated}'; expected the unit its entry "
       "under indicators gives, or an empty cell",
       "enheten '{unit}' är inte indikatorns enhet '{stated}'; förväntade den enhet som "
       "indikatorn anger under indicators, eller en tom cell"),
    _m("an activity's reported output takes no n or ci; expected them empty, or the id of an "
       "indicator in column 'indicator'",
       "en aktivitets redovisade prestation har varken n eller ci; förväntade dem tomma, eller "
       "id:t för en indikator i kolumnen 'indicator'"),
    _m("'{text}' is not one year; expected the year of the activity's reported output, such as "
       "2024",
       "'{text}' är inte ett enda år; förväntade året för aktivitetens redovisade prestation, "
       "till exempel 2024"),
    _m("'{text}' is not a count of what was done; expected a whole number such as 15",
       "'{text}' är inget antal genomförda; förväntade ett heltal, till exempel 15"),
    _m("'{text}' is not a period of an observation; expected a year such as 2023, or the years "
       "of a window such as 2021-2023",
       "'{text}' är ingen period för en observation; förväntade ett år, till exempel 2023, "
       "eller åren i ett fönster, till exempel 2021-2023"),
    _m("the period '{text}' is {n} years, but the indicator '{name}' has a moving window of "
       "{window}; expected {again} years or the last year only",
       "perioden '{text}' är {n} år, men indikatorn '{name}' har ett glidande fönster på "
       "{window} år; förväntade {again} år eller bara det sista året"),
    _m("'{text}' is not a confidence interval; expected its bounds such as 3,1–3,6",
       "'{text}' är inget konfidensintervall; förväntade dess gränser, till exempel 3,1–3,6"),
    _m("the confidence interval '{text}' runs backwards; expected the lower bound first",
       "konfidensintervallet '{text}' är baklänges; förväntade den undre gränsen först"),
    # the same figure from two places (samklang/graph/cube.py)
    _m("gives {what} of {indicator} in {area} for {period} (sex {sex}) as {a}, but {file}, {at} "
       "gives {b}; expected one figure per indicator, area, period and sex",
       "anger {what} för {indicator} i {area} år {period} (kön {sex}) till {a}, men {file}, {at} "
       "anger {b}; förväntade en siffra per indikator, område, period och kön", "what"),
    _m("gives the population of {area} in {year} (sex {sex}) as {a}, but {file}, {at} gives "
       "{b}; expected one population per area, year and sex",
       "anger folkmängden i {area} år {year} (kön {sex}) till {a}, men {file}, {at} anger {b}; "
       "förväntade en folkmängd per område, år och kön"),
    _m("gives the output of the activity '{name}' in {year} as {a}, but {file}, {at} gives "
       "{b}; expected one count per activity and year",
       "anger prestationen för aktiviteten '{name}' år {year} till {a}, men {file}, {at} anger "
       "{b}; förväntade ett antal per aktivitet och år"),
    # --- spreadsheets (samklang/graph/tables.py) ----------------------------------------------
    _m("the column '{name}' is not known (did you mean '{close}'?); expected columns {columns}, "
       "or another heading kept as a note",
       "kolumnen '{name}' är okänd (menade du '{close}'?); förväntade kolumnerna {columns}, "
       "eller en annan rubrik som sparas som anteckning"),
    _m("has the column '{name}' twice; expected each once",
       "har kolumnen '{name}' två gånger; förväntade varje kolumn en gång"),
    _m("has no column '{name}'; expected a header row with {columns}",
       "saknar kolumnen '{name}'; förväntade en rubrikrad med {columns}"),
    _m("has a value in column {column}, which has no header; expected values only under the "
       "named columns of the header row",
       "har ett värde i kolumn {column}, som saknar rubrik; förväntade värden bara under "
       "rubrikradens namngivna kolumner"),
    _m("is empty; expected a header row and one row per activity",
       "är tom; förväntade en rubrikrad och en rad per aktivitet"),
    _m("'{text}' names more than one organisation ({names}); expected the id of one of them",
       "'{text}' kan avse mer än en organisation ({names}); förväntade id:t för en av dem"),
    _m("names '{char}' as its separator; expected ',', ';' or a tab",
       "anger '{char}' som avgränsare; förväntade ',', ';' eller tabb"),
    _m("opens a quote (\") that is never closed, so the rest of the file would be one cell; "
       "expected a closing quote at the end of the cell on the same line",
       "öppnar ett citattecken (\") som aldrig stängs, så resten av filen skulle bli en enda "
       "cell; förväntade ett avslutande citattecken i slutet av cellen på samma rad"),
    _m("has a quote inside a cell that is not quoted as CSV writes it ({cell}); expected a cell "
       "in quotes with any quote inside it doubled (\"\")",
       "har ett citattecken inne i en cell som inte står inom citattecken som CSV kräver "
       "({cell}); förväntade cellen inom citattecken och varje citattecken i den dubblerat "
       "(\"\")"),
    _m("opens a quote (\") that closes only on line {end}, so {swallowed} would be read as part "
       "of one cell; expected a closing quote at the end of the cell on line {start}",
       "öppnar ett citattecken (\") som stängs först på rad {end}, så {swallowed} skulle läsas "
       "som en del av en enda cell; förväntade ett avslutande citattecken i slutet av cellen på "
       "rad {start}"),
    _m("unpacks to {size} MB; samklang reads workbooks that unpack to up to 10 MB (an activity "
       "list of 5000 rows unpacks to 4 MB; save the list alone in a workbook of its own)",
       "packas upp till {size} MB; samklang läser arbetsböcker som packas upp till högst 10 MB "
       "(en aktivitetslista med 5000 rader packas upp till 4 MB; spara listan ensam i en egen "
       "arbetsbok)"),
    _m("is not a readable XLSX workbook; save it from a spreadsheet program as .xlsx",
       "är ingen läsbar XLSX-arbetsbok; spara den som .xlsx från ett kalkylprogram"),
    _m("has the header cells {cells} merged; expected one column name in each cell of the "
       "header row (unmerge them)",
       "har rubrikcellerna {cells} sammanfogade; förväntade ett kolumnnamn i varje cell på "
       "rubrikraden (dela upp dem)"),
    _m("has the cells {cells} merged, so only the first holds a value; expected a value in each "
       "cell (unmerge them and fill every cell)",
       "har cellerna {cells} sammanfogade, så bara den första har ett värde; förväntade ett "
       "värde i varje cell (dela upp dem och fyll i varje cell)"),
    # --- RDF files and corpora (samklang/graph/corpus.py, store.py, export.py) ---------------
    _m("is not valid RDF: {problem}", "är inte giltig RDF: {problem}"),
    _m("cannot be read: {reason}", "kan inte läsas: {reason}"),
    _m("names a graph with a blank node; expected IRIs",
       "namnger en graf med en blank nod; förväntade IRI:er"),
    _m("{first} and {second} both fill the graph {graph}{hint}; load one of them",
       "både {first} och {second} fyller grafen {graph}{hint}; läs in en av dem"),
    _m("give dataset paths, --store DIR or --endpoint URL ('samklang load PATH… --store DIR' "
       "adds datasets to a store)",
       "ange sökvägar till dataset, --store MAPP eller --endpoint URL ('samklang load SÖKVÄG… "
       "--store MAPP' lägger dataset i ett lager)"),
    _m("give dataset paths, --store DIR or --endpoint URL, not {given} together ('samklang load "
       "PATH… --store DIR' adds datasets to a store)",
       "ange sökvägar till dataset, --store MAPP eller --endpoint URL, inte {given} samtidigt "
       "('samklang load SÖKVÄG… --store MAPP' lägger dataset i ett lager)"),
    _m("give dataset paths or --store DIR to push, not both and not neither",
       "ange antingen sökvägar till dataset eller --store MAPP att skicka, inte båda och inte "
       "ingetdera"),
    _m("give dataset paths or --store DIR to serve, not both and not neither",
       "ange antingen sökvägar till dataset eller --store MAPP att publicera, inte båda och inte "
       "ingetdera"),
    _m("--timeout, --max-rows, --workers, --max-body and --client-timeout must be positive",
       "--timeout, --max-rows, --workers, --max-body och --client-timeout måste vara större än "
       "noll"),
    _m("--max-workers must be at least --workers",
       "--max-workers måste vara minst lika stort som --workers"),
    _m("'{fmt}' is not an export format; expected {formats}",
       "'{fmt}' är inget exportformat; förväntade {formats}"),
    _m("{path} is not a samklang store; build one with 'samklang load PATH… --store {store}'",
       "{path} är inget samklang-lager; bygg ett med 'samklang load SÖKVÄG… --store {store}'"),
    _m("cannot open the store {path}: {reason}", "lagret {path} kan inte öppnas: {reason}"),
    _m("the query is not valid SPARQL at line {line}, column {column}: {problem}",
       "frågan är inte giltig SPARQL på rad {line}, kolumn {column}: {problem}"),
    _m("the query {name} is not valid SPARQL at line {line}, column {column}: {problem}",
       "frågan {name} är inte giltig SPARQL på rad {line}, kolumn {column}: {problem}"),
    _m("the query cannot go on at {found}", "frågan kan inte fortsätta vid {found}"),
    _m("the end of the text", "textens slut"),
    _m("a prefix that is not declared (PREFIX name: <…>)",
       "ett prefix som inte är deklarerat (PREFIX namn: <…>)"),
    _m("is not valid SPARQL at column {column}: {problem}",
       "är inte giltig SPARQL i kolumn {column}: {problem}"),
    _m("only SELECT queries give rows; this is an ASK or CONSTRUCT query",
       "bara SELECT-frågor ger rader; detta är en ASK- eller CONSTRUCT-fråga"),
    _m("the endpoint {endpoint} holds no municipality: neither its default graph nor any of its "
       "{count} named graphs has an sk:Municipality; push datasets to it with 'samklang push "
       "PATH… --endpoint URL'",
       "SPARQL-ändpunkten {endpoint} innehåller ingen kommun: varken dess standardgraf eller "
       "någon av dess {count} namngivna grafer har en sk:Municipality; skicka dataset till den "
       "med 'samklang push SÖKVÄG… --endpoint URL'"),
    _m("'{url}' is not an http or https URL of a SPARQL endpoint",
       "'{url}' är ingen http- eller https-adress till en SPARQL-ändpunkt"),
    _m("the endpoint {url} answered {code} {reason}",
       "ändpunkten {url} svarade {code} {reason}"),
    _m("the endpoint {url} answered {code} {reason}: {first}",
       "ändpunkten {url} svarade {code} {reason}: {first}"),
    _m("cannot reach the endpoint {url}: {reason}", "ändpunkten {url} går inte att nå: {reason}"),
    _m("the endpoint {url} did not answer with SPARQL results JSON",
       "ändpunkten {url} svarade inte med SPARQL-resultat i JSON"),
    _m("only quads in named graphs can be written to an endpoint",
       "bara kvadrupler i namngivna grafer kan skrivas till en ändpunkt"),
    _m("quoted triples cannot be written to an endpoint",
       "citerade tripler kan inte skrivas till en ändpunkt"),
    _m("'{text}' is not a store; expected one of {kinds}, oxigraph:DIR or sparql:URL",
       "'{text}' är inget lager; förväntade något av {kinds}, oxigraph:MAPP eller sparql:URL"),
    _m("{path} holds files but no samklang store; give a new folder",
       "{path} innehåller filer men inget samklang-lager; ange en ny mapp"),
    _m("another samklang load is writing to the store {path}; wait until it has finished",
       "en annan samklang load skriver till lagret {path}; vänta tills den är klar"),
    _m("the load into {path} has already been published or abandoned",
       "inläsningen till {path} är redan publicerad eller avbruten"),
    _m(" (and {n} more)", " (och {n} till)"),
    _m("the store {path} is open for reading only", "lagret {path} är öppnat bara för läsning"),
    _m("the store {path} disagrees with its catalogue: it has no catalogue graph <{graph}>{hint}; "
       "load its sources again with 'samklang load PATH… --store {store}'",
       "lagret {path} stämmer inte med sin katalog: det har ingen kataloggraf <{graph}>{hint}; "
       "läs in dess källor igen med 'samklang load SÖKVÄG… --store {store}'"),
    _m("the store {path} disagrees with its catalogue: the catalogue lists the graph <{graph}>, "
       "which the store does not hold{hint}; load its sources again with 'samklang load PATH… "
       "--store {store}'",
       "lagret {path} stämmer inte med sin katalog: katalogen tar upp grafen <{graph}>, som "
       "lagret inte har{hint}; läs in dess källor igen med 'samklang load SÖKVÄG… --store "
       "{store}'"),
    _m("the store {path} disagrees with its catalogue: the graph <{graph}> holds {n} triples "
       "where the catalogue says {m}{hint}; load its sources again with 'samklang load PATH… "
       "--store {store}'",
       "lagret {path} stämmer inte med sin katalog: grafen <{graph}> har {n} tripler där "
       "katalogen säger {m}{hint}; läs in dess källor igen med 'samklang load SÖKVÄG… --store "
       "{store}'"),
    _m("the store {path} disagrees with its catalogue: the graph <{graph}> is not in the "
       "catalogue{hint}; load its sources again with 'samklang load PATH… --store {store}'",
       "lagret {path} stämmer inte med sin katalog: grafen <{graph}> saknas i katalogen{hint}; "
       "läs in dess källor igen med 'samklang load SÖKVÄG… --store {store}'"),
    # --- SPARQL text and research queries (sparql_text.py, queries/research.py) ---------------
    _m("the query has an unterminated string at character {n}",
       "frågan har en sträng som inte avslutas, vid tecken {n}"),
    _m("the text is not a SPARQL query (no SELECT, CONSTRUCT, ASK or DESCRIBE)",
       "texten är ingen SPARQL-fråga (inget SELECT, CONSTRUCT, ASK eller DESCRIBE)"),
    _m("the query has no WHERE clause to bind values in",
       "frågan har ingen WHERE-del att binda värden i"),
    _m("cannot bind {term}: only IRIs and literals can be bound",
       "{term} kan inte bindas: bara IRI:er och litteraler kan bindas"),
    _m("cannot bind values in a query whose WHERE clause is only a sub-query",
       "värden kan inte bindas i en fråga vars WHERE-del bara är en delfråga"),
    _m("'{name}' is not a parameter of the query {query}; expected one of: {known}",
       "'{name}' är ingen parameter i frågan {query}; förväntade någon av: {known}"),
    _m("parameter {name}: '{text}' is not {expected}",
       "parametern {name}: '{text}' är inte {expected}"),
    _m("a date YYYY-MM-DD (or 'today')", "ett datum ÅÅÅÅ-MM-DD (eller 'idag')"),
    _m("a year of four digits", "ett årtal med fyra siffror"),
    _m("a whole number", "ett heltal"),
    _m("a number", "ett tal"),
    _m("a finite number", "ett ändligt tal"),
    _m("true or false", "sant eller falskt (true eller false)"),
    _m("a municipality code of four digits", "en kommunkod med fyra siffror"),
    _m("a law such as 'SFS 2023:196'", "en lag, till exempel 'SFS 2023:196'"),
    _m("parameter {name}: unknown type '{kind}'; expected one of {types}",
       "parametern {name}: okänd typ '{kind}'; förväntade någon av {types}"),
    _m("parameter {name}: '{text}' is not an IRI; expected <http://…> or a prefixed name "
       "({prefixes})",
       "parametern {name}: '{text}' är ingen IRI; förväntade <http://…> eller ett namn med "
       "prefix ({prefixes})"),
    _m("parameter {name}: '{text}' is not a valid IRI",
       "parametern {name}: '{text}' är ingen giltig IRI"),
    _m("cannot be read as UTF-8 text: {reason}", "kan inte läsas som text i UTF-8: {reason}"),
    _m("'{name}' is neither a query of the library{hint} nor a .rq file; see 'samklang queries'",
       "'{name}' är varken en fråga i biblioteket{hint} eller en .rq-fil; se 'samklang queries'"),
    _m("the query {name} is {form}; 'samklang query' runs SELECT queries",
       "frågan {name} är {form}; 'samklang query' kör SELECT-frågor"),
    _m("'{fmt}' is not an output format; expected {formats}",
       "'{fmt}' är inget utdataformat; förväntade {formats}"),
    # a query file's header (samklang/queries/research.py: ValueError, shown without the name)
    _m("the '# ---' header is not valid YAML: {problem}",
       "huvudet '# ---' är inte giltig YAML: {problem}"),
    _m("parameter {param} needs a type among {types}",
       "parametern {param} behöver en typ bland {types}"),
    _m("with --sparql, '{name}' must be a dataset path",
       "med --sparql måste '{name}' vara en sökväg till ett dataset"),
    _m("name a query (see 'samklang queries'), give a .rq file, or --sparql",
       "ange en fråga (se 'samklang queries'), en .rq-fil eller --sparql"),
    # --- checking, settings, reports (queries/check.py, settings.py, report/sarif.py) ---------
    _m("'{rule}' is not a rule; see 'samklang rules'",
       "'{rule}' är ingen regel; se 'samklang rules'"),
    _m("'{lang}' is not a language; expected sv or en",
       "'{lang}' är inget språk; förväntade sv eller en"),
    _m("nothing to check: give a dataset or a store",
       "inget att kontrollera: ange ett dataset eller ett lager"),
    _m("'{rule}' in '{name}' is not a rule; see 'samklang rules'",
       "'{rule}' i '{name}' är ingen regel; se 'samklang rules'"),
    _m("'{text}' is not a severity; expected {severities}",
       "'{text}' är ingen allvarlighetsgrad; förväntade {severities}"),
    _m("'{name}' is not a setting; expected one of {names} or severity.RULE-ID",
       "'{name}' är ingen inställning; förväntade någon av {names} eller severity.REGEL-ID"),
    _m("'{text}' is not a whole number", "'{text}' är inget heltal"),
    _m("'{text}' has {n} digits; expected a whole number of at most 9 digits",
       "'{text}' har {n} siffror; förväntade ett heltal med högst 9 siffror"),
    _m("setting {name}: {problem}", "inställningen {name}: {problem}"),
    _m("the dataset folder {folder} is not inside {root}",
       "datasetmappen {folder} ligger inte inom {root}"),
    _m("'{text}' is not NAME=VALUE", "'{text}' har inte formen NAMN=VÄRDE"),
    _m("cannot write {target}: the folder {folder} does not exist",
       "{target} kan inte skrivas: mappen {folder} finns inte"),
    # --- bokslut (samklang/commands/bokslut.py, samklang/report/bokslut/) -------------------
    _m("cannot write {target}: '{suffix}' is not a format of the bokslut; expected a file name "
       "ending in {suffixes}",
       "{target} kan inte skrivas: '{suffix}' är inget format för bokslutet; förväntade ett "
       "filnamn som slutar på {suffixes}"),
    _m("'{suffix}' is not a format of the bokslut; expected a file name ending in {suffixes}",
       "'{suffix}' är inget format för bokslutet; förväntade ett filnamn som slutar på "
       "{suffixes}"),
    _m("cannot write {target}: {reason}", "{target} kan inte skrivas: {reason}"),
    _m("no municipality with the code {code} in the data; expected the code of a municipality "
       "it holds",
       "ingen kommun med koden {code} finns i uppgifterna; förväntade koden för en kommun som "
       "finns där"),
    _m("no municipality in the data; expected a dataset with a municipality.yaml",
       "ingen kommun finns i uppgifterna; förväntade ett dataset med municipality.yaml"),
    _m("the data holds several municipalities ({codes}); choose one with --kod",
       "uppgifterna innehåller flera kommuner ({codes}); välj en med --kod"),
    _m("no plan, programme, agreement or promise of {name} is in force in {year}; expected a "
       "document whose period covers the year",
       "ingen plan, inget program, ingen överenskommelse och inget medborgarlöfte för {name} "
       "gäller {year}; förväntade ett dokument vars period omfattar året"),
    # --- accept (samklang/queries/accept.py) ------------------------------------------------
    _m("'{focus}' is not an id of the dataset {folder}, a domain or a law; expected the id of "
       "the resource the finding concerns",
       "'{focus}' är varken ett id i datasetet {folder}, ett område eller en lag; förväntade "
       "id:t för det som fyndet gäller"),
    _m("'{focus}' is stated by the shared dataset '{owner}'; a finding about it is accepted "
       "there, in its 'accepted:' section, for every municipality that uses it",
       "'{focus}' anges av det delade datasetet '{owner}'; ett fynd om det accepteras där, i "
       "dess avsnitt 'accepted:', för alla kommuner som använder det"),
    _m("'{document}' is not an id of the dataset {folder}",
       "'{document}' är inget id i datasetet {folder}"),
    _m("{rule} reports nothing about '{focus}'{where} as of {on}; nothing to accept",
       "{rule} rapporterar inget om '{focus}'{where} per {on}; det finns inget att acceptera"),
    _m("the finding of {rule} about '{focus}'{where} is already accepted",
       "fyndet från {rule} om '{focus}'{where} är redan accepterat"),
    _m("an acceptance needs a reason and who accepts it",
       "ett accepterande behöver ett skäl och vem som accepterar"),
    _m("{target} holds more than an 'accepted:' list; add the acceptance there by hand",
       "{target} innehåller mer än en lista 'accepted:'; lägg till accepterandet för hand"),
    _m("{target} is not written in block style ('- rule: …' items); add the acceptance there by "
       "hand",
       "{target} är inte skriven i blockform (poster '- rule: …'); lägg till accepterandet för "
       "hand"),
    _m("the {name} given is not valid UTF-8 text; write it again in a UTF-8 terminal",
       "det som angavs som {name} är inte giltig text i UTF-8; skriv det igen i en terminal "
       "som använder UTF-8"),
    # --- init and template (samklang/graph/scaffold.py) ---------------------------------------
    _m("{target} already exists and is not empty; choose a new folder",
       "{target} finns redan och är inte tom; välj en ny mapp"),
    _m("{path} is not a dataset folder", "{path} är ingen datasetmapp"),
    _m("{path} is not an .xlsx file; the template is an Excel workbook",
       "{path} är ingen .xlsx-fil; mallen är en Excel-arbetsbok"),
    _m("{path} holds no YAML files, so it is not a dataset folder",
       "{path} innehåller inga YAML-filer och är alltså ingen datasetmapp"),
    # --- viz and stats (samklang/viz/visualise.py, network.py) ------------------------------
    _m("'{view}' is not a view; expected one of {views}",
       "'{view}' är ingen vy; förväntade någon av {views}"),
    _m("the {view} view draws one municipality, and the store holds several; choose one by its "
       "code",
       "vyn {view} ritar en kommun, och lagret innehåller flera; välj en med dess kod "
       "(--municipality)"),
    _m("the store holds no municipality: load a dataset into it first",
       "lagret innehåller ingen kommun: läs först in ett dataset i det"),
    _m("'{code}' is not a municipality code in the store; expected one of {known}",
       "'{code}' är ingen kommunkod i lagret; förväntade någon av {known}"),
    # --- ingest (samklang/graph/ingest/*.py, commands/ingest.py) ------------------------------
    _m("'{text}' is not four digits, e.g. 0685",
       "'{text}' är inte fyra siffror, till exempel 0685"),
    _m("the draft made from it does not load ({file}, {where}: {problem}); please report this "
       "as a bug of samklang ingest",
       "utkastet som gjordes av den går inte att läsa in ({file}, {where}: {problem}); "
       "rapportera det som ett fel i samklang ingest"),
    _m("cannot write the draft into {target}: it exists and is not an empty folder",
       "utkastet kan inte skrivas till {target}: den finns och är ingen tom mapp"),
    _m("names no planning document (no handlingsprogram, plan för brottsförebyggande arbete, "
       "samverkansöverenskommelse, medborgarlöfte, lägesbild or åtgärdsplan); expected a plan "
       "document",
       "nämner inget planeringsdokument (inget handlingsprogram, ingen plan för "
       "brottsförebyggande arbete, samverkansöverenskommelse, inget medborgarlöfte, ingen "
       "lägesbild eller åtgärdsplan); förväntade ett plandokument"),
    _m("is a report of samklang's findings (it names the rules {rules}…), not a plan document; "
       "expected the plan itself (.txt, .md, .docx or .pdf)",
       "är en rapport med samklangs fynd (den nämner reglerna {rules}…), inget plandokument; "
       "förväntade själva planen (.txt, .md, .docx eller .pdf)"),
    _m("is not a plan document: no document title (such as 'Plan för brottsförebyggande arbete' "
       "or 'Medborgarlöfte') and no organisation (a municipality, a police area) were found in "
       "it; expected a plan, agreement, promise or follow-up",
       "är inget plandokument: varken en dokumenttitel (som 'Plan för brottsförebyggande "
       "arbete' eller 'Medborgarlöfte') eller en organisation (en kommun, ett polisområde) finns "
       "i det; förväntade en plan, en överenskommelse, ett medborgarlöfte eller en uppföljning"),
    _m("{problem} (byte 0x{byte}); save it as UTF-8 text",
       "{problem} (byte 0x{byte}); spara den som text i UTF-8"),
    _m("is not UTF-8 text although it starts with a UTF-8 byte-order mark",
       "är inte text i UTF-8 fast den börjar med en byte-ordningsmarkering för UTF-8"),
    _m("is not text in UTF-8 or Windows-1252", "är varken text i UTF-8 eller i Windows-1252"),
    _m("is not a plan document; expected a .txt, .md, .docx or .pdf file",
       "är inget plandokument; förväntade en fil .txt, .md, .docx eller .pdf"),
    _m("is {size} MB; samklang reads documents up to 20 MB",
       "är {size} MB; samklang läser dokument på högst 20 MB"),
    _m("mixes UTF-8 (line {a}) and Windows-1252 (line {b}); save it in one encoding, preferably "
       "UTF-8",
       "blandar UTF-8 (rad {a}) och Windows-1252 (rad {b}); spara den i en enda teckenkodning, "
       "helst UTF-8"),
    _m("holds a control character (U+{code}), so it is not plain text; expected UTF-8, UTF-16 "
       "with a byte-order mark, or Windows-1252 text",
       "innehåller ett styrtecken (U+{code}) och är alltså ingen vanlig text; förväntade text i "
       "UTF-8, UTF-16 med byte-ordningsmarkering eller Windows-1252"),
    _m("is not valid UTF-16 text; save it as UTF-8 text",
       "är inte giltig text i UTF-16; spara den som text i UTF-8"),
    _m("is not a readable Word document (.docx)", "är inget läsbart Word-dokument (.docx)"),
    _m("is not a readable Word document (.docx): its XML is broken or too large",
       "är inget läsbart Word-dokument (.docx): dess XML är trasig eller för stor"),
    _m("is not a readable Word document (.docx): its parts are not those Word writes; expected a "
       "document saved as .docx by Word or another word processor",
       "är inget läsbart Word-dokument (.docx): dess delar är inte sådana som Word skriver; "
       "förväntade ett dokument sparat som .docx av Word eller ett annat ordbehandlingsprogram"),
    _m("is not a readable Word document (.docx): its part {part} does not unpack (broken or cut "
       "off); expected a document saved as .docx by Word or another word processor",
       "är inget läsbart Word-dokument (.docx): dess del {part} går inte att packa upp (den är "
       "trasig eller avkortad); förväntade ett dokument sparat som .docx av Word eller ett annat "
       "ordbehandlingsprogram"),
    _m("unpacks to {size} MB; samklang reads Word documents that unpack to up to 20 MB (a plan "
       "of 100 pages with its pictures unpacks to a few MB; save it without pictures, or as a "
       ".txt or .pdf file)",
       "packas upp till {size} MB; samklang läser Word-dokument som packas upp till högst 20 MB "
       "(en plan på 100 sidor med sina bilder packas upp till några få MB; spara den utan "
       "bilder, eller som en fil .txt eller .pdf)"),
    _m("holds more than 1 MB of text; samklang reads plan documents of up to 1 MB of text (a "
       "plan of 100 pages holds 0.3 MB; give the plan without the documents appended to it)",
       "innehåller mer än 1 MB text; samklang läser plandokument med högst 1 MB text (en plan "
       "på 100 sidor innehåller 0,3 MB; ge planen utan de dokument som bifogats den)"),
    _m("is an encrypted PDF; save an unencrypted copy",
       "är en krypterad PDF; spara en okrypterad kopia"),
    _m("is not a readable PDF ({reason})", "är ingen läsbar PDF ({reason})"),
    _m("has no text layer ({n} page{s} of images, as from a scanner); run text recognition (OCR) "
       "on it first, or give the text as a .txt or .docx file",
       "har inget textlager (sidorna är bilder, som från en skanner; antal sidor: {n}); kör "
       "textigenkänning "
       "(OCR) på den först, eller ge texten som en .txt- eller .docx-fil"),
    # --- reason (samklang/reasoning/) ----------------------------------------------
    _m("'{name}' is not a reasoner; expected one of {names}",
       "'{name}' är ingen reasoner; förväntade någon av {names}"),
    _m("cannot start Java: {reason}", "Java kan inte startas: {reason}"),
    _m("the reasoner {name} stopped with a Java error: {cause}",
       "reasonern {name} avbröts av ett fel i Java: {cause}"),
    # --- click's own messages (bad usage found while parsing the command line) ---------------
    _m("Invalid value for {option}: {message}", "Ogiltigt värde för {option}: {message}"),
    _m("Invalid value: {message}", "Ogiltigt värde: {message}"),
    _m("Missing argument {option}.", "Argumentet {option} saknas."),
    _m("Missing argument {option}. {more}", "Argumentet {option} saknas. {more}"),
    _m("Missing option {option}.", "Flaggan {option} saknas."),
    _m("Missing option {option}. {more}", "Flaggan {option} saknas. {more}"),
    _m("Missing parameter {option}.", "Parametern {option} saknas."),
    _m("Choose from:\n\t{choices}", "Välj bland:\n\t{choices}"),
    _m("No such option {name}.", "Flaggan {name} finns inte."),
    _m("No such option {name}. {option}", "Flaggan {name} finns inte. {option}"),
    _m("No such command {name}.", "Kommandot {name} finns inte."),
    _m("No such command {name}. {option}", "Kommandot {name} finns inte. {option}"),
    _m("Did you mean {name}?", "Menade du {name}?"),
    _m("(Did you mean one of: {names}?)", "(Menade du någon av: {names}?)"),
    _m("Missing command.", "Ange ett kommando."),
    _m("Option {name} requires an argument.", "Flaggan {name} kräver ett värde."),
    _m("Option {name} does not take a value.", "Flaggan {name} tar inget värde."),
    _m("Got unexpected extra argument ({args})", "Oväntat extra argument ({args})"),
    _m("Got unexpected extra arguments ({args})", "Oväntade extra argument ({args})"),
    _m("{value} is not {choice}.", "{value} är inte {choice}."),
    _m("{value} is not one of {choices}.", "{value} är inget av {choices}."),
    _m("{value} is not in the range {range}.", "{value} ligger utanför intervallet {range}."),
    _m("{value} is not a valid {kind}.", "{value} är inget giltigt {kind}.", "kind"),
    _m("File {name} does not exist.", "Filen {name} finns inte."),
    _m("Directory {name} does not exist.", "Mappen {name} finns inte."),
    _m("Path {name} does not exist.", "Sökvägen {name} finns inte."),
    _m("File {name} is a directory.", "{name} är en mapp, ingen fil."),
    _m("Path {name} is a directory.", "{name} är en mapp."),
    _m("Directory {name} is a file.", "{name} är en fil, ingen mapp."),
    _m("Path {name} is a file.", "{name} är en fil."),
)
"""Every sentence the library raises, with its Swedish form."""


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
