"""The commands' own work: bokslut, accept, init and template, viz and stats."""

from __future__ import annotations

from samklang.messages.message import Message, m

SENTENCES: tuple[Message, ...] = (
    # --- bokslut (samklang/commands/bokslut.py, samklang/report/bokslut/) -------------------
    m("cannot write {target}: '{suffix}' is not a format of the bokslut; expected a file name "
      "ending in {suffixes}",
      "{target} kan inte skrivas: '{suffix}' är inget format för bokslutet; förväntade ett "
      "filnamn som slutar på {suffixes}"),
    m("'{suffix}' is not a format of the bokslut; expected a file name ending in {suffixes}",
      "'{suffix}' är inget format för bokslutet; förväntade ett filnamn som slutar på "
      "{suffixes}"),
    m("cannot write {target}: {reason}", "{target} kan inte skrivas: {reason}"),
    m("cannot use {target}: {reason}", "{target} kan inte användas: {reason}"),
    m("cannot write {target}: the dataset in {folder} would read it as one of its files; "
      "expected an output outside the dataset folder",
      "{target} kan inte skrivas: datasetet i {folder} skulle läsa den som en av sina filer; "
      "förväntade en utdatafil utanför datasetets mapp"),
    m("cannot listen on {address}: {reason}", "kan inte lyssna på {address}: {reason}"),
    # --- warnings of the library (samklang/graph/corpus.py), said by the command line --------
    m("the settings of {paths} apply when a dataset is checked alone; a corpus is checked with "
      "the defaults and --setting",
      "inställningarna i {paths} gäller när ett dataset kontrolleras ensamt; en korpus "
      "kontrolleras med standardvärdena och --setting"),
    m("no municipality with the code {code} in the data; expected the code of a municipality "
      "it holds",
      "ingen kommun med koden {code} finns i uppgifterna; förväntade koden för en kommun som "
      "finns där"),
    m("no municipality in the data; expected a dataset with a municipality.yaml",
      "ingen kommun finns i uppgifterna; förväntade ett dataset med municipality.yaml"),
    m("the data holds several municipalities ({codes}); choose one with --kod",
      "uppgifterna innehåller flera kommuner ({codes}); välj en med --kod"),
    m("no plan, programme, agreement or promise of {name} is in force in {year}; expected a "
      "document whose period covers the year",
      "ingen plan, inget program, ingen överenskommelse och inget medborgarlöfte för {name} "
      "gäller {year}; förväntade ett dokument vars period omfattar året"),
    # --- accept (samklang/queries/accept.py) ------------------------------------------------
    m("'{focus}' is not an id of the dataset {folder}, a domain or a law; expected the id of "
      "the resource the finding concerns",
      "'{focus}' är varken ett id i datasetet {folder}, ett område eller en lag; förväntade "
      "id:t för det som fyndet gäller"),
    m("'{focus}' is stated by the shared dataset '{owner}'; a finding about it is accepted "
      "there, in its 'accepted:' section, for every municipality that uses it",
      "'{focus}' anges av det delade datasetet '{owner}'; ett fynd om det accepteras där, i "
      "dess avsnitt 'accepted:', för alla kommuner som använder det"),
    m("'{document}' is not an id of the dataset {folder}",
      "'{document}' är inget id i datasetet {folder}"),
    m("{rule} reports nothing about '{focus}'{where} as of {on}; nothing to accept",
      "{rule} rapporterar inget om '{focus}'{where} per {on}; det finns inget att acceptera"),
    m("the finding of {rule} about '{focus}'{where} is already accepted",
      "fyndet från {rule} om '{focus}'{where} är redan accepterat"),
    m("an acceptance needs a reason and who accepts it",
      "ett accepterande behöver ett skäl och vem som accepterar"),
    m("{target} holds more than an 'accepted:' list; add the acceptance there by hand",
      "{target} innehåller mer än en lista 'accepted:'; lägg till accepterandet för hand"),
    m("{target} is not written in block style ('- rule: …' items); add the acceptance there by "
      "hand",
      "{target} är inte skriven i blockform (poster '- rule: …'); lägg till accepterandet för "
      "hand"),
    m("the {name} given is not valid UTF-8 text; write it again in a UTF-8 terminal",
      "det som angavs som {name} är inte giltig text i UTF-8; skriv det igen i en terminal "
      "som använder UTF-8"),
    # --- init and template (samklang/graph/scaffold.py) ---------------------------------------
    m("{target} already exists and is not empty; choose a new folder",
      "{target} finns redan och är inte tom; välj en ny mapp"),
    m("{path} is not a dataset folder", "{path} är ingen datasetmapp"),
    m("{path} is not an .xlsx file; the template is an Excel workbook",
      "{path} är ingen .xlsx-fil; mallen är en Excel-arbetsbok"),
    m("{path} holds no YAML files, so it is not a dataset folder",
      "{path} innehåller inga YAML-filer och är alltså ingen datasetmapp"),
    # --- viz and stats (samklang/viz/visualise.py, network.py) ------------------------------
    m("'{view}' is not a view; expected one of {views}",
      "'{view}' är ingen vy; förväntade någon av {views}"),
    m("the {view} view draws one municipality, and the store holds several; choose one by its "
      "code",
      "vyn {view} ritar en kommun, och lagret innehåller flera; välj en med dess kod "
      "(--municipality)"),
    m("the store holds no municipality: load a dataset into it first",
      "lagret innehåller ingen kommun: läs först in ett dataset i det"),
    m("'{code}' is not a municipality code in the store; expected one of {known}",
      "'{code}' är ingen kommunkod i lagret; förväntade någon av {known}"),
)
