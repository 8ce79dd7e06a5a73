"""The words of the trygghetsbokslut, in Swedish and English, and how its numbers are written.

Swedish as a Swedish official writes it (plain, no field names): decimal comma, a no-break
space between thousands, per cent with a space (``37,03 %``), periods with an en dash.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

WORDS: dict[str, dict[str, Any]] = {
    "sv": {
        "title": "Trygghetsbokslut {year}",
        "subtitle": "{name}: utkast framtaget av samklang {today} ur kommunens uppgifter. "
        "Utkastet är till för att redigeras; kontrollera siffrorna mot källorna i noterna "
        "innan det går till styrgruppen och fullmäktige.",
        "fictional": "Fiktivt exempel: kommunen och alla siffror är påhittade.",
        "documents": "Styrdokument som gäller {year}",
        "no_documents": "Inga styrdokument är registrerade för {year}.",
        "goals": "Mål och indikatorer",
        "goal_area": "Målområde: {title}",
        "no_area": "Mål utan målområde: {title}",
        "goal": "Mål",
        "stated_in": 'Målet står i "{document}".',
        "indicator": "Indikator",
        "source": "Källa",
        "baseline": "Utgångsläge",
        "baseline_computed": "{value} ({period}, beräknat ur årens siffror)",
        "baseline_stated": "{value} ({period}, enligt planen)",
        "baseline_none": "saknas ({period})",
        "baseline_missing": "inget angivet",
        "baseline_not_derived": "räknas inte fram ur årens siffror mot en SPARQL-ändpunkt "
        "({period})",
        "target": "Målvärde",
        "year_value": "Värde {year}",
        "no_year_value": "inget värde för {year}",
        "change": "Förändring mot utgångsläget",
        "comparison": "Jämförelsevärde i bedömningen",
        "national": "Riket",
        "no_national": "källan anger inget värde för riket",
        "verdict": "Bedömning",
        "trend": "Utveckling",
        "year": "År",
        "value": "Värde",
        "note": "Not",
        "chart_alt": "{indicator}: värden per år, utgångsläge och målvärde",
        "chart_baseline": "utgångsläge",
        "chart_target": "målvärde {year}",
        "onTrack": "på väg",
        "offTrack": "inte på väg",
        "notAssessable": "går inte att bedöma",
        "no_verdict": "ingen bedömning (bedömningarna räknas inte fram mot en SPARQL-ändpunkt)",
        "because": "Skäl",
        "no-indicator": "målet har ingen indikator, så det är inte bestämt vad som mäts",
        "no-baseline": "det finns inget utgångsläge att jämföra med (inget angivet, och inga "
        "siffror för utgångsårens period)",
        "no-observation-after-baseline": "det finns inga siffror efter utgångsläget",
        "series-break": "statistiken har ett seriebrott mellan utgångsläget och det senaste "
        "värdet, så de går inte att jämföra",
        "overlapping-windows": "det senaste treårsmedelvärdet delar år med utgångsläget",
        "no-target": "varken målet eller indikatorn säger åt vilket håll det ska gå",
        "undefined_in": '"{document}" lovar uppföljning men anger inte vad som mäts.',
        "target_change_procent": "{sign}{value} % mot utgångsläget till {year}",
        "target_change_enheter": "{sign}{value} mot utgångsläget till {year}",
        "target_level": "{value} till {year}",
        "target_direction_lower": "lägre än utgångsläget till {year}",
        "target_direction_higher": "högre än utgångsläget till {year}",
        "target_direction": "en förbättring mot utgångsläget till {year}",
        "target_none": "inget angivet",
        "activities": "Planerat och genomfört {year}",
        "activity": "Aktivitet",
        "document": "Dokument",
        "status": "Status",
        "responsible": "Ansvarig",
        "planned_output": "Planerat",
        "reported_output": "Redovisat {year}",
        "known": "Det som är känt",
        "no_status": "inte registrerad",
        "no_responsible": "inte angiven",
        "none_reported": "inget redovisat",
        "no_activities": "Inga aktiviteter är registrerade för {year}.",
        "share": "Av {planned} planerade aktiviteter {year} har {outcome} ett redovisat utfall"
        "{split}. {open} pågående eller utan status.",
        "and": " och ",
        "share_done": ("genomförd", "genomförda"),
        "share_partly": ("delvis genomförd", "delvis genomförda"),
        "share_not_done": ("ej genomförd eller inställd", "ej genomförda eller inställda"),
        "share_open": ("är", "är"),
        "none": "ingen",
        "share_value": "Genomförandegrad: {share} % ({done} av {outcome} aktiviteter med ett "
        "utfall är genomförda).",
        "share_none": "Genomförandegraden går inte att beräkna: ingen aktivitet för {year} har "
        "ett redovisat utfall.",
        "review": "uppgiften om {fields} behöver granskas",
        "reports": "Uppföljningar av {year}",
        "report_not_recorded": "vad den säger om aktiviteterna finns inte i detta dataset",
        "document_not_recorded": 'vad uppföljningen av "{document}" säger om aktiviteterna '
        "finns inte i detta dataset",
        "missing": "Det som saknas för att bedöma",
        "missing_goal": 'Målet "{goal}" går inte att bedöma: {reasons}.',
        "missing_measure": 'Målet "{goal}" går inte att bedöma med "{indicator}": {reasons}.',
        "missing_years": '"{indicator}" har inga siffror för {years}.',
        "missing_output": '"{activity}" har en planerad omfattning ({planned}), men det är '
        "inte redovisat hur mycket som genomfördes {year}.",
        "missing_status": "{n} av aktiviteterna för {year} har ingen registrerad status.",
        "missing_status_all": "Ingen av de {n} aktiviteterna för {year} har en registrerad status.",
        "missing_nothing": "Inget saknas: varje mål har en indikator med siffror för varje år.",
        "caveats": "Förbehåll för statistiken",
        "caveats_for": "Gäller {indicators}.",
        "caveat_reported": "Anmälda brott är inte detsamma som begångna brott: hur benägna "
        "människor är att anmäla, och hur mycket polisen söker upp brott, påverkar antalet.",
        "caveat_break": "Brås statistik per kommun räknar sedan 2015 bara brott som kan knytas "
        "till kommunen; siffror före och efter 2015 går inte att jämföra.",
        "caveat_final": "Brås slutliga siffror för ett år kommer i slutet av mars året efter.",
        "caveat_detection": "Anmälda narkotika-, trafik- och vapenbrott speglar främst polisens "
        "spaning och ingripanden: fler kontroller ger fler anmälda brott.",
        "caveats_none": "Indikatorerna bygger inte på Brås statistik över anmälda brott.",
        "caveats_no_indicators": "Inget mål har en indikator.",
        "decision": "Beslut",
        "decision_text": "Trygghetsbokslutet behandlades av ______________________ "
        "den ____________ (datum).",
        "decision_note": "Fylls i av handläggaren.",
        "notes": "Noter",
        "note_row": "{file}, rad {line}",
        "note_pointer": "{file}, JSON-sökväg {pointer}",
        "note_where": "{file}, {where}",
        "note_file": "{file}",
        "note_computed": "Beräknat av samklang ur årens siffror {period}: för en andel per "
        "invånare summan av antalen genom summan av folkmängden, annars medelvärdet.",
        "note_verdict": "samklangs bedömning per {as_of}, se docs/follow-up.md.",
        "not_recorded_source": "källa: {source}",
        "promise": "medborgarlöfte",
    },
    "en": {
        "title": "Safety report {year}",
        "subtitle": "{name}: draft made by samklang on {today} from the municipality's data. "
        "The draft is meant to be edited; check the figures against the sources in the notes "
        "before it goes to the steering group and the council.",
        "fictional": "Fictional example: the municipality and every figure are invented.",
        "documents": "Steering documents in force in {year}",
        "no_documents": "No steering documents are recorded for {year}.",
        "goals": "Goals and indicators",
        "goal_area": "Goal area: {title}",
        "no_area": "Goals outside a goal area: {title}",
        "goal": "Goal",
        "stated_in": 'The goal is stated in "{document}".',
        "indicator": "Indicator",
        "source": "Source",
        "baseline": "Baseline",
        "baseline_computed": "{value} ({period}, computed from the years' figures)",
        "baseline_stated": "{value} ({period}, as the plan states)",
        "baseline_none": "missing ({period})",
        "baseline_missing": "none given",
        "baseline_not_derived": "not computed from the years' figures against a SPARQL "
        "endpoint ({period})",
        "target": "Target",
        "year_value": "Value {year}",
        "no_year_value": "no value for {year}",
        "change": "Change against the baseline",
        "comparison": "Value compared in the verdict",
        "national": "Sweden",
        "no_national": "the source gives no national value",
        "verdict": "Verdict",
        "trend": "Trend",
        "year": "Year",
        "value": "Value",
        "note": "Note",
        "chart_alt": "{indicator}: values per year, baseline and target",
        "chart_baseline": "baseline",
        "chart_target": "target {year}",
        "onTrack": "on track",
        "offTrack": "off track",
        "notAssessable": "cannot be assessed",
        "no_verdict": "no verdict (verdicts are not worked out against a SPARQL endpoint)",
        "because": "Reason",
        "no-indicator": "the goal has no indicator, so what is measured is not decided",
        "no-baseline": "there is no baseline to compare with (none stated, and no figures for "
        "the baseline period)",
        "no-observation-after-baseline": "there are no figures after the baseline",
        "series-break": "the statistics have a series break between the baseline and the latest "
        "value, so they cannot be compared",
        "overlapping-windows": "the latest three-year mean shares years with the baseline",
        "no-target": "neither the goal nor the indicator says which way is better",
        "undefined_in": '"{document}" promises follow-up but does not say what is measured.',
        "target_change_procent": "{sign}{value} % against the baseline by {year}",
        "target_change_enheter": "{sign}{value} against the baseline by {year}",
        "target_level": "{value} by {year}",
        "target_direction_lower": "lower than the baseline by {year}",
        "target_direction_higher": "higher than the baseline by {year}",
        "target_direction": "better than the baseline by {year}",
        "target_none": "none given",
        "activities": "Planned and done in {year}",
        "activity": "Activity",
        "document": "Document",
        "status": "Status",
        "responsible": "Responsible",
        "planned_output": "Planned",
        "reported_output": "Reported {year}",
        "known": "What is known",
        "no_status": "not recorded",
        "no_responsible": "not given",
        "none_reported": "none reported",
        "no_activities": "No activities are recorded for {year}.",
        "share": "Of {planned} activities planned for {year}, {outcome} have a reported outcome"
        "{split}. {open} ongoing or without a status.",
        "and": " and ",
        "share_done": ("carried out", "carried out"),
        "share_partly": ("partly carried out", "partly carried out"),
        "share_not_done": ("not carried out or cancelled", "not carried out or cancelled"),
        "share_open": ("is", "are"),
        "none": "none",
        "share_value": "Implementation share: {share} % ({done} of {outcome} activities with an "
        "outcome were carried out).",
        "share_none": "The implementation share cannot be computed: no activity of {year} has a "
        "reported outcome.",
        "review": "the {fields} needs review",
        "reports": "Follow-ups of {year}",
        "report_not_recorded": "what it says about the activities is not in this dataset",
        "document_not_recorded": 'what the follow-up of "{document}" says about the activities '
        "is not in this dataset",
        "missing": "What is missing to assess",
        "missing_goal": 'The goal "{goal}" cannot be assessed: {reasons}.',
        "missing_measure": 'The goal "{goal}" cannot be assessed by "{indicator}": {reasons}.',
        "missing_years": '"{indicator}" has no figures for {years}.',
        "missing_output": '"{activity}" has a planned output ({planned}) but none reported '
        "for {year}.",
        "missing_status": "{n} of the activities of {year} have no recorded status.",
        "missing_status_all": "None of the {n} activities of {year} has a recorded status.",
        "missing_nothing": "Nothing is missing: every goal has an indicator with figures for "
        "every year.",
        "caveats": "Caveats on the statistics",
        "caveats_for": "Applies to {indicators}.",
        "caveat_reported": "Reported crime is not the same as crime committed: how willing people "
        "are to report, and how much the police seek crime out, move the numbers.",
        "caveat_break": "Since 2015 Brå's municipal statistics count only crimes that can be "
        "attributed to the municipality; figures before and after 2015 cannot be compared.",
        "caveat_final": "Brå's final figures for a year come at the end of March of the next year.",
        "caveat_detection": "Reported drug, traffic and weapons offences mainly reflect police "
        "surveillance and intervention: more controls mean more reported offences.",
        "caveats_none": "The indicators are not based on Brå's statistics of reported crime.",
        "caveats_no_indicators": "No goal has an indicator.",
        "decision": "Decision",
        "decision_text": "The safety report was considered by ______________________ "
        "on ____________ (date).",
        "decision_note": "To be filled in by the officer.",
        "notes": "Notes",
        "note_row": "{file}, line {line}",
        "note_pointer": "{file}, JSON path {pointer}",
        "note_where": "{file}, {where}",
        "note_file": "{file}",
        "note_computed": "Computed by samklang from the years' figures {period}: for a rate per "
        "inhabitants the summed counts over the summed population, otherwise the mean.",
        "note_verdict": "samklang's verdict as of {as_of}, see docs/follow-up.md.",
        "not_recorded_source": "source: {source}",
        "promise": "citizen promise",
    },
}
"""The sentences and labels of the report, by language."""

REVIEW_FIELDS: dict[str, dict[str, str]] = {
    "sv": {"goal": "mål", "responsible": "ansvar", "activity": "aktivitet"},
    "en": {"goal": "goal", "responsible": "responsibility", "activity": "activity"},
}
"""The fields an activity's ``review`` marks, in words."""


def number(value: Decimal | int | None, lang: str, places: int | None = None) -> str:
    """A number as the report writes it: at most two decimals, trailing zeros dropped;
    Swedish with a decimal comma and a no-break space between thousands.

    >>> number(Decimal("1106.72"), "sv"), number(Decimal("7.90"), "sv"), number(1107, "en")
    ('1\\xa0106,72', '7,9', '1,107')
    """
    if value is None:
        return "–"
    amount = Decimal(value).quantize(Decimal(1) / 10 ** (2 if places is None else places))
    text = f"{amount:,f}"
    if "." in text and places is None:
        text = text.rstrip("0").rstrip(".")
    if lang == "sv":
        text = text.replace(",", "\u00a0").replace(".", ",").replace("-", "−")
    return text


def signed(value: Decimal | None, lang: str) -> str:
    """A change with its sign (``+37,03``, ``−13,24``)."""
    if value is None:
        return "–"
    return ("+" if value > 0 else "") + number(value, lang)


def counted(n: int, forms: tuple[str, str], lang: str) -> str:
    """``ingen genomförd``, ``1 genomförd``, ``2 genomförda``."""
    if n == 0:
        return f"{WORDS[lang]['none']} {forms[0]}"
    return f"{n} {forms[0] if n == 1 else forms[1]}"


def change_text(change: Decimal | None, unit: str, lang: str) -> str:
    """A change against the baseline in the target's unit (``+37,03 %``), or a dash."""
    if change is None:
        return "–"
    return signed(change, lang) + (" %" if unit == "procent" else "")


def period(start: int | None, end: int | None) -> str:
    """``2021–2022``, or one year."""
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        return str(start or end)
    return f"{start}–{end}"


def years_text(items: Sequence[object], lang: str) -> str:
    """``2024``, ``2022 och 2024``, ``2021, 2022 och 2024``: a list in words."""
    names = [str(y) for y in items]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + (" och " if lang == "sv" else " and ") + names[-1]
