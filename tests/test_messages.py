"""Every message a user sees from the command line has a Swedish and an English form.

The library raises its errors in English; ``samklang.messages`` says them in Swedish. The test
reads every ``…Error(…)`` the package source constructs (and the values ``fail(…)`` helpers fill
in), makes a sentence of it with sample values, and asserts the catalogue translates it, so a new
message without a Swedish form fails here instead of reaching a planner in English.
"""

from __future__ import annotations

import ast
import itertools
import re
from collections.abc import Iterator

import pytest

from samklang import messages
from samklang.messages import CATALOGUE, TEXTS, find, translate

from .conftest import ROOT

PACKAGE = ROOT / "samklang"

ERRORS = {
    # constructor: index of the argument holding the message
    "InputError": 2,
    "UsageError": 0,
    "FieldValueError": 0,
    "LookupError": 0,
    "ReasonerError": 0,
    "BadParameter": 0,
}
"""The exceptions whose message reaches the user, and where the message is among the arguments."""

HELPERS = {
    ("samklang/queries/research.py", "fail"): 0,  # fail("a number")
    ("samklang/graph/dataset.py", "fail"): 1,  # record.fail("shared", "… is not a folder")
    ("samklang/graph/builder.py", "fail"): 1,  # record.fail("id", "the id … is already used")
    ("samklang/graph/measures.py", "fail"): 1,  # record.fail("moving_window", "… averages nothing")
    ("samklang/graph/yamlfile.py", "_refused"): 2,  # _refused(path, event, "uses a YAML tag")
    ("samklang/graph/corpus.py", "warning"): 0,  # log.warning("samklang: the settings of %s …")
}
"""Helpers that build an error from a phrase: file and name, and where the phrase is."""

NOT_USER_FACING = {
    "samklang/vendor",  # third-party code
    "samklang/server/app.py",  # HTTP answers of the endpoint, not the command line
    "samklang/queries/rule.py",  # a malformed rule file shipped with samklang: a bug, not input
}


def _templates(node: ast.expr | None) -> list[str] | None:
    """The sentences ``node`` can build, with ``{}`` for what varies; ``None`` for a value passed
    on (``str(err)``, a variable), whose own sentence is checked where it is raised."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)]
    if isinstance(node, ast.IfExp):
        a, b = _templates(node.body), _templates(node.orelse)
        return a + b if a is not None and b is not None else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = _templates(node.left) or ["{}"]
        right = _templates(node.right) or ["{}"]
        return [x + y for x, y in itertools.product(left, right)]
    return None


def raised_messages() -> Iterator[tuple[str, str]]:
    """(``file:line``, sentence template) for every message the package constructs."""
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if any(name.startswith(skip) for skip in NOT_USER_FACING):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ERRORS:
                index = ERRORS[called]
            elif (name, called) in HELPERS:
                index = HELPERS[name, called]
            else:
                continue
            if len(node.args) <= index:
                continue
            argument = node.args[index]
            if isinstance(argument, ast.Dict):  # already {"sv": …, "en": …}
                keys = {k.value for k in argument.keys if isinstance(k, ast.Constant)}
                assert keys == {"sv", "en"}, f"{name}:{node.lineno}"
                continue
            for template in _templates(argument) or []:
                if called == "warning":  # a logged warning: said as the CLI says it
                    template = template.replace("%s", "{}").removeprefix("samklang: ")
                    template = template.removesuffix(".")
                yield f"{name}:{node.lineno}", template


RAISED = sorted(set(raised_messages()))


def _samples(template: str) -> Iterator[str]:
    """The template with a distinct harmless value in each ``{}``, then with some left empty
    (an optional piece such as a "did you mean" hint is often empty)."""
    pieces = template.split("{}")
    for filled in itertools.product([True, False], repeat=len(pieces) - 1):
        values = [f"X{i}" if full else "" for i, full in enumerate(filled)]
        yield pieces[0] + "".join(v + p for v, p in zip(values, pieces[1:], strict=True))


def _sample(template: str) -> str:
    """The first of :func:`_samples` that the catalogue matches, else the first."""
    return next((s for s in _samples(template) if find(s)), next(_samples(template)))


def test_the_source_is_read() -> None:
    """The walk finds the messages (so the test below cannot pass by finding none)."""
    assert len(RAISED) > 150
    sites = {site.split(":")[0] for site, _ in RAISED}
    assert {"samklang/graph/values.py", "samklang/graph/yamlfile.py"} <= sites


@pytest.mark.parametrize(("site", "template"), RAISED, ids=[s for s, _ in RAISED])
def test_every_raised_message_has_a_swedish_form(site: str, template: str) -> None:
    sentence = _sample(template)
    where = "samklang/messages/sentences/"
    assert find(sentence) is not None, f"{site}: no entry in {where} for {template!r}"
    swedish = translate(sentence, "sv", strict=True)
    assert swedish != sentence and "{" not in swedish.replace("{{", ""), swedish
    assert translate(sentence, "en") == sentence


def test_every_catalogue_entry_is_used() -> None:
    """No entry is left over from a message that is gone (click's own and the pieces placed
    inside sentences are matched by the other tests)."""
    used = {id(find(_sample(t))[0]) for _, t in RAISED if find(_sample(t))}  # type: ignore[index]
    click_start = next(i for i, m in enumerate(CATALOGUE) if m.en.startswith("Invalid value for"))
    pieces = {"line {n}", "lines {a}–{b}", "row {n}", "row {n} (line {line})",
              "sheet {sheet}, row {n}", "JSON path {path}", "line {n}, column '{column}'",
              "row {n}, column '{column}'"}
    unused = [
        m.en
        for m in CATALOGUE[:click_start]
        if id(m) not in used and m.en not in pieces and not _is_inner(m)
    ]
    assert unused == []


def _is_inner(message: messages.Message) -> bool:
    """A piece the source builds from parts (hints, Python's and PyYAML's words)."""
    return message.en[:1] in " (" or message.en in INNER


INNER = {
    "an id listed in docs",
    "names nothing the dataset defines",
    "names a {section} item",
    "syntax error",
    "month must be in 1..12",
    "day is out of range for month",
    "year {year} is out of range",
    "expected ',' or ']', but got {found}",
    "expected ',' or '}', but got {found}",
    "mapping values are not allowed here",
    "found character {char} that cannot start any token",
    "found unexpected end of stream",
    "expected <block end>, but found {found}",
    "could not find expected ':'",
    "found undefined alias {name}",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
    "mapping values are not allowed in this context",
    "found character that cannot start any token",
    "did not find expected key",
    "did not find expected '-' indicator",
    "block sequence entries are not allowed in this context",
    "found a tab character that violates indentation",
    "found unknown escape character",
    "is not UTF-8 text although it starts with a UTF-8 byte-order mark",
    "is not text in UTF-8 or Windows-1252",
    "a date YYYY-MM-DD (or 'today')",
    # a query file's header: a ValueError whose text after "NAME: " becomes an InputError
    "the '# ---' header is not valid YAML: {problem}",
    "parameter {param} needs a type among {types}",
    # where a query stops being SPARQL (samklang/graph/store/__init__.py)
    "the query cannot go on at {found}",
    "the end of the text",
    "a prefix that is not declared (PREFIX name: <…>)",
}


def test_every_line_of_the_command_line_has_both_languages() -> None:
    assert set(TEXTS) == set(messages.LANGUAGES)
    assert set(TEXTS["sv"]) == set(TEXTS["en"])
    for key in TEXTS["sv"]:
        names = {lang: set(re.findall(r"\{(\w+)\}", TEXTS[lang][key])) for lang in TEXTS}
        assert names["sv"] == names["en"], key


@pytest.mark.parametrize(
    ("english", "swedish"),
    [
        (
            "'2020-13-01' is not a real date (month must be in 1..12); expected YYYY-MM-DD",
            "'2020-13-01' är inget verkligt datum (månaden måste vara 1–12); förväntade ÅÅÅÅ-MM-DD",
        ),
        (
            "setting mandate_first_year: '20x' is not a whole number",
            "inställningen mandate_first_year: '20x' är inget heltal",
        ),
        (
            "'kyrkan' is not a known domain; expected familjen, individen",
            "'kyrkan' är inget känt värde för område; förväntade familjen, individen",
        ),
        (
            "'part_of: plann' names nothing the dataset defines (did you mean 'plan'?); "
            "expected the id of one of its documents or a law such as SFS 2003:778",
            "'part_of: plann' pekar inte på något som datasetet definierar (menade du 'plan'?); "
            "förväntade id:t för något av datasetets dokument eller en lag, till exempel "
            "SFS 2003:778",
        ),
        ("sheet Aktiviteter, row 4", "bladet Aktiviteter, rad 4"),
    ],
)
def test_sentences_built_of_sentences_are_translated_whole(english: str, swedish: str) -> None:
    assert translate(english, "sv", strict=True) == swedish


def test_a_user_value_is_not_translated() -> None:
    """A quoted value is the user's own text, even when it reads like a sentence."""
    assert translate("repeats the key 'line 4'", "sv") == "upprepar nyckeln 'line 4'"


def test_a_sentence_the_catalogue_lacks_stays_english_or_fails_when_strict() -> None:
    assert translate("something new", "sv") == "something new"
    with pytest.raises(KeyError):
        translate("something new", "sv", strict=True)


def test_language_of_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(messages.ENVIRONMENT, raising=False)
    assert messages.language_of_arguments(["check", "x", "--lang", "en"]) == "en"
    assert messages.language_of_arguments(["check", "--lang=en"]) == "en"
    assert messages.language_of_arguments(["check", "x"]) == "sv"
    monkeypatch.setenv(messages.ENVIRONMENT, "en")
    assert messages.language_of_arguments(["check", "x"]) == "en"
    assert messages.language_of_arguments(["check", "--lang", "sv"]) == "sv"


def test_a_group_counts_in_words_and_begins_with_a_capital() -> None:
    """A grouped finding writes a count up to twelve in words, as Swedish running text does
    (Språkrådet's Svenska skrivregler), capitalised where it begins the sentence."""
    from datetime import date

    from samklang.queries.check import check

    findings = {f.rule: f for f in check("examples/vetlanda", as_of=date(2026, 11, 25))}
    assert findings["PER-EXPIRED"].message.startswith("Fyra styrdokument upphörde att gälla")
    assert "registrerade för tre dokument" in findings["ORG-SIGNATORIES"].message
    english = {f.rule: f for f in check("examples/vetlanda", as_of=date(2026, 11, 25), lang="en")}
    assert english["PER-EXPIRED"].message.startswith("Four ")


def test_a_count_the_rule_found_is_in_words_and_the_facts_keep_digits() -> None:
    """COV-BALANCE's "Alla {count} aktiviteter" counts in words; its JSON facts keep the
    number, and a count over twelve stays in digits."""
    from datetime import date

    from samklang.queries.check import check, count_text

    [balance] = [
        f for f in check("examples/fiktivby", as_of=date(2026, 11, 25)) if f.rule == "COV-BALANCE"
    ]
    assert balance.message.startswith("Alla fyra aktiviteter i ")
    assert balance.facts["count"] == "4"
    assert count_text(13, "sv", first=True) == "13" and count_text(12, "en") == "twelve"
