"""RDF files, corpora and stores."""

from __future__ import annotations

from samklang.messages.message import Message, m

SENTENCES: tuple[Message, ...] = (
    # --- RDF files and corpora (samklang/graph/corpus.py, store.py, export.py) ---------------
    m("is not valid RDF: {problem}", "är inte giltig RDF: {problem}"),
    m("holds no triples; expected the graphs of one or more datasets, as samklang export "
      "writes them",
      "innehåller inga tripler; förväntade graferna för ett eller flera dataset, så som samklang "
      "export skriver dem"),
    m("cannot be read: {reason}", "kan inte läsas: {reason}"),
    m("names a graph with a blank node; expected IRIs",
      "namnger en graf med en blank nod; förväntade IRI:er"),
    m("{first} and {second} both fill the graph {graph}{hint}; load one of them",
      "både {first} och {second} fyller grafen {graph}{hint}; läs in en av dem"),
    m("give dataset paths, --store DIR or --endpoint URL ('samklang load PATH… --store DIR' "
      "adds datasets to a store)",
      "ange sökvägar till dataset, --store MAPP eller --endpoint URL ('samklang load SÖKVÄG… "
      "--store MAPP' lägger dataset i ett lager)"),
    m("give dataset paths, --store DIR or --endpoint URL, not {given} together ('samklang load "
      "PATH… --store DIR' adds datasets to a store)",
      "ange sökvägar till dataset, --store MAPP eller --endpoint URL, inte {given} samtidigt "
      "('samklang load SÖKVÄG… --store MAPP' lägger dataset i ett lager)"),
    m("give dataset paths or --store DIR to push, not both and not neither",
      "ange antingen sökvägar till dataset eller --store MAPP att skicka, inte båda och inte "
      "ingetdera"),
    m("give dataset paths or --store DIR to serve, not both and not neither",
      "ange antingen sökvägar till dataset eller --store MAPP att publicera, inte båda och inte "
      "ingetdera"),
    m("--timeout, --max-rows, --workers, --max-body and --client-timeout must be positive",
      "--timeout, --max-rows, --workers, --max-body och --client-timeout måste vara större än "
      "noll"),
    m("--max-workers must be at least --workers",
      "--max-workers måste vara minst lika stort som --workers"),
    m("'{fmt}' is not an export format; expected {formats}",
      "'{fmt}' är inget exportformat; förväntade {formats}"),
    m("{path} is not a samklang store; build one with 'samklang load PATH… --store {store}'",
      "{path} är inget samklang-lager; bygg ett med 'samklang load SÖKVÄG… --store {store}'"),
    m("cannot open the store {path}: {reason}", "lagret {path} kan inte öppnas: {reason}"),
    m("the store {path} is damaged ({reason}); load the datasets again into a new folder with "
      "samklang load",
      "lagret {path} är skadat ({reason}); läs in dataseten på nytt i en ny mapp med samklang "
      "load"),
    m("the query is not valid SPARQL at line {line}, column {column}: {problem}",
      "frågan är inte giltig SPARQL på rad {line}, kolumn {column}: {problem}"),
    m("the query {name} is not valid SPARQL at line {line}, column {column}: {problem}",
      "frågan {name} är inte giltig SPARQL på rad {line}, kolumn {column}: {problem}"),
    m("the query cannot go on at {found}", "frågan kan inte fortsätta vid {found}"),
    m("the end of the text", "textens slut"),
    m("a prefix that is not declared (PREFIX name: <…>)",
      "ett prefix som inte är deklarerat (PREFIX namn: <…>)"),
    m("is not valid SPARQL at column {column}: {problem}",
      "är inte giltig SPARQL i kolumn {column}: {problem}"),
    m("only SELECT queries give rows; this is an ASK or CONSTRUCT query",
      "bara SELECT-frågor ger rader; detta är en ASK- eller CONSTRUCT-fråga"),
    m("the endpoint {endpoint} holds no municipality: neither its default graph nor any of its "
      "{count} named graphs has an sk:Municipality; push datasets to it with 'samklang push "
      "PATH… --endpoint URL'",
      "SPARQL-ändpunkten {endpoint} innehåller ingen kommun: varken dess standardgraf eller "
      "någon av dess {count} namngivna grafer har en sk:Municipality; skicka dataset till den "
      "med 'samklang push SÖKVÄG… --endpoint URL'"),
    m("'{url}' is not an http or https URL of a SPARQL endpoint",
      "'{url}' är ingen http- eller https-adress till en SPARQL-ändpunkt"),
    m("the endpoint {url} answered {code} {reason}",
      "ändpunkten {url} svarade {code} {reason}"),
    m("the endpoint {url} answered {code} {reason}: {first}",
      "ändpunkten {url} svarade {code} {reason}: {first}"),
    m("cannot reach the endpoint {url}: {reason}", "ändpunkten {url} går inte att nå: {reason}"),
    m("the endpoint {url} did not answer with SPARQL results JSON",
      "ändpunkten {url} svarade inte med SPARQL-resultat i JSON"),
    m("only quads in named graphs can be written to an endpoint",
      "bara kvadrupler i namngivna grafer kan skrivas till en ändpunkt"),
    m("quoted triples cannot be written to an endpoint",
      "citerade tripler kan inte skrivas till en ändpunkt"),
    m("'{text}' is not a store; expected one of {kinds}, oxigraph:DIR or sparql:URL",
      "'{text}' är inget lager; förväntade något av {kinds}, oxigraph:MAPP eller sparql:URL"),
    m("{path} holds files but no samklang store; give a new folder",
      "{path} innehåller filer men inget samklang-lager; ange en ny mapp"),
    m("another samklang load is writing to the store {path}; wait until it has finished",
      "en annan samklang load skriver till lagret {path}; vänta tills den är klar"),
    m("the load into {path} has already been published or abandoned",
      "inläsningen till {path} är redan publicerad eller avbruten"),
    m(" (and {n} more)", " (och {n} till)"),
    m("the store {path} is open for reading only", "lagret {path} är öppnat bara för läsning"),
    m("the store {path} disagrees with its catalogue: it has no catalogue graph <{graph}>{hint}; "
      "load its sources again with 'samklang load PATH… --store {store}'",
      "lagret {path} stämmer inte med sin katalog: det har ingen kataloggraf <{graph}>{hint}; "
      "läs in dess källor igen med 'samklang load SÖKVÄG… --store {store}'"),
    m("the store {path} disagrees with its catalogue: the catalogue lists the graph <{graph}>, "
      "which the store does not hold{hint}; load its sources again with 'samklang load PATH… "
      "--store {store}'",
      "lagret {path} stämmer inte med sin katalog: katalogen tar upp grafen <{graph}>, som "
      "lagret inte har{hint}; läs in dess källor igen med 'samklang load SÖKVÄG… --store "
      "{store}'"),
    m("the store {path} disagrees with its catalogue: the graph <{graph}> holds {n} triples "
      "where the catalogue says {m}{hint}; load its sources again with 'samklang load PATH… "
      "--store {store}'",
      "lagret {path} stämmer inte med sin katalog: grafen <{graph}> har {n} tripler där "
      "katalogen säger {m}{hint}; läs in dess källor igen med 'samklang load SÖKVÄG… --store "
      "{store}'"),
    m("the store {path} disagrees with its catalogue: the graph <{graph}> is not in the "
      "catalogue{hint}; load its sources again with 'samklang load PATH… --store {store}'",
      "lagret {path} stämmer inte med sin katalog: grafen <{graph}> saknas i katalogen{hint}; "
      "läs in dess källor igen med 'samklang load SÖKVÄG… --store {store}'"),
)
