"""Reading plan documents (samklang ingest)."""

from __future__ import annotations

from samklang.messages.message import Message, m

SENTENCES: tuple[Message, ...] = (
    # --- ingest (samklang/graph/ingest/*.py, commands/ingest.py) ------------------------------
    m("'{text}' is not four digits, e.g. 0685",
      "'{text}' är inte fyra siffror, till exempel 0685"),
    m("the draft made from it does not load ({file}, {where}: {problem}); please report this "
      "as a bug of samklang ingest",
      "utkastet som gjordes av den går inte att läsa in ({file}, {where}: {problem}); "
      "rapportera det som ett fel i samklang ingest"),
    m("cannot write the draft into {target}: it exists and is not an empty folder",
      "utkastet kan inte skrivas till {target}: den finns och är ingen tom mapp"),
    m("names no planning document (no handlingsprogram, plan för brottsförebyggande arbete, "
      "samverkansöverenskommelse, medborgarlöfte, lägesbild or åtgärdsplan); expected a plan "
      "document",
      "nämner inget planeringsdokument (inget handlingsprogram, ingen plan för "
      "brottsförebyggande arbete, samverkansöverenskommelse, inget medborgarlöfte, ingen "
      "lägesbild eller åtgärdsplan); förväntade ett plandokument"),
    m("is a report of samklang's findings (it names the rules {rules}…), not a plan document; "
      "expected the plan itself (.txt, .md, .docx or .pdf)",
      "är en rapport med samklangs fynd (den nämner reglerna {rules}…), inget plandokument; "
      "förväntade själva planen (.txt, .md, .docx eller .pdf)"),
    m("is not a plan document: no document title (such as 'Plan för brottsförebyggande arbete' "
      "or 'Medborgarlöfte') and no organisation (a municipality, a police area) were found in "
      "it; expected a plan, agreement, promise or follow-up",
      "är inget plandokument: varken en dokumenttitel (som 'Plan för brottsförebyggande "
      "arbete' eller 'Medborgarlöfte') eller en organisation (en kommun, ett polisområde) finns "
      "i det; förväntade en plan, en överenskommelse, ett medborgarlöfte eller en uppföljning"),
    m("{problem} (byte 0x{byte}); save it as UTF-8 text",
      "{problem} (byte 0x{byte}); spara den som text i UTF-8"),
    m("is not UTF-8 text although it starts with a UTF-8 byte-order mark",
      "är inte text i UTF-8 fast den börjar med en byte-ordningsmarkering för UTF-8"),
    m("is not text in UTF-8 or Windows-1252", "är varken text i UTF-8 eller i Windows-1252"),
    m("is not a plan document; expected a .txt, .md, .docx or .pdf file",
      "är inget plandokument; förväntade en fil .txt, .md, .docx eller .pdf"),
    m("is {size} MB; samklang reads documents up to 20 MB",
      "är {size} MB; samklang läser dokument på högst 20 MB"),
    m("mixes UTF-8 (line {a}) and Windows-1252 (line {b}); save it in one encoding, preferably "
      "UTF-8",
      "blandar UTF-8 (rad {a}) och Windows-1252 (rad {b}); spara den i en enda teckenkodning, "
      "helst UTF-8"),
    m("holds a control character (U+{code}), so it is not plain text; expected UTF-8, UTF-16 "
      "with a byte-order mark, or Windows-1252 text",
      "innehåller ett styrtecken (U+{code}) och är alltså ingen vanlig text; förväntade text i "
      "UTF-8, UTF-16 med byte-ordningsmarkering eller Windows-1252"),
    m("is not valid UTF-16 text; save it as UTF-8 text",
      "är inte giltig text i UTF-16; spara den som text i UTF-8"),
    m("is not a readable Word document (.docx)", "är inget läsbart Word-dokument (.docx)"),
    m("is not a readable Word document (.docx): its XML is broken or too large",
      "är inget läsbart Word-dokument (.docx): dess XML är trasig eller för stor"),
    m("is not a readable Word document (.docx): its parts are not those Word writes; expected a "
      "document saved as .docx by Word or another word processor",
      "är inget läsbart Word-dokument (.docx): dess delar är inte sådana som Word skriver; "
      "förväntade ett dokument sparat som .docx av Word eller ett annat ordbehandlingsprogram"),
    m("is not a readable Word document (.docx): its part {part} does not unpack (broken or cut "
      "off); expected a document saved as .docx by Word or another word processor",
      "är inget läsbart Word-dokument (.docx): dess del {part} går inte att packa upp (den är "
      "trasig eller avkortad); förväntade ett dokument sparat som .docx av Word eller ett annat "
      "ordbehandlingsprogram"),
    m("unpacks to {size} MB; samklang reads Word documents that unpack to up to 20 MB (a plan "
      "of 100 pages with its pictures unpacks to a few MB; save it without pictures, or as a "
      ".txt or .pdf file)",
      "packas upp till {size} MB; samklang läser Word-dokument som packas upp till högst 20 MB "
      "(en plan på 100 sidor med sina bilder packas upp till några få MB; spara den utan "
      "bilder, eller som en fil .txt eller .pdf)"),
    m("holds more than 1 MB of text; samklang reads plan documents of up to 1 MB of text (a "
      "plan of 100 pages holds 0.3 MB; give the plan without the documents appended to it)",
      "innehåller mer än 1 MB text; samklang läser plandokument med högst 1 MB text (en plan "
      "på 100 sidor innehåller 0,3 MB; ge planen utan de dokument som bifogats den)"),
    m("is an encrypted PDF; save an unencrypted copy",
      "är en krypterad PDF; spara en okrypterad kopia"),
    m("is not a readable PDF ({reason})", "är ingen läsbar PDF ({reason})"),
    m("has no text layer ({n} page{s} of images, as from a scanner); run text recognition (OCR) "
      "on it first, or give the text as a .txt or .docx file",
      "har inget textlager (sidorna är bilder, som från en skanner; antal sidor: {n}); kör "
      "textigenkänning "
      "(OCR) på den först, eller ge texten som en .txt- eller .docx-fil"),
)
