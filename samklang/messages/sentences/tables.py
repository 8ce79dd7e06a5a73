"""Spreadsheets: activity lists and the planner's tables as CSV or XLSX."""

from __future__ import annotations

from samklang.messages.message import Message, m

SENTENCES: tuple[Message, ...] = (
    # --- spreadsheets (samklang/graph/tables.py) ----------------------------------------------
    m("the column '{name}' is not known (did you mean '{close}'?); expected columns {columns}, "
      "or another heading kept as a note",
      "kolumnen '{name}' är okänd (menade du '{close}'?); förväntade kolumnerna {columns}, "
      "eller en annan rubrik som sparas som anteckning"),
    m("has the column '{name}' twice; expected each once",
      "har kolumnen '{name}' två gånger; förväntade varje kolumn en gång"),
    m("has no column '{name}'; expected a header row with {columns}",
      "saknar kolumnen '{name}'; förväntade en rubrikrad med {columns}"),
    m("has a value in column {column}, which has no header; expected values only under the "
      "named columns of the header row",
      "har ett värde i kolumn {column}, som saknar rubrik; förväntade värden bara under "
      "rubrikradens namngivna kolumner"),
    m("is empty; expected a header row and one row per activity",
      "är tom; förväntade en rubrikrad och en rad per aktivitet"),
    m("'{text}' names more than one organisation ({names}); expected the id of one of them",
      "'{text}' kan avse mer än en organisation ({names}); förväntade id:t för en av dem"),
    m("names '{char}' as its separator; expected ',', ';' or a tab",
      "anger '{char}' som avgränsare; förväntade ',', ';' eller tabb"),
    m("opens a quote (\") that is never closed, so the rest of the file would be one cell; "
      "expected a closing quote at the end of the cell on the same line",
      "öppnar ett citattecken (\") som aldrig stängs, så resten av filen skulle bli en enda "
      "cell; förväntade ett avslutande citattecken i slutet av cellen på samma rad"),
    m("has a quote inside a cell that is not quoted as CSV writes it ({cell}); expected a cell "
      "in quotes with any quote inside it doubled (\"\")",
      "har ett citattecken inne i en cell som inte står inom citattecken som CSV kräver "
      "({cell}); förväntade cellen inom citattecken och varje citattecken i den dubblerat "
      "(\"\")"),
    m("opens a quote (\") that closes only on line {end}, so {swallowed} would be read as part "
      "of one cell; expected a closing quote at the end of the cell on line {start}",
      "öppnar ett citattecken (\") som stängs först på rad {end}, så {swallowed} skulle läsas "
      "som en del av en enda cell; förväntade ett avslutande citattecken i slutet av cellen på "
      "rad {start}"),
    m("unpacks to {size} MB; samklang reads workbooks that unpack to up to 10 MB (an activity "
      "list of 5000 rows unpacks to 4 MB; save the list alone in a workbook of its own)",
      "packas upp till {size} MB; samklang läser arbetsböcker som packas upp till högst 10 MB "
      "(en aktivitetslista med 5000 rader packas upp till 4 MB; spara listan ensam i en egen "
      "arbetsbok)"),
    m("is not a readable XLSX workbook; save it from a spreadsheet program as .xlsx",
      "är ingen läsbar XLSX-arbetsbok; spara den som .xlsx från ett kalkylprogram"),
    m("has the header cells {cells} merged; expected one column name in each cell of the "
      "header row (unmerge them)",
      "har rubrikcellerna {cells} sammanfogade; förväntade ett kolumnnamn i varje cell på "
      "rubrikraden (dela upp dem)"),
    m("has the cells {cells} merged, so only the first holds a value; expected a value in each "
      "cell (unmerge them and fill every cell)",
      "har cellerna {cells} sammanfogade, så bara den första har ett värde; förväntade ett "
      "värde i varje cell (dela upp dem och fyll i varje cell)"),
)
