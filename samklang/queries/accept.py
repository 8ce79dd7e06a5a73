"""Accepting a finding (`samklang accept`): a planner records who accepted it, when and why, in
the dataset; what an acceptance holds for is `acceptance.py`.

The record goes into ``accepted.yaml`` in the dataset folder (section ``accepted:``), so it is
versioned with the plan files. ``check`` still reports the finding, marked as accepted.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from samklang.errors import UsageError
from samklang.files import write_atomically
from samklang.graph.builder import vocabulary_focus
from samklang.graph.dataset import Dataset
from samklang.graph.source_kind import load_dataset
from samklang.ontology.namespace import DATA

FILE = "accepted.yaml"
HEADER = (
    "# Fynd som har accepterats, med vem, när och varför. `samklang check` visar dem som\n"
    "# accepterade. Findings accepted by a planner; written by `samklang accept`.\n"
    "accepted:\n"
)


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _is_text(value: str) -> bool:
    """Whether ``value`` can be written as UTF-8: the command line passes bytes that are not
    UTF-8 on as lone surrogates."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def accept_finding(
    folder: str | Path,
    rule: str,
    focus: str,
    by: str,
    reason: str,
    on: date,
    document: str | None = None,
) -> Path:
    """Record that the finding of ``rule`` about ``focus`` is accepted.

    Args:
        folder: the dataset folder.
        rule: the rule ID.
        focus: the id of the resource the finding concerns, as written in the files, or the
            domain (``individen``) or law (``SFS 2017:725``) it concerns.
        by: who accepts it.
        reason: why.
        on: the date of acceptance; also the reference date at which the finding must exist.
        document: the id of a document, to accept the finding about ``focus`` there only.

    Returns:
        The file written.

    Raises:
        InputError: the dataset cannot be read.
        UsageError: the rule does not report ``focus`` on that date, or it is accepted already.
    """
    from samklang.queries.check import check, select_rules

    dataset = load_dataset(folder)
    [chosen] = select_rules([rule])
    owner, shared, _ = focus.partition("/")
    if shared:
        # One municipality's acceptance must not hide a finding from the others that share it.
        raise UsageError(
            f"'{focus}' is stated by the shared dataset '{owner}'; a finding about it is "
            f"accepted there, in its 'accepted:' section, for every municipality that uses it"
        )
    iri = _dataset_iri(dataset, focus) or _vocabulary_iri(focus)
    if iri is None:
        raise UsageError(
            f"'{focus}' is not an id of the dataset {folder}, a domain or a law; expected the "
            "id of the resource the finding concerns"
        )
    document_iri = None
    if document is not None:
        document_iri = _dataset_iri(dataset, document)
        if document_iri is None:
            raise UsageError(f"'{document}' is not an id of the dataset {folder}")
    findings = [
        f
        for f in check(dataset, as_of=on, rules=[chosen])
        if (f.focus == iri or iri in f.foci)
        and (document_iri is None or f.document == document_iri)
    ]
    where = f" in '{document}'" if document is not None else ""
    if not findings:
        raise UsageError(
            f"{rule} reports nothing about '{focus}'{where} as of {on}; nothing to accept"
        )
    if all(f.accepted is not None for f in findings):
        raise UsageError(f"the finding of {rule} about '{focus}'{where} is already accepted")
    if not reason.strip() or not by.strip():
        raise UsageError("an acceptance needs a reason and who accepts it")
    for name, value in (("reason", reason), ("by", by), ("focus", focus), ("document", document)):
        if value is not None and not _is_text(value):
            raise UsageError(
                f"the {name} given is not valid UTF-8 text; write it again in a UTF-8 terminal"
            )
    target = Path(folder) / FILE
    import yaml

    text = target.read_text(encoding="utf-8") if target.exists() else HEADER
    before = yaml.safe_load(text) or {}
    if set(before) - {"accepted"} or not isinstance(before.get("accepted") or [], list):
        raise UsageError(
            f"{target} holds more than an 'accepted:' list; add the acceptance there by hand"
        )
    if not text.endswith("\n"):
        text += "\n"
    if "accepted: []" in text:
        text = text.replace("accepted: []", "accepted:")
    text += (
        f"  - rule: {rule}\n    focus: {_quote(focus)}\n"
        + (f"    document: {_quote(document)}\n" if document is not None else "")
        + f"    by: {_quote(by)}\n    date: {on.isoformat()}\n    reason: {_quote(reason)}\n"
    )
    try:
        after = yaml.safe_load(text) or {}
    except yaml.YAMLError:  # a list in flow style, [...], cannot take a block item
        after = {}
    if len(after.get("accepted") or []) != len(before.get("accepted") or []) + 1:
        raise UsageError(
            f"{target} is not written in block style ('- rule: …' items); add the "
            "acceptance there by hand"
        )
    original = target.read_text(encoding="utf-8") if target.exists() else None
    write_atomically(target, text)
    try:
        load_dataset(folder)  # the file must still read; the exception names the problem
    except BaseException:
        if original is None:  # leave the dataset as it was
            target.unlink()
        else:
            write_atomically(target, original)
        raise
    return target


def _dataset_iri(dataset: Dataset, local: str) -> str | None:
    """The IRI of the resource the dataset defines with id ``local`` (or, as ``owner/id``, a
    shared dataset it uses defines), or ``None``."""
    from samklang.graph.values import ID_PATTERN

    owner, slash, shared = local.partition("/")
    if slash:
        if not (ID_PATTERN.match(owner) and ID_PATTERN.match(shared)):
            return None
        iri = DATA.term(f"shared/{owner}/{shared}").value
    elif ID_PATTERN.match(local):
        iri = DATA.term(f"{dataset.code}/{local}").value
    else:
        return None
    return iri if iri in dataset.locations else None


def _vocabulary_iri(text: str) -> str | None:
    """The IRI of the domain or law ``text`` names, or ``None``."""
    term = vocabulary_focus(text)
    return term.value if term is not None else None

