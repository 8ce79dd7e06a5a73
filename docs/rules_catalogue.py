"""Write the rule catalogue in docs/rules.md from the rules' headers, so nothing is written twice.

What a rule's header says (``samklang/queries/rules/ID.rq``: title, severity, group,
parameters, ``in_force``, ``part``, ``fields``, ``family``, the messages, the item template, the
phrases, basis with its link, fix, all in both languages) is written into docs/rules.md between

    <!-- catalogue: … -->
    …
    <!-- /catalogue -->

word for word and unwrapped: the table of rules, then one entry ``### ID`` per rule. What no
header says is written by hand in each entry, between markers this script keeps as they are:

    <!-- keep ID finds … -->    what the rule finds, and when a finding is a defect or a question
    <!-- /keep -->
    <!-- keep ID example … -->  the example blocks, which docs/refresh_examples.py reruns
    <!-- /keep -->

A new rule gets empty places to fill; prose kept for a rule that no longer exists stops the
script. Run it after changing a header (docs/decisions/0008-rules-catalogue.md says why it is
done so):

    python docs/rules_catalogue.py            # rewrite docs/rules.md
    python docs/rules_catalogue.py --check    # exit 1 when docs/rules.md is not what it writes

It also writes ``samklang/queries/rules/headers.json``, the headers' metadata by the digest of
each header, which a check reads instead of the YAML (``samklang.queries.header``; a header
changed since is read as YAML, so a stale file only costs time).
"""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from samklang.queries.header import CACHE, cache_text  # noqa: E402
from samklang.queries.rule import Rule, catalogue  # noqa: E402
from samklang.queries.settings import Settings  # noqa: E402

DOC = ROOT / "docs" / "rules.md"
RULES = ROOT / "samklang" / "queries" / "rules"
COMMAND = "python docs/rules_catalogue.py"

BEGIN = (
    f"<!-- catalogue: written by `{COMMAND}` from the headers of samklang/queries/rules/*.rq;"
    " change a header and rerun it. Only the parts between keep and /keep are written here. -->"
)
END = "<!-- /catalogue -->"
REGION = re.compile(r"^<!-- catalogue:[^\n]*-->\n.*?^<!-- /catalogue -->\n", re.M | re.S)
KEEP_END = "<!-- /keep -->"
KEEP = re.compile(
    r"^<!-- keep (?P<rule>[A-Z0-9-]+) (?P<part>finds|example)\b[^\n]*-->\n(?P<text>.*?)"
    r"^<!-- /keep -->$",
    re.M | re.S,
)
KEEP_NOTE = {
    "finds": "hand-written: what the rule finds, defect or question",
    "example": "hand-written; docs/refresh_examples.py reruns the blocks",
}
PLACEHOLDER = {
    "finds": "- **Finds:** (to be written)",
    "example": "- **Example:** (to be written)",
}
LANGS = ("en", "sv")
"""The languages an entry quotes, in that order: the page is English, the tool speaks both."""

DEFAULTS = {f.name: f.default for f in dataclasses.fields(Settings)}


class CatalogueError(ValueError):
    """docs/rules.md cannot be written: its markers are broken, or prose names no rule."""


def _code(names: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"`{n}`" for n in names) if names else "none"


def _facts(rule: Rule) -> str:
    """The line under the heading: titles, severity, group and the header's other settings."""
    facts = [
        f"**{rule.title['en']}** — *{rule.title['sv']}*.",
        f"Severity: **{rule.severity}**.",
        f"Group: `{rule.group}`.",
        f"Parameters: {_code(rule.parameters)}.",
    ]
    if rule.in_force:
        since = DEFAULTS.get(rule.in_force)
        facts.append(f"In force from `{rule.in_force}`" + (f" ({since})." if since else "."))
    if rule.part:
        facts.append(f"Part: `{rule.part}`.")
    if rule.fields:
        facts.append(f"Fields: {_code(rule.fields)}.")
    if rule.family:
        facts.append("Family: yes.")
    return " ".join(facts)


def _quoted(label: str, texts: dict[str, str], note: str = "") -> list[str]:
    lines = [f"- **{label}**{note}:" if note else f"- **{label}:**"]
    lines += [f'  - {lang}: "{texts[lang]}"' for lang in LANGS]
    return lines


def _texts(rule: Rule) -> list[str]:
    """The entry's messages, phrases, basis and fix, as the header has them."""
    item = ""
    if rule.item:
        written = {lang: f"`{rule.item[lang]}`" for lang in LANGS}
        same = written["en"] == written["sv"]
        item = " (each of {items} written " + (
            f"{written['en']})" if same else f"{written['en']}, sv {written['sv']})"
        )
    lines = _quoted("Message", rule.message)
    if rule.grouped:
        lines += _quoted("Grouped", rule.grouped, item)
    if rule.question:
        lines += _quoted("Question", rule.question)
    if rule.question_grouped:
        lines += _quoted("Question, grouped", rule.question_grouped, "" if rule.grouped else item)
    if rule.phrases:
        lines.append("- **Phrases** (the words of each code the query returns):")
        for code, words in rule.phrases.items():
            said = "; ".join(f'{lang} "{words[lang]}"' for lang in LANGS)
            lines.append(f"  - `{code}`: {said}")
    url = f" <{rule.url}>" if rule.url else ""
    lines.append(f"- **Basis:**{url}")
    lines += [f"  - {lang}: {rule.basis[lang]}" for lang in LANGS]
    lines.append("- **Fix:**")
    lines += [f"  - {lang}: {rule.fix[lang]}" for lang in LANGS]
    if rule.fix_grouped:
        lines.append("- **Fix, grouped:**")
        lines += [f"  - {lang}: {rule.fix_grouped[lang]}" for lang in LANGS]
    return lines


def _keep(rule_id: str, part: str, text: str | None) -> list[str]:
    body = (text or "").strip("\n") or PLACEHOLDER[part]
    return [f"<!-- keep {rule_id} {part}: {KEEP_NOTE[part]} -->", body, KEEP_END]


def _table(rules: dict[str, Rule]) -> list[str]:
    lines = [
        f"The package has {len(rules)} rules:",
        "",
        "| ID | Default severity | Title (English) | Titel (svenska) |",
        "|---|---|---|---|",
    ]
    for rule in rules.values():
        anchor = re.sub(r"[^a-z0-9-]", "", rule.id.lower())
        titles = f"{rule.title['en']} | {rule.title['sv']}"
        lines.append(f"| [{rule.id}](#{anchor}) | {rule.severity} | {titles} |")
    return lines


def catalogue_text(kept: dict[tuple[str, str], str], rules: dict[str, Rule]) -> str:
    """The region between the markers: the table and one entry per rule."""
    lines = [BEGIN, "", *_table(rules)]
    for rule in rules.values():
        lines += ["", f"### {rule.id}", "", _facts(rule), ""]
        lines += _keep(rule.id, "finds", kept.get((rule.id, "finds")))
        lines += ["", *_texts(rule), ""]
        lines += _keep(rule.id, "example", kept.get((rule.id, "example")))
    lines += ["", END]
    return "\n".join(lines) + "\n"


def render(text: str, rules: dict[str, Rule] | None = None) -> str:
    """docs/rules.md's ``text`` with its catalogue written afresh from the rules' headers.

    Raises:
        CatalogueError: the markers are missing or doubled, or prose is kept for no rule.
    """
    rules = catalogue() if rules is None else rules
    regions = REGION.findall(text)
    if len(regions) != 1:
        raise CatalogueError(
            f"docs/rules.md needs one '<!-- catalogue: … -->' … '{END}' region, not {len(regions)}"
        )
    kept: dict[tuple[str, str], str] = {}
    for m in KEEP.finditer(regions[0]):
        key = (m["rule"], m["part"])
        if key in kept:
            raise CatalogueError(f"docs/rules.md keeps {m['part']} of {m['rule']} twice")
        if m["rule"] not in rules:
            raise CatalogueError(
                f"docs/rules.md keeps {m['part']} for {m['rule']}, which is no rule: "
                "move the prose or delete it"
            )
        kept[key] = m["text"]
    new = catalogue_text(kept, rules)
    return REGION.sub(lambda _: new, text, count=1)


def header_cache() -> str:
    """The rules' header cache (``samklang/queries/rules/headers.json``), which lets a quick
    check skip reading the headers' YAML (samklang.queries.header)."""
    return cache_text(p.read_text(encoding="utf-8") for p in sorted(RULES.glob("*.rq")))


def main(argv: list[str]) -> int:
    text = DOC.read_text(encoding="utf-8")
    try:
        new = render(text)
    except CatalogueError as err:
        print(f"rules_catalogue: {err}", file=sys.stderr)
        return 2
    cache = RULES / CACHE
    old_cache = cache.read_text(encoding="utf-8") if cache.exists() else ""
    new_cache = header_cache()
    if "--check" in argv:
        if new != text:
            print(f"docs/rules.md is not written from the rule headers; run: {COMMAND}")
            return 1
        if new_cache != old_cache:
            print(f"samklang/queries/rules/{CACHE} is not the rule headers'; run: {COMMAND}")
            return 1
        return 0
    if new != text:
        DOC.write_text(new, encoding="utf-8")
        print("rewrote docs/rules.md")
    if new_cache != old_cache:
        cache.write_text(new_cache, encoding="utf-8")
        print(f"rewrote samklang/queries/rules/{CACHE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
