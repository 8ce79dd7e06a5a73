"""A dataset folder, its YAML files, and its fields and values."""

from __future__ import annotations

from samklang.messages.message import Message, m

SENTENCES: tuple[Message, ...] = (
    m("'{key}' is a list; expected one mapping ('{key2}:' and its fields indented under it, "
      "without '- ')",
      "'{key}' är en lista; förväntade en mappning ('{key2}:' med sina fält indragna under, "
      "utan '- ')"),
    m("has a cell of more than {limit} characters; expected a cell of ordinary text (a quote "
      "left open makes the rest of the file one cell)",
      "har en cell med fler än {limit} tecken; förväntade en cell med vanlig text (ett "
      "citattecken som inte stängs gör resten av filen till en cell)"),
    m('opens a quote (") in a cell that is closed only on line {end}; expected a closing quote '
      "at the end of the cell on the same line",
      'öppnar ett citattecken (") i en cell som stängs först på rad {end}; förväntade ett '
      "avslutande citattecken i slutet av cellen på samma rad"),
    m("cannot be read: it is not a file (a link to nothing, a pipe or a device); expected the "
      "file itself",
      "kan inte läsas: det är ingen fil (en länk till ingenting, ett rör eller en enhet); "
      "förväntade själva filen"),
    # --- the dataset folder and its YAML files (samklang/graph/dataset.py, yamlfile.py) ------
    m("is not a dataset folder; expected a folder holding municipality.yaml, documents.yaml "
      "and activities.csv",
      "är ingen datasetmapp; förväntade en mapp med municipality.yaml, documents.yaml och "
      "activities.csv"),
    m("holds no YAML files; expected at least one with a 'municipality:' section "
      "(samklang init makes a start)",
      "innehåller inga YAML-filer; förväntade minst en med avsnittet 'municipality:' "
      "(samklang init skapar en början)"),
    m("a dataset describes exactly one municipality; expected one 'municipality:' section in "
      "all its YAML files, found a second",
      "ett dataset beskriver exakt en kommun; förväntade ett enda avsnitt 'municipality:' i "
      "alla dess YAML-filer, men här finns ett andra"),
    m("a dataset describes exactly one municipality; expected one 'municipality:' section in "
      "all its YAML files, found none",
      "ett dataset beskriver exakt en kommun; förväntade ett avsnitt 'municipality:' i någon "
      "av dess YAML-filer, men det finns inget"),
    # shared datasets (samklang/graph/dataset.py)
    m("is a shared dataset (owner: {owner}); check the municipality datasets that list its "
      "folder under 'shared:'",
      "är ett delat dataset (owner: {owner}); kontrollera de kommuners dataset som anger "
      "mappen under 'shared:'"),
    m("is a shared dataset (owner: {owner}); expected 'municipality:' or 'owner:', not both",
      "är ett delat dataset (owner: {owner}); förväntade 'municipality:' eller 'owner:', "
      "inte båda"),
    m("'shared: {name}' is not a folder; expected the path of a shared dataset (a folder with "
      "an 'owner:' section) relative to this dataset",
      "'shared: {name}' är ingen mapp; förväntade sökvägen till ett delat dataset (en mapp med "
      "avsnittet 'owner:') räknat från detta dataset"),
    m("is in a shared dataset; expected only YAML files there (activities and Turtle belong to "
      "the municipality datasets that use it)",
      "ligger i ett delat dataset; där förväntades bara YAML-filer (aktiviteter och Turtle hör "
      "till de kommuners dataset som använder det)"),
    m("is not a shared dataset; expected exactly one 'owner:' section and no 'municipality:' "
      "in its YAML files",
      "är inget delat dataset; förväntade exakt ett avsnitt 'owner:' och inget "
      "'municipality:' i dess YAML-filer"),
    m("'{section}' cannot be stated in a shared dataset; expected {sections}",
      "'{section}' kan inte anges i ett delat dataset; förväntade {sections}"),
    m("'settings' cannot be stated in a shared dataset; a municipality's settings belong in "
      "its own dataset",
      "'settings' kan inte anges i ett delat dataset; en kommuns inställningar hör hemma i "
      "dess eget dataset"),
    m("'shared: {name}' names the owner '{owner}' twice",
      "'shared: {name}' anger ägaren '{owner}' en andra gång"),
    m("'{name}: {value}' names no shared dataset '{owner}'; expected the owner id of a folder "
      "listed under 'shared:' in municipality.yaml (a shared dataset refers only to its own "
      "records)",
      "'{name}: {value}' pekar inte på något delat dataset '{owner}'; förväntade id:t för "
      "ägaren av en mapp som anges under 'shared:' i municipality.yaml (ett delat dataset "
      "hänvisar bara till sina egna poster)"),
    m("'{name}: {value}' names no shared dataset '{owner}'; expected the owner id of a folder "
      "listed under 'shared:' in municipality.yaml",
      "'{name}: {value}' pekar inte på något delat dataset '{owner}'; förväntade id:t för "
      "ägaren av en mapp som anges under 'shared:' i municipality.yaml"),
    m("'municipalities' belongs in a shared dataset (under 'owner:'); a municipality's own "
      "documents are its own",
      "'municipalities' hör hemma i ett delat dataset (under 'owner:'); en kommuns egna "
      "dokument är dess egna"),
    m("'settings' is not a mapping; expected 'name: value' lines such as "
      "'mandate_first_year: 2020'",
      "'settings' är ingen mappning; förväntade rader 'namn: värde', till exempel "
      "'mandate_first_year: 2020'"),
    m("the setting '{name}' has no plain value",
      "inställningen '{name}' har inget enkelt värde"),
    m("'{key}' is not a section of a dataset{hint}; expected {expected}",
      "'{key}' är inget avsnitt i ett dataset{hint}; förväntade {expected}"),
    m("'{key}' is not a list; expected items like '- id: …'",
      "'{key}' är ingen lista; förväntade poster som '- id: …'"),
    m("is not valid Turtle: {problem}", "är inte giltig Turtle: {problem}"),
    m("states an acceptance of a finding; an acceptance is written in the dataset's "
      "'accepted:' section (samklang accept), not in Turtle",
      "anger att ett fynd accepteras; ett accepterat fynd skrivs i datasetets avsnitt "
      "'accepted:' (samklang accept), inte i Turtle"),
    m("states something about a blank node that none of the dataset's own resources refers "
      "to; expected statements about resources in its namespace {own}",
      "anger något om en blank nod som ingen av datasetets egna resurser hänvisar till; "
      "förväntade uppgifter om resurser i dess namnrymd {own}"),
    m("states something about '{iri}', a resource of the shared dataset '{owner}'; a shared "
      "document is stated once, by its owner, and other datasets refer to it as an object only",
      "anger något om '{iri}', en resurs i det delade datasetet '{owner}'; ett delat dokument "
      "beskrivs en gång, av sin ägare, och andra dataset hänvisar bara till det som objekt"),
    m("states something about '{iri}', a resource of municipality {code}; a dataset states "
      "things only about its own resources (in its namespace {own}) and refers to others' as "
      "objects",
      "anger något om '{iri}', en resurs som hör till kommun {code}; ett dataset anger bara "
      "uppgifter om sina egna resurser (i sin namnrymd {own}) och hänvisar till andras som "
      "objekt"),
    m("states something about '{iri}', a term of the ontology or a vocabulary; a dataset uses "
      "those terms and does not state things about them",
      "anger något om '{iri}', en term i ontologin eller ett vokabulär; ett dataset använder "
      "de termerna men anger inga uppgifter om dem"),
    m("states something about '{iri}', outside the dataset's namespace {own}; a dataset states "
      "things only about its own resources and refers to others' as objects",
      "anger något om '{iri}', utanför datasetets namnrymd {own}; ett dataset anger bara "
      "uppgifter om sina egna resurser och hänvisar till andras som objekt"),
    m("cannot be read ({reason})", "kan inte läsas ({reason})"),
    m("is a folder; a dataset reads '{name}' as a file (rename the folder, or put the file in "
      "its place)",
      "är en mapp; ett dataset läser '{name}' som en fil (byt namn på mappen, eller lägg filen "
      "på dess plats)"),
    m("is {size} MB; samklang reads a dataset's files up to 2 MB each (a planning dataset is "
      "kilobytes; leave out what the plan does not use)",
      "är {size} MB; samklang läser filer i ett dataset på högst 2 MB var (ett dataset för en "
      "plan är några kilobyte; ta bort det som planen inte använder)"),
    m("holds {size} MB of files a dataset is read from; samklang reads up to 10 MB in a "
      "dataset (a planning dataset is kilobytes; leave out what the plan does not use)",
      "har {size} MB filer som ett dataset läses från; samklang läser högst 10 MB i ett "
      "dataset (ett dataset för en plan är några kilobyte; ta bort det som planen inte "
      "använder)"),
    m("is one record too many: samklang reads up to 5000 records (items of the YAML sections "
      "and activity rows) in a dataset; split the work into datasets of their own or leave "
      "out what the plan does not use",
      "är en post för mycket: samklang läser högst 5000 poster (poster i YAML-avsnitten och "
      "aktivitetsrader) i ett dataset; dela upp arbetet i egna dataset eller ta bort det som "
      "planen inte använder"),
    m("brings the dataset's figures to {count}; samklang reads up to 5000 in a dataset (keep "
      "the municipality's own figures, and those it compares itself with, for the indicators "
      "its goals are measured by)",
      "gör datasetets värden till {count}; samklang läser högst 5000 i ett dataset (behåll "
      "kommunens egna värden, och dem den jämför sig med, för de indikatorer som dess mål "
      "mäts med)"),
    m("is not UTF-8 text (byte 0x{byte}); save it with UTF-8 encoding",
      "är inte text i UTF-8 (byte 0x{byte}); spara filen med teckenkodningen UTF-8"),
    m("is not valid YAML: {problem}", "är inte giltig YAML: {problem}"),
    m("is empty; expected a mapping such as 'documents: [...]'",
      "är tom; förväntade en mappning, till exempel 'documents: [...]'"),
    m("has no mapping at the top; expected keys such as 'documents:'",
      "har ingen mappning överst; förväntade nycklar som 'documents:'"),
    m("uses a YAML alias; write the value out instead",
      "använder ett YAML-alias; skriv ut värdet i stället"),
    m("holds the control character U+{code}, which is not text; remove it (or save the file "
      "again as plain UTF-8 text)",
      "innehåller styrtecknet U+{code}, som inte är text; ta bort det (eller spara filen på "
      "nytt som vanlig text i UTF-8)"),
    m("holds more than one YAML document ('---'); expected one",
      "innehåller mer än ett YAML-dokument ('---'); förväntade ett"),
    m("uses the YAML tag '{tag}'; expected plain values (samklang gives every value its "
      "meaning itself), so remove the tag",
      "använder YAML-taggen '{tag}'; förväntade vanliga värden (samklang ger själv varje värde "
      "dess betydelse), så ta bort taggen"),
    m("nests lists and mappings more than {n} deep; a dataset needs a few levels",
      "har listor och mappningar mer än {n} nivåer djupt; ett dataset behöver några få nivåer"),
    m("has a key that is not plain text", "har en nyckel som inte är vanlig text"),
    m("repeats the key '{key}'", "upprepar nyckeln '{key}'"),
    m("the id '{id}' is already used by an item of '{section}' ({file}, {place})",
      "id:t '{id}' används redan av en post i '{section}' ({file}, {place})"),
    m("'review: {name}' names no field of {section}; expected one of {fields}",
      "'review: {name}' är inget fält i {section}; förväntade något av {fields}"),
    m("'source: {source}' names no item of 'sources'; expected the id of a source defined "
      "under 'sources:'",
      "'source: {source}' pekar inte på någon post i 'sources'; förväntade id:t för en källa "
      "som anges under 'sources:'"),
    m("'file: {path}' leaves the dataset folder; expected a path inside it, relative to it "
      "(copy the file into the folder)",
      "'file: {path}' går ut ur datasetets mapp; förväntade en sökväg inuti den, räknad från "
      "den (kopiera filen in i mappen)"),
    m("'file: {file}' is not a file in the dataset folder; expected a path relative to it",
      "'file: {file}' är ingen fil i datasetmappen; förväntade en sökväg relativt mappen"),
    m("the report has two entries for the activity '{activity}'; expected one per activity",
      "rapporten har två poster för aktiviteten '{activity}'; förväntade en per aktivitet"),
    m("'focus: {focus}' names nothing the dataset defines; expected the id of the resource the "
      "finding concerns, a domain or a law such as SFS 2017:725",
      "'focus: {focus}' pekar inte på något som datasetet definierar; förväntade id:t för det "
      "som fyndet gäller, ett område eller en lag, till exempel SFS 2017:725"),
    m("the factor '{factor}' lies in another domain than the one in column 'domain'; expected "
      "the factor's own domain, or no domain",
      "faktorn '{factor}' hör till ett annat område än det i kolumnen 'domain'; förväntade "
      "faktorns eget område, eller inget område"),
    m("'{name}: {value}' {what}{hint}; expected the id of one of its {kinds}{law}",
      "'{name}: {value}' {what}{hint}; förväntade id:t för något av datasetets {kinds}{law}",
      "kinds"),
    # --- fields and values (samklang/graph/records.py, schema/, ontology/vocabulary.py) ----
    m("'{name}' is empty; expected {doc}",
      "'{name}' är tomt; ett värde behövs (docs/input-format.md beskriver fältet)"),
    m("'{text}' is not a count; expected a whole number such as 8",
      "'{text}' är inget antal; förväntade ett heltal, till exempel 8"),
    m("'{text}' is not a known {kind}; expected one of {choices}",
      "'{text}' är inget känt värde för {kind}; förväntade något av {choices}", "kind"),
    m("'{text}' is not a rule; expected an ID listed by 'samklang rules'",
      "'{text}' är ingen regel; förväntade ett ID som 'samklang rules' listar"),
    m("'{text}' has no valid lines; expected source#39 or source#39-43",
      "'{text}' anger inga giltiga rader; förväntade källa#39 eller källa#39-43"),
    m("an item of '{section}' is not a mapping; expected 'id: …' and more",
      "en post i '{section}' är ingen mappning; förväntade 'id: …' med mera"),
    m("an item of '{section}' has no 'id'", "en post i '{section}' saknar 'id'"),
    m("'{key}' is not a field of {section}{hint}; expected one of {fields}",
      "'{key}' är inget fält i {section}{hint}; förväntade något av {fields}"),
    m("'{name}' has no value; it is required", "'{name}' saknar värde; det krävs"),
    m("{section} item has no '{name}'; it is required",
      "en post i {section} saknar '{name}', som krävs"),
    m("'{name}' is not a mapping; expected keys {keys}",
      "'{name}' är ingen mappning; förväntade nycklarna {keys}"),
    m("'{name}' is not a list; expected '- {key}: …' items",
      "'{name}' är ingen lista; förväntade poster '- {key}: …'"),
    m("an item of '{name}' is not a mapping", "en post i '{name}' är ingen mappning"),
    m("'{name}' is a list; expected a single value",
      "'{name}' är en lista; förväntade ett enda värde"),
    m("'{name}' holds a list item that is not a plain value",
      "'{name}' har en post i listan som inte är ett enkelt värde"),
    m("'{name}' is a mapping; expected {doc}",
      "'{name}' är en mappning; förväntade ett enkelt värde (docs/input-format.md beskriver "
      "fältet)"),
    m("column '{name}' is empty; it is required", "kolumnen '{name}' är tom; den krävs"),
    m("'{text}' is not a date; expected YYYY-MM-DD",
      "'{text}' är inget datum; förväntade ÅÅÅÅ-MM-DD"),
    m("'{text}' is not a real date ({reason}); expected YYYY-MM-DD",
      "'{text}' är inget verkligt datum ({reason}); förväntade ÅÅÅÅ-MM-DD"),
    m("'{text}' is not a year; expected four digits such as 2021",
      "'{text}' är inget årtal; förväntade fyra siffror, till exempel 2021"),
    m("the years '{text}' end before they start", "åren '{text}' slutar innan de börjar"),
    m("'{text}' is not a period; expected 2020-2023, 2021 or 2020-07-01/2022-06-30",
      "'{text}' är ingen period; förväntade 2020-2023, 2021 eller 2020-07-01/2022-06-30"),
    m("the period '{text}' ends before it starts", "perioden '{text}' slutar innan den börjar"),
    m("'{text}' is not a cadence; expected P1Y, P2Y, årligen, vartannat år or tertial",
      "'{text}' är inget intervall; förväntade P1Y, P2Y, årligen, vartannat år eller tertial"),
    m("'{text}' is not true or false", "'{text}' är varken sant eller falskt (true eller false)"),
    m("'{text}' is not a valid id; expected letters a–z, digits, '-', '_' or '.' (at most 100, "
      "starting with a letter or digit)",
      "'{text}' är inget giltigt id; förväntade bokstäverna a–z, siffror, '-', '_' eller '.' "
      "(högst 100 tecken, först en bokstav eller siffra)"),
    m("'{text}' is not a municipality code; expected four digits such as 0685",
      "'{text}' är ingen kommunkod; förväntade fyra siffror, till exempel 0685"),
    m("'{text}' is not a web address; expected https://…",
      "'{text}' är ingen webbadress; förväntade https://…"),
    m("'{text}' is ambiguous among {kind}s; write one of the ids {ids}",
      "'{text}' kan betyda flera värden för {kind}; skriv ett av id:na {ids}", "kind"),
    m("'{text}' is not a known {kind}{hint}; expected {expected}",
      "'{text}' är inget känt värde för {kind}{hint}; förväntade {expected}", "kind"),
)
