"""The follow-up: indicators, goal measures, observation files (decision 0007)."""

from __future__ import annotations

from samklang.messages.message import Message, m

SENTENCES: tuple[Message, ...] = (
    # --- follow-up: indicators, goal measures, observation files (decision 0007) -------------
    # values (samklang/graph/values.py)
    m("'{text}' is not a number; expected digits such as 12, 12,5 or 1 234",
      "'{text}' är inget tal; förväntade siffror, till exempel 12, 12,5 eller 1 234"),
    m("'{text}' is out of range; expected a figure under 1 000 000 000 000 000",
      "'{text}' är för stort; förväntade ett tal under 1 000 000 000 000 000"),
    m("'value: {value}' is out of range; expected a finite number under 1 000 000 000 000 000 "
      "or null",
      "'value: {value}' är för stort eller inget ändligt tal; förväntade ett tal under "
      "1 000 000 000 000 000 eller null"),
    m("'{text}' is not an area code; expected an SCB code: 0685 for a municipality, 06 for a "
      "county or 00 for the whole country",
      "'{text}' är ingen områdeskod; förväntade en SCB-kod: 0685 för en kommun, 06 för ett län "
      "eller 00 för hela landet"),
    m("'{text}' is not a Kolada KPI; expected a letter and five digits such as N07403",
      "'{text}' är inget nyckeltal i Kolada; förväntade en bokstav och fem siffror, till "
      "exempel N07403"),
    # indicators and goal measures (samklang/graph/builder.py)
    m("the goal names the indicator '{name}' twice; expected each of its indicators once, with "
      "its baseline and target",
      "målet anger indikatorn '{name}' två gånger; förväntade varje indikator en gång, med "
      "utgångsläge och målnivå"),
    m("a target of kind 'direction' takes no value; expected only 'kind: direction', or kind "
      "level or change with a value",
      "ett mål av slaget 'direction' har inget värde; förväntade bara 'kind: direction', eller "
      "slaget level eller change med ett värde"),
    m("a target of kind '{kind}' needs a value; expected 'value: …' (for level the level, for "
      "change its size towards the better direction)",
      "ett mål av slaget '{kind}' behöver ett värde; förväntade 'value: …' (för level nivån, "
      "för change förändringens storlek åt det bättre hållet)"),
    m("a target of kind 'change' needs a unit; expected 'unit: procent' (of the baseline) or "
      "'unit: enheter' (the indicator's units)",
      "ett mål av slaget 'change' behöver en enhet; förväntade 'unit: procent' (av "
      "utgångsläget) eller 'unit: enheter' (indikatorns enheter)"),
    m("'unit' belongs to a target of kind change; expected no unit for kind '{kind}'",
      "'unit' hör till ett mål av slaget change; förväntade ingen enhet för slaget '{kind}'"),
    m("the Kolada KPI '{kpi}' is already the indicator '{other}' ({file}, {place}); expected "
      "each KPI on one indicator, so that a Kolada file's values have one indicator",
      "Kolada-nyckeltalet '{kpi}' är redan indikatorn '{other}' ({file}, {place}); förväntade "
      "varje nyckeltal på en enda indikator, så att en Kolada-fils värden hör till en indikator"),
    m("a moving window of {n} years averages nothing; expected 2 or more years, or no "
      "moving_window",
      "ett glidande fönster på {n} år är inget medelvärde; förväntade 2 år eller fler, eller "
      "inget moving_window"),
    # where in a JSON file (samklang/graph/statistics_files.py)
    m("JSON path {path}", "JSON-sökvägen {path}"),
    m("is not valid JSON: {problem}", "är inte giltig JSON: {problem}"),
    m("is in a shared dataset; expected only YAML files there (observation files belong to the "
      "municipality datasets that use it, each importing its own figures)",
      "ligger i ett delat dataset; där förväntades bara YAML-filer (observationsfiler hör till "
      "de kommuners dataset som använder det, som var och ett läser in sina egna siffror)"),
    # Kolada v3 JSON
    m("has no 'values' list at the top; expected a Kolada v3 answer, whose 'values' lists "
      "mappings of kpi, municipality, period and values",
      "har ingen lista 'values' överst; förväntade ett svar från Koladas API v3, vars 'values' "
      "är en lista av mappningar med kpi, municipality, period och values"),
    m("is an empty list; expected at least one value (Kolada answers an empty list, without an "
      "error, to a query that filters by the old name 'municipality' instead of "
      "'municipality_id')",
      "är en tom lista; förväntade minst ett värde (Kolada svarar med en tom lista, utan fel, "
      "på en fråga som filtrerar med det gamla namnet 'municipality' i stället för "
      "'municipality_id')"),
    m("is not a mapping; expected the keys kpi, municipality, period and values",
      "är ingen mappning; förväntade nycklarna kpi, municipality, period och values"),
    m("has no '{key}'; expected the keys kpi, municipality, period and values of a Kolada v3 "
      "answer for municipalities",
      "saknar '{key}'; förväntade nycklarna kpi, municipality, period och values i ett svar "
      "från Koladas API v3 för kommuner"),
    m("'kpi: {kpi}' is the KPI of no indicator; expected an indicator with 'kolada_kpi: "
      "{again}' in the dataset",
      "'kpi: {kpi}' är inget nyckeltal för någon indikator; förväntade en indikator med "
      "'kolada_kpi: {again}' i datasetet"),
    m("is not a list; expected one mapping per gender: gender, count, status, value",
      "är ingen lista; förväntade en mappning per kön: gender, count, status, value"),
    m("has no 'gender' and 'value'; expected a mapping of gender, count, status and value, "
      "one per gender",
      "saknar 'gender' och 'value'; förväntade en mappning med gender, count, status och "
      "value, en per kön"),
    m("'gender: {gender}' is not one of Kolada's; expected T (total), K (women) or M (men)",
      "'gender: {gender}' är inget av Koladas kön; förväntade T (totalt), K (kvinnor) eller "
      "M (män)"),
    m("gives the key '{key}' twice in one object; expected each key once",
      "anger nyckeln '{key}' två gånger i samma objekt; förväntade varje nyckel en gång"),
    m("'value: {value}' is not a number; expected a number or null",
      "'value: {value}' är inget tal; förväntade ett tal eller null"),
    m("'status: {status}' is not text; expected a status such as \"\"",
      "'status: {status}' är ingen text; förväntade en status, till exempel \"\""),
    m("'municipality: {text}' is not a Kolada id; expected four digits such as 0685 (0000 is "
      "the whole country)",
      "'municipality: {text}' är inget id i Kolada; förväntade fyra siffror, till exempel 0685 "
      "(0000 är hela landet)"),
    m("'period: {text}' is not a year; expected a year such as 2023",
      "'period: {text}' är inget årtal; förväntade ett år, till exempel 2023"),
    # Brå's yearly CSV
    m("is named as no Brå file samklang reads; expected bra-<indicator id>-<year>.csv, such as "
      "bra-skadegorelse-2023.csv",
      "har ett namn som ingen Brå-fil samklang läser; förväntade bra-<indikatorns id>-<år>.csv, "
      "till exempel bra-skadegorelse-2023.csv"),
    m("names the indicator '{name}', which the dataset does not define; expected {form} with "
      "the id of one of its indicators",
      "anger indikatorn '{name}', som datasetet inte definierar; förväntade {form} med id:t för "
      "en av dess indikatorer"),
    m("feeds the indicator '{name}', which states no unit; expected 'unit: antal' or 'unit: "
      "per 100 000 invånare' on it, so that it says which column of a Brå file is its value",
      "ger värden till indikatorn '{name}', som inte anger någon enhet; förväntade 'unit: "
      "antal' eller 'unit: per 100 000 invånare' på den, så att den säger vilken kolumn i en "
      "Brå-fil som är dess värde"),
    m("feeds the indicator '{name}', whose unit is '{unit}'; expected 'antal' or 'per 100 000 "
      "invånare', the columns of a Brå file",
      "ger värden till indikatorn '{name}', vars enhet är '{unit}'; förväntade 'antal' eller "
      "'per 100 000 invånare', kolumnerna i en Brå-fil"),
    m("has no semicolons between cells; expected Brå's layout Kommun;Antal;Per 100 000 inv.",
      "har inga semikolon mellan cellerna; förväntade Brås uppställning Kommun;Antal;Per "
      "100 000 inv."),
    m("has the header '{header}'; expected Kommun;Antal;Per 100 000 inv.",
      "har rubrikraden '{header}'; förväntade Kommun;Antal;Per 100 000 inv."),
    m("has {n} cells; expected three, the municipality, the count and the rate per 100 000 "
      "(Kommun;Antal;Per 100 000 inv.)",
      "har {n} celler; förväntade tre: kommunen, antalet och antalet per 100 000 invånare "
      "(Kommun;Antal;Per 100 000 inv.)"),
    m("begins with neither Brå's header Kommun;Antal;Per 100 000 inv. nor a row "
      "name;count;rate (the 2021 layout); expected one of the two",
      "börjar varken med Brås rubrikrad Kommun;Antal;Per 100 000 inv. eller med en rad "
      "namn;antal;per 100 000 (uppställningen från 2021); förväntade en av de två"),
    m("gives '{name}' a second time ({place}); expected one row per municipality",
      "anger '{name}' en andra gång ({place}); förväntade en rad per kommun"),
    m("'{text}' is not a {what}; expected a number (spaces between thousands allowed), '..' "
      "(suppressed) or '-' (zero)",
      "'{text}' är inget {what}; förväntade ett tal (mellanslag mellan tusental går bra), '..' "
      "(undertryckt) eller '-' (noll)", "what"),
    # area names (samklang/graph/area_names.py)
    m("'{name}' is neither the dataset's municipality ({own}) nor a name in {file}; expected "
      "those only (list another municipality there as name;code, or leave its rows out)",
      "'{name}' är varken datasetets kommun ({own}) eller ett namn i {file}; förväntade bara "
      "dem (ange en annan kommun där som namn;kod, eller ta bort dess rader)"),
    m("'{name}' matches more than one code ({codes}); expected one code per name in {file} and "
      "for the dataset's municipality",
      "'{name}' motsvarar mer än en kod ({codes}); förväntade en kod per namn i {file} och för "
      "datasetets kommun"),
    m("is not a row name;code; expected an area's name and its SCB code, such as Nässjö;0682",
      "är ingen rad namn;kod; förväntade ett områdes namn och dess SCB-kod, till exempel "
      "Nässjö;0682"),
    # SCB population, CSV and JSON-stat2
    m("'{text}' is not a region as SCB writes it; expected its code, optionally with its name, "
      "such as '0685 Vetlanda' or '00 Riket'",
      "'{text}' är ingen region så som SCB skriver den; förväntade dess kod, gärna med namnet, "
      "till exempel '0685 Vetlanda' eller '00 Riket'"),
    m("'{text}' is not a sex as SCB writes it; expected 1 or män, 2 or kvinnor, 1+2 or totalt",
      "'{text}' är inget kön så som SCB skriver det; förväntade 1 eller män, 2 eller kvinnor, "
      "1+2 eller totalt"),
    m("'{text}' is not a population; expected a whole number, or '..' where SCB has none",
      "'{text}' är ingen folkmängd; förväntade ett heltal, eller '..' där SCB saknar värde"),
    m("'{text}' is not a population; expected a whole number",
      "'{text}' är ingen folkmängd; förväntade ett heltal"),
    m("has no header row with a column 'region'; expected SCB's CSV of the population by "
      "region and year (TAB638), with its header row",
      "har ingen rubrikrad med kolumnen 'region'; förväntade SCB:s CSV med folkmängden efter "
      "region och år (TAB638), med dess rubrikrad"),
    m("has {n} columns besides region, sex and year; expected one, the population",
      "har {n} kolumner utöver region, kön och år; förväntade en, folkmängden"),
    m("has no year column; expected a column 'år' (or 'tid'), or one column per year ('2023', "
      "'Folkmängd 2023')",
      "har ingen kolumn för år; förväntade en kolumn 'år' (eller 'tid'), eller en kolumn per "
      "år ('2023', 'Folkmängd 2023')"),
    m("has {n} cells; expected {m}, one under each heading",
      "har {n} celler; förväntade {m}, en under varje rubrik"),
    m("is not JSON-stat2; expected the keys id, size, dimension and value of a dataset as SCB's "
      "PxWebApi 2 saves a table",
      "är inte JSON-stat2; förväntade nycklarna id, size, dimension och value i ett dataset så "
      "som SCB:s PxWebApi 2 sparar en tabell"),
    m("does not match 'size' and 'dimension'; expected one size and one dimension per id",
      "stämmer inte med 'size' och 'dimension'; förväntade en storlek och en dimension per id"),
    m("has no {what} dimension; expected the population by region and year (TAB638)",
      "saknar dimensionen {what}; förväntade folkmängden efter region och år (TAB638)", "what"),
    m("has {n} categories where 'size' says {m}; expected as many as its size",
      "har {n} kategorier där 'size' anger {m}; förväntade lika många som storleken"),
    m("has {n} categories; expected one (the population in total), as a table filtered to one",
      "har {n} kategorier; förväntade en (hela folkmängden), som i en tabell som filtrerats "
      "till en"),
    m("has {n} values for {m} cells; expected one value per cell of the dimensions' sizes",
      "har {n} värden för {m} celler; förväntade ett värde per cell enligt dimensionernas "
      "storlekar"),
    m("is not a list; expected one value per cell",
      "är ingen lista; förväntade ett värde per cell"),
    m("is missing; expected the category codes of the dimension",
      "saknas; förväntade dimensionens kategorikoder"),
    # the planner's observations*.csv / .xlsx (samklang/graph/planner_files.py)
    m("is empty; expected a header row and one row per observation",
      "är tom; förväntade en rubrikrad och en rad per observation"),
    m("the column '{name}' is not known{hint}; expected columns {columns}",
      "kolumnen '{name}' är okänd{hint}; förväntade kolumnerna {columns}"),
    m("'indicator: {name}' names no indicator or activity of the dataset{hint}; expected the id "
      "of an indicator, or of an activity for its reported output",
      "'indicator: {name}' pekar inte på någon indikator eller aktivitet i datasetet{hint}; "
      "förväntade id:t för en indikator, eller för en aktivitet när raden är dess redovisade "
      "prestation"),
    m("gives the unit '{unit}', but the indicator '{name}' states none; expected 'unit: "
      "{again}' on the indicator, or an empty cell",
      "anger enheten '{unit}', men indikatorn '{name}' anger ingen; förväntade 'unit: {again}' "
      "på indikatorn, eller en tom cell"),
    m("the unit '{unit}' is not the indicator's unit '{stated}'; expected the unit its entry "
      "under indicators gives, or an empty cell",
      "enheten '{unit}' är inte indikatorns enhet '{stated}'; förväntade den enhet som "
      "indikatorn anger under indicators, eller en tom cell"),
    m("an activity's reported output takes no n or ci; expected them empty, or the id of an "
      "indicator in column 'indicator'",
      "en aktivitets redovisade prestation har varken n eller ci; förväntade dem tomma, eller "
      "id:t för en indikator i kolumnen 'indicator'"),
    m("'{text}' is not one year; expected the year of the activity's reported output, such as "
      "2024",
      "'{text}' är inte ett enda år; förväntade året för aktivitetens redovisade prestation, "
      "till exempel 2024"),
    m("'{text}' is not a count of what was done; expected a whole number such as 15",
      "'{text}' är inget antal genomförda; förväntade ett heltal, till exempel 15"),
    m("'{text}' is not a period of an observation; expected a year such as 2023, or the years "
      "of a window such as 2021-2023",
      "'{text}' är ingen period för en observation; förväntade ett år, till exempel 2023, "
      "eller åren i ett fönster, till exempel 2021-2023"),
    m("the period '{text}' is {n} years, but the indicator '{name}' has a moving window of "
      "{window}; expected {again} years or the last year only",
      "perioden '{text}' är {n} år, men indikatorn '{name}' har ett glidande fönster på "
      "{window} år; förväntade {again} år eller bara det sista året"),
    m("'{text}' is not a confidence interval; expected its bounds such as 3,1–3,6",
      "'{text}' är inget konfidensintervall; förväntade dess gränser, till exempel 3,1–3,6"),
    m("the confidence interval '{text}' runs backwards; expected the lower bound first",
      "konfidensintervallet '{text}' är baklänges; förväntade den undre gränsen först"),
    # the same figure from two places (samklang/graph/cube.py)
    m("gives {what} of {indicator} in {area} for {period} (sex {sex}) as {a}, but {file}, {at} "
      "gives {b}; expected one figure per indicator, area, period and sex",
      "anger {what} för {indicator} i {area} år {period} (kön {sex}) till {a}, men {file}, {at} "
      "anger {b}; förväntade en siffra per indikator, område, period och kön", "what"),
    m("gives the population of {area} in {year} (sex {sex}) as {a}, but {file}, {at} gives "
      "{b}; expected one population per area, year and sex",
      "anger folkmängden i {area} år {year} (kön {sex}) till {a}, men {file}, {at} anger {b}; "
      "förväntade en folkmängd per område, år och kön"),
    m("gives the output of the activity '{name}' in {year} as {a}, but {file}, {at} gives "
      "{b}; expected one count per activity and year",
      "anger prestationen för aktiviteten '{name}' år {year} till {a}, men {file}, {at} anger "
      "{b}; förväntade ett antal per aktivitet och år"),
)
