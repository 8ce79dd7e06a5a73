"""The SARIF 2.1.0 report, so findings show in code-review tools where plan files are kept.

One run of the tool ``samklang``: its driver lists every rule of the catalogue (title, basis,
link, fix, default level); each finding is a result pointing at the dataset file and line where
its focus is written, relative to the base ``DATASET`` (the dataset folder), with the focus as a
logical location (a spreadsheet's row also as the logical location of its cell,
``Aktiviteter!A12``). An accepted finding carries an external suppression with its reason. Rules not
run are listed as disabled for the invocation, so a missing result is not read as a pass.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from samklang import __version__
from samklang.errors import UsageError
from samklang.queries.rule import Rule
from samklang.report.context import ReportContext
from samklang.report.words import acceptance

if TYPE_CHECKING:
    from samklang.queries.finding import Finding

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
"""The OASIS SARIF 2.1.0 (errata 01) JSON schema the output validates against."""

INFORMATION_URI = "https://w3id.org/samklang"
BASE_ID = "DATASET"
"""The ``uriBaseId`` of every file: the dataset folder."""

ROOT_ID = "SRCROOT"
"""The ``uriBaseId`` of every file when a source root (a repository) is given."""

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
"""samklang severity → SARIF level."""

FINGERPRINT = "samklangFinding/v1"
"""Name of the partial fingerprint: a hash of rule, focus and document, stable across runs."""

_LINE = re.compile(r"^(?:line|row) (\d+)$")


def write(
    findings: Sequence[Finding],
    stream: IO[str],
    *,
    lang: str,
    as_of: date,
    context: ReportContext,
) -> None:
    """Write the SARIF log (one run) as JSON."""
    json.dump(
        log(findings, lang=lang, as_of=as_of, context=context), stream, ensure_ascii=False, indent=2
    )
    stream.write("\n")


def log(
    findings: Sequence[Finding], *, lang: str, as_of: date, context: ReportContext
) -> dict[str, Any]:
    """The SARIF log as a JSON-ready mapping."""
    ids = list(context.rules)
    descriptors = [_descriptor(rule, lang) for rule in context.rules.values()]
    for f in findings:  # a rule outside the given catalogue: describe it from its finding
        if f.rule not in ids:
            ids.append(f.rule)
            descriptors.append(_descriptor_of_finding(f))
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    base_id, folder, prefix = _base(context)
    root = folder if base_id == ROOT_ID else None
    base: dict[str, Any] = {"description": {"text": _base_description(base_id, lang)}}
    if folder is not None and base_id != ROOT_ID:
        # %SRCROOT% is left for the consumer to resolve (code scanning: the checkout), so the
        # log names no folder of this machine.
        base = {"uri": folder.resolve().as_uri().rstrip("/") + "/", **base}
    invocation: dict[str, Any] = {
        "executionSuccessful": True,
        "properties": {"asOf": as_of.isoformat()},
    }
    if context.selected is not None:
        disabled = [r for r in ids if r not in context.selected]
        if disabled:
            invocation["ruleConfigurationOverrides"] = [
                {
                    "descriptor": {"id": r, "index": index[r]},
                    "configuration": {"enabled": False},
                }
                for r in disabled
            ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "samklang",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "language": lang,
                "rules": descriptors,
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": {base_id: base},
        "language": lang,
        "results": [
            _result(f, index[f.rule], base_id, prefix, print_, root, bool(context.datasets))
            for f, print_ in zip(findings, fingerprints(findings), strict=True)
        ],
    }
    properties = {
        k: v for k, v in (("municipality", context.name), ("municipalityCode", context.code)) if v
    }
    if properties:
        run["properties"] = properties
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _base(context: ReportContext) -> tuple[str, Path | None, str]:
    """The base id, its folder, and the path of the dataset folder under it (``""`` or ``x/``).

    Raises:
        UsageError: the dataset folder is not inside the source root.
    """
    if context.source_root is None:
        return BASE_ID, context.path, ""
    if context.path is None:
        for folder in context.datasets:  # several datasets: each file is under the root
            if not folder.resolve().is_relative_to(context.source_root.resolve()):
                raise UsageError(
                    f"the dataset folder {folder} is not inside {context.source_root}"
                )
        return ROOT_ID, context.source_root, ""
    try:
        inside = context.path.resolve().relative_to(context.source_root.resolve())
    except ValueError as err:
        raise UsageError(
            f"the dataset folder {context.path} is not inside {context.source_root}"
        ) from err
    return ROOT_ID, context.source_root, "" if inside == Path(".") else inside.as_posix() + "/"


def _base_description(base_id: str, lang: str) -> str:
    if base_id == BASE_ID:
        return "Datasetets mapp" if lang == "sv" else "The dataset folder"
    return "Källkodsroten" if lang == "sv" else "The source root"


def rule_name(rule: Rule) -> str:
    """A rule's SARIF ``name``: its English title in PascalCase.

    >>> from samklang.queries.rule import catalogue
    >>> rule_name(catalogue()["PER-EXPIRED"])
    'ExpiredGoverningDocumentWithNoSuccessor'
    """
    words = re.findall(r"[A-Za-z0-9]+", rule.title["en"])
    return "".join(w[:1].upper() + w[1:] for w in words)


def _descriptor(rule: Rule, lang: str) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule_name(rule),
        "shortDescription": {"text": rule.title[lang]},
        "fullDescription": {"text": rule.basis[lang]},
        "help": {"text": rule.fix[lang], "markdown": _help_markdown(rule, lang)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "severity": rule.severity,
            "tags": ["samklang", rule.id.split("-", 1)[0].lower()],
            "parameters": list(rule.parameters),
        },
    }
    if rule.url:
        descriptor["helpUri"] = rule.url
    return descriptor


def _help_markdown(rule: Rule, lang: str) -> str:
    """The rule's help as code scanning shows it: its title, what to do, and its basis."""
    from samklang.report.markdown import escape

    basis = "Grund" if lang == "sv" else "Basis"
    read = "Läs mer" if lang == "sv" else "Read more"
    text = f"**{escape(rule.title[lang])}**\n\n{escape(rule.fix[lang])}\n\n"
    text += f"{basis}: {escape(rule.basis[lang])}"
    if rule.url:
        text += f"\n\n[{read}]({rule.url})"
    return text


def _descriptor_of_finding(f: Finding) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": f.rule,
        "shortDescription": {"text": f.title},
        "fullDescription": {"text": f.basis},
        "help": {"text": f.fix},
        "defaultConfiguration": {"level": LEVELS[f.severity]},
        "properties": {"severity": f.severity},
    }
    if f.url:
        descriptor["helpUri"] = f.url
    return descriptor


def _result(
    f: Finding,
    rule_index: int,
    base_id: str,
    prefix: str,
    print_: str,
    root: Path | None,
    several: bool = False,
) -> dict[str, Any]:
    places = [(i.focus, i.label, _file(i.dataset, i.file, several), i.location) for i in f.items]
    places = places or [(f.focus, f.focus_label, _file(f.dataset, f.file, several), f.location)]
    locations = [
        _location(*place, base_id=base_id, prefix=prefix, root=root) for place in places
    ]
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": "note" if f.kind == "question" else LEVELS[f.severity],
        "kind": "fail",
        "message": {"text": f.message},
        "locations": locations,
        "partialFingerprints": {FINGERPRINT: print_},
        "properties": _properties(f),
    }
    who = acceptance(f)
    if who is not None:
        by, when, reason = who
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": reason,
                "properties": {"acceptedBy": by, "acceptedOn": when},
            }
        ]
    return result


def _file(dataset: str | None, file: str | None, several: bool) -> str | None:
    """The file as a location names it: relative to the dataset folder, or in a log of
    ``several`` datasets its absolute path (written relative to the source root, if any)."""
    if not several or not dataset or not file or Path(file).is_absolute():
        return file
    return str(Path(dataset, file).resolve())


def _location(
    focus: str,
    label: str,
    file: str | None,
    place: str | None,
    *,
    base_id: str,
    prefix: str,
    root: Path | None = None,
) -> dict[str, Any]:
    """A SARIF location: the resource, and the file and line where it is written (a file
    outside the dataset folder but inside the source ``root`` is relative to the root)."""
    if file and root is not None and Path(file).is_absolute():
        with contextlib.suppress(ValueError):
            file, prefix = Path(file).resolve().relative_to(root.resolve()).as_posix(), ""
    logical = [{"name": label, "fullyQualifiedName": focus, "kind": "resource"}]
    cell = spreadsheet_cell(file, place)
    if cell is not None:  # a spreadsheet has no lines: its sheet and cell say where
        sheet, row = cell
        reference = f"{_sheet_reference(sheet)}!A{row}"
        logical.append(
            {
                "name": reference,
                "fullyQualifiedName": reference,
                "kind": "cell",
                "properties": {"sheet": sheet, "row": row, "cell": f"A{row}"},
            }
        )
    location: dict[str, Any] = {"logicalLocations": logical}
    if file:
        artifact = (
            {"uri": Path(file).as_uri()}  # outside the dataset folder: no base
            if Path(file).is_absolute()
            else {"uri": _file_uri(prefix + file), "uriBaseId": base_id}
        )
        physical: dict[str, Any] = {"artifactLocation": artifact}
        line = _start_line(file, place)
        if line is not None:
            physical["region"] = {"startLine": line}
        location = {"physicalLocation": physical, **location}
    return location


def _properties(f: Finding) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "severity": f.severity,
        "kind": f.kind,
        "group": f.group,
        "focus": f.focus,
        "fix": f.fix,
    }
    if f.dataset is not None:
        properties["dataset"] = f.dataset
    if f.document is not None:
        properties["document"] = f.document
        properties["documentLabel"] = f.document_label
    if f.facts:
        properties["facts"] = dict(f.facts)
    if f.location:
        properties["location"] = f.location
    return properties


def _file_uri(name: str) -> str:
    """A dataset file name as a relative URI reference (forward slashes, spaces escaped)."""
    from urllib.parse import quote

    return quote(name.replace("\\", "/"), safe="/-._~")


def _start_line(file: str | None, location: str | None) -> int | None:
    """The file line of a place: ``line N`` in YAML; ``row N`` in a CSV file is line N.

    Spreadsheets (``sheet …, row N``, or a ``row`` of an ``.xlsx`` file) have no lines.
    """
    if not location or not file or file.lower().endswith((".xlsx", ".xlsm")):
        return None
    m = _LINE.match(location)
    return int(m.group(1)) if m else None


_SHEET_ROW = re.compile(r"^sheet (.+), row (\d+)(?:, column '.*')?$")


def spreadsheet_cell(file: str | None, location: str | None) -> tuple[str, int] | None:
    """The sheet and row of a place in a spreadsheet (``sheet Aktiviteter, row 12``), or
    ``None`` for any other place.

    >>> spreadsheet_cell("activities.xlsx", "sheet Aktiviteter, row 12")
    ('Aktiviteter', 12)
    """
    if not file or not location or not file.lower().endswith((".xlsx", ".xlsm")):
        return None
    m = _SHEET_ROW.match(location)
    return (m.group(1), int(m.group(2))) if m else None


def _sheet_reference(sheet: str) -> str:
    """A sheet's name as a cell reference writes it: quoted unless it is a plain word.

    >>> _sheet_reference("Aktiviteter"), _sheet_reference("Mina aktiviteter")
    ('Aktiviteter', "'Mina aktiviteter'")
    """
    if re.fullmatch(r"[^\W\d]\w*", sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def fingerprint(f: Finding) -> str:
    """A stable hash of what makes a finding the same finding from run to run."""
    key = "\x1f".join([f.rule, f.focus, f.document or ""])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """Each finding's fingerprint, unique in the run: :func:`fingerprint`, and where a rule
    finds two things about one focus (fiktivby's PER-ALIGNED), a hash that also holds the
    items, the facts and the message, so that code scanning keeps two alerts apart."""
    plain = [fingerprint(f) for f in findings]
    counts: dict[str, int] = {}
    for p in plain:
        counts[p] = counts.get(p, 0) + 1
    out = []
    seen: dict[str, int] = {}
    for f, p in zip(findings, plain, strict=True):
        if counts[p] > 1:
            parts = [p, *(i.focus for i in f.items), *sorted(f.facts.items()), f.message]
            key = "\x1f".join(str(x) for x in parts)
            p = hashlib.sha256(key.encode("utf-8")).hexdigest()
        seen[p] = seen.get(p, 0) + 1
        out.append(p if seen[p] == 1 else f"{p}:{seen[p]}")  # the very same finding twice
    return out
