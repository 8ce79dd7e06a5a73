"""How well ingest reads real-looking documents: precision and recall per fact kind.

Each test document in ``tests/ingest/`` has an expected-facts file written by reading the
document (before the ingester ran on it). Facts are compared in canonical forms (lowered
names, types and ISO periods); the test asserts a floor per kind over all documents together,
and ``test_report`` prints the table (run ``pytest -s tests/test_ingest_quality.py``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from samklang.graph.ingest import Draft, ingest
from samklang.graph.ingest.model import Entity

from .conftest import VETLANDA
from .ingest.builders import HERE, build_docx, build_pdf

SEED = VETLANDA / "kallor" / "plan-brottsforebyggande-arbete-vetlanda-2020-2023.txt"

DOCUMENTS = {
    # expected-facts file: how to get the document
    "vetlanda-seed": lambda tmp: SEED,
    "pahittsvik-medborgarlofte": lambda tmp: HERE / "pahittsvik-medborgarlofte.txt",
    "latsastrask-medborgarlofte": lambda tmp: HERE / "latsastrask-medborgarlofte.txt",
    "sagoasa-samverkansoverenskommelse": lambda tmp: HERE / "sagoasa-samverkansoverenskommelse.md",
    "fantasiby-plan": lambda tmp: build_docx(
        HERE / "fantasiby-plan.docx.txt", tmp / "fantasiby-plan.docx"
    ),
    "fantasifors-atgardsplan": lambda tmp: build_pdf(
        HERE / "fantasifors-atgardsplan.pdf.txt", tmp / "fantasifors-atgardsplan.pdf"
    ),
    "latsasby-trygghetsplan": lambda tmp: HERE / "latsasby-trygghetsplan.txt",
    "pahittsaker-atgardsplan": lambda tmp: build_docx(
        HERE / "pahittsaker-atgardsplan.docx.txt", tmp / "pahittsaker-atgardsplan.docx"
    ),
    "latsaslunda-trygghetsbokslut": lambda tmp: HERE / "latsaslunda-trygghetsbokslut.txt",
    "fantasivik-medborgarlofte": lambda tmp: build_docx(
        HERE / "fantasivik-medborgarlofte.docx.txt", tmp / "fantasivik-medborgarlofte.docx"
    ),
    "latsasvik-overenskommelse": lambda tmp: HERE / "latsasvik-overenskommelse.txt",
    "sagosta-handlingsplan": lambda tmp: HERE / "sagosta-handlingsplan.txt",
    "latsasmo-handlingsplan": lambda tmp: build_docx(
        HERE / "latsasmo-handlingsplan.docx.txt", tmp / "latsasmo-handlingsplan.docx"
    ),
    "sagovik-lagesbild": lambda tmp: HERE / "sagovik-lagesbild.txt",
    "hittepasta-medborgarlofte": lambda tmp: HERE / "hittepasta-medborgarlofte.md",
    "hittepavik-samverkansoverenskommelse": lambda tmp: build_pdf(
        HERE / "hittepavik-samverkansoverenskommelse.pdf.txt",
        tmp / "hittepavik-samverkansoverenskommelse.pdf",
    ),
    "sagofors-atgardsplan": lambda tmp: HERE / "sagofors-atgardsplan.txt",
    "pahittsgarda-brottsforebyggande-plan": lambda tmp: (
        HERE / "pahittsgarda-brottsforebyggande-plan.md"
    ),
    "diktby-medborgarlofte": lambda tmp: build_docx(
        HERE / "diktby-medborgarlofte.docx.txt", tmp / "diktby-medborgarlofte.docx"
    ),
    "diktvik-lagesbild": lambda tmp: build_pdf(
        HERE / "diktvik-lagesbild.pdf.txt", tmp / "diktvik-lagesbild.pdf"
    ),
    "sagoby-overenskommelse": lambda tmp: HERE / "sagoby-overenskommelse.txt",
    "fantasia-atgardsplan": lambda tmp: build_docx(
        HERE / "fantasia-atgardsplan.docx.txt", tmp / "fantasia-atgardsplan.docx"
    ),
    "sagostad-trygghetsplan": lambda tmp: HERE / "sagostad-trygghetsplan.txt",
    "hittepaby-medborgarlofte": lambda tmp: build_docx(
        HERE / "hittepaby-medborgarlofte.docx.txt", tmp / "hittepaby-medborgarlofte.docx"
    ),
    "latsasholm-samverkansoverenskommelse": lambda tmp: (
        HERE / "latsasholm-samverkansoverenskommelse.md"
    ),
    "pahittsby-trygghetsbokslut": lambda tmp: HERE / "pahittsby-trygghetsbokslut.txt",
    "pahittsholm-handlingsprogram": lambda tmp: build_pdf(
        HERE / "pahittsholm-handlingsprogram.pdf.txt", tmp / "pahittsholm-handlingsprogram.pdf"
    ),
    "latsashamn-medborgarlofte": lambda tmp: HERE / "latsashamn-medborgarlofte.txt",
    "fejkvik-atgardsplan": lambda tmp: build_docx(
        HERE / "fejkvik-atgardsplan.docx.txt", tmp / "fejkvik-atgardsplan.docx"
    ),
    "latsassta-samverkansoverenskommelse": lambda tmp: build_pdf(
        HERE / "latsassta-samverkansoverenskommelse.pdf.txt",
        tmp / "latsassta-samverkansoverenskommelse.pdf",
    ),
    "latsasbacka-lagesbild": lambda tmp: HERE / "latsasbacka-lagesbild.md",
    "latsasmyra-handlingsplan": lambda tmp: HERE / "latsasmyra-handlingsplan.txt",
    "pahittsbacka-medborgarlofte": lambda tmp: HERE / "pahittsbacka-medborgarlofte.md",
    "fejksta-trygghetsbokslut": lambda tmp: build_docx(
        HERE / "fejksta-trygghetsbokslut.docx.txt", tmp / "fejksta-trygghetsbokslut.docx"
    ),
    "latsasvalla-samverkansoverenskommelse": lambda tmp: build_pdf(
        HERE / "latsasvalla-samverkansoverenskommelse.pdf.txt",
        tmp / "latsasvalla-samverkansoverenskommelse.pdf",
    ),
}
HELD_OUT = {
    "latsasmyra-handlingsplan",
    "pahittsbacka-medborgarlofte",
    "fejksta-trygghetsbokslut",
    "latsasvalla-samverkansoverenskommelse",
}
"""Written after the ingester, and never used to change its rules. (Låtsasby was held out first:
0.91 precision and 0.74 recall before its misses led to four general rules; it now counts as a
development document. So do Låtsasvik, Sagosta and the five documents of issue 14 — Låtsasmo,
Sagovik, Hittepåsta, Hittepåvik, Sagofors — once their misses led to the rules of issue 14: held
out, before those rules, they were 0.86 precision and 0.62 recall, 156/181/251. Påhittsgårda,
Diktby, Diktvik, Sagoby and Fantasiå were written after those rules and scored once, 0.95
precision and 0.82 recall, 106/112/130, before their misses led to a second round of rules.
Sagostad, Hittepåby, Låtsasholm, Påhittsby and Påhittsholm were written after that round and
scored once, 0.93 precision and 0.90 recall, 111/119/123, before their wrong facts led to a
third round of rules. Låtsashamn, Fejkvik, Låtsassta and Låtsasbacka were written after that
round and scored 0.92 precision and 0.90 recall, 100/109/111, before their wrong facts led to a
fourth round of rules (a header field is no signing line; the report named in the sentence after
the cadence). Låtsasmyra, Påhittsbäcka, Fejksta and Låtsasvalla, set 5, were written and
committed before the ingester read them and scored once, before that fourth round: 0.96
precision and 0.88 recall,
119/124/136; no rule has been changed for their misses.)"""

KINDS = (
    "municipality own document series part_of law legal_basis strategy citation organisation "
    "party signatory group member convener reports_to goal_area_count goal_area goal focus_area "
    "activity responsible activity_goal signed_on follow_up phase domain header"
).split()

OPTIONAL_KINDS = ["activity_year", "activity_status", "activity_problem"]
"""Kinds measured only for the documents whose expected-facts file lists them (issue 14): an
activity's years as the text states them at it (not the document's period put in their
place), its status, and the cause or problem it addresses."""

FLOORS = {"precision": 0.8, "recall": 0.75}
"""Per kind, over the development documents together (kinds with at least one fact)."""


def norm(text: str) -> str:
    """Lowered, spaces collapsed, trailing punctuation dropped; ``gruppen`` → ``grupp``."""
    text = re.sub(r"\s+", " ", str(text).strip().lower()).rstrip(".,;")
    text = re.sub(r"gruppen\b", "grupp", text)
    return re.sub(r"rådet\b", "råd", text)


def name(entity: Entity) -> str:
    return norm(entity.get("name") or entity.get("title"))


def period(entity: Entity) -> str:
    """``2020-01-01/2023-12-31``; ``2024-01-01/..`` for a start with no end; ``-`` if none."""
    found = entity.get("period")
    if found:
        return found.key()
    start = entity.get("period_from")
    return f"{start.isoformat()}/.." if start else "-"


def canonical(draft: Draft) -> dict[str, set[str]]:
    """The facts of a draft in the canonical forms of the expected-facts files."""
    x = draft.extraction
    facts: dict[str, set[str]] = defaultdict(set)
    code = x.code.value if x.code else "-"
    facts["municipality"].add(f"{name(x.municipality)} {code}")
    own = x.own
    facts["own"].add(f"{own.get('type')} {period(own)}")
    documents = x.of("documents")
    for doc in documents:
        doc_type = doc.get("type")
        if doc_type in ("publikation", "strategi"):
            continue
        facts["document"].add(f"{doc_type} {period(doc)}")
    for entity in [*documents, *x.of("series")]:
        parent = entity.get("part_of")
        if parent is not None:
            facts["part_of"].add(f"{entity.get('type')} < {parent.get('type')}")
        for law in entity.values("legal_basis"):
            facts["legal_basis"].add(f"{entity.get('type')} {law[1].split()[-1]}")
            facts["law"].add(law[1].split()[-1])
        for ref in entity.values("references"):
            if isinstance(ref, tuple):
                facts["law"].add(ref[1].split()[-1])
        if (count := entity.get("goal_area_count")) is not None:
            facts["goal_area_count"].add(f"{entity.get('type')} {count}")
    for series in x.of("series"):
        facts["series"].add(
            f"{series.get('type')} {series.get('cadence', '-')} {series.get('since', '-')}"
        )
    for doc in documents:
        if doc.get("type") == "strategi":
            facts["strategy"].add(norm(doc.get("title")))
        if doc.get("type") == "publikation":
            facts["citation"].add(f"{norm(doc.get('surname'))} {doc.get('issued')}")
    for org in [x.municipality, *x.of("organisations")]:
        kind = "kommun" if org is x.municipality else org.get("type")
        facts["organisation"].add(f"{kind} {name(org)}")
    for party in own.values("parties"):
        facts["party"].add(name(party))
    for party in own.values("signed_by"):
        facts["signatory"].add(name(party))
    for group in x.of("groups"):
        facts["group"].add(f"{group.get('type')} {name(group)}")
        for member in group.values("members"):
            facts["member"].add(f"{name(group)} > {name(member)}")
        if (convener := group.get("convener")) is not None:
            facts["convener"].add(f"{name(group)} > {name(convener)}")
        if (target := group.get("reports_to")) is not None:
            facts["reports_to"].add(f"{name(group)} > {name(target)}")
    for area in x.of("goal_areas"):
        facts["goal_area"].add(norm(area.get("title")))
    for goal in x.of("goals"):
        facts["goal"].add(norm(goal.get("title")))
    for focus in x.of("focus_areas"):
        facts["focus_area"].add(norm(focus.get("title")))
    for activity in x.of("activities"):
        facts["activity"].add(norm(activity.get("title")))
        for who in activity.values("responsible"):
            facts["responsible"].add(f"{norm(activity.get('title'))} > {name(who)}")
        for goal in activity.values("goal"):
            facts["activity_goal"].add(f"{norm(activity.get('title'))} > {name(goal)}")
    if (signed := own.get("signed_on")) is not None:
        facts["signed_on"].add(signed.isoformat())
    if "follow_up.cadence" in own.facts or "follow_up.document_type" in own.facts:
        facts["follow_up"].add(
            f"{own.get('follow_up.cadence', '-')} {own.get('follow_up.document_type', '-')}"
        )
    facts["phase"].update(own.values("process_phases"))
    facts["domain"].update(own.values("considers_domains"))
    for field in ("handlaggare", "reviewed_by", "decision.by", "decision.date"):
        if field in own.empty:
            facts["header"].add(f"{field} (tom)")
        elif (value := own.get(field)) is not None:
            shown = value.get("name") if isinstance(value, Entity) else value
            facts["header"].add(f"{field} {norm(str(shown))}")
    for activity in x.of("activities"):
        title = norm(activity.get("title"))
        years = activity.facts.get("year")
        if years and years[0].evidence is not None:  # stated, not the document's period
            span = years[0].value
            facts["activity_year"].add(
                f"{title} > {span[0]}" if len(span) == 1 else f"{title} > {span[0]}-{span[-1]}"
            )
        if (status := activity.get("status")) is not None:
            facts["activity_status"].add(f"{title} > {status}")
        for problem in activity.values("problems"):
            facts["activity_problem"].add(f"{title} > {name(problem)}")
    return facts


def expected(stem: str) -> dict[str, set[str]]:
    data = yaml.safe_load((HERE / f"{stem}.expected.yaml").read_text(encoding="utf-8"))
    assert set(KINDS) <= set(data) <= set(KINDS + OPTIONAL_KINDS), (
        f"{stem}: kinds {set(KINDS) - set(data)} missing, "
        f"{set(data) - set(KINDS + OPTIONAL_KINDS)} unknown"
    )
    return {kind: {norm(v) for v in values or []} for kind, values in data.items()}


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict, dict]]:
    tmp = tmp_path_factory.mktemp("quality")
    out = {}
    for stem, make in DOCUMENTS.items():
        found = canonical(ingest(make(tmp)))
        want = expected(stem)
        got = {k: {norm(v) for v in found.get(k, set())} for k in KINDS + OPTIONAL_KINDS}
        for kind in OPTIONAL_KINDS:  # not measured where the expected facts do not list it
            if kind not in want:
                got[kind] = want[kind] = set()
        out[stem] = (got, want)
    return out


def scores(results: dict, stems: set[str]) -> dict[str, tuple[int, int, int]]:
    """Per kind: true positives, found, expected."""
    table = {}
    for kind in KINDS + OPTIONAL_KINDS:
        tp = found = wanted = 0
        for stem in stems:
            got, want = results[stem][0][kind], results[stem][1][kind]
            tp += len(got & want)
            found += len(got)
            wanted += len(want)
        table[kind] = (tp, found, wanted)
    return table


def format_table(table: dict[str, tuple[int, int, int]]) -> str:
    lines = [f"{'kind':16} {'precision':>10} {'recall':>8}  (correct/found/expected)"]
    for kind, (tp, found, wanted) in table.items():
        p = f"{tp / found:.2f}" if found else "—"
        r = f"{tp / wanted:.2f}" if wanted else "—"
        lines.append(f"{kind:16} {p:>10} {r:>8}  ({tp}/{found}/{wanted})")
    total = [sum(v[i] for v in table.values()) for i in range(3)]
    lines.append(
        f"{'all facts':16} {total[0] / total[1]:>10.2f} {total[0] / total[2]:>8.2f}  "
        f"({total[0]}/{total[1]}/{total[2]})"
    )
    return "\n".join(lines)


def test_expected_files_use_known_kinds() -> None:
    for stem in DOCUMENTS:
        expected(stem)


@pytest.mark.parametrize("kind", KINDS + OPTIONAL_KINDS)
def test_precision_and_recall_floor_per_kind(results: dict, kind: str) -> None:
    development = set(DOCUMENTS) - HELD_OUT
    tp, found, wanted = scores(results, development)[kind]
    misses = {
        stem: (
            sorted(results[stem][1][kind] - results[stem][0][kind]),
            sorted(results[stem][0][kind] - results[stem][1][kind]),
        )
        for stem in development
        if results[stem][0][kind] != results[stem][1][kind]
    }
    if found:
        assert tp / found >= FLOORS["precision"], f"{kind}: missed, extra: {misses}"
    if wanted:
        assert tp / wanted >= FLOORS["recall"], f"{kind}: missed, extra: {misses}"


def test_held_out_document_overall(results: dict) -> None:
    """The held-out document is measured, not tuned for: a lower floor, over all kinds."""
    if not HELD_OUT:
        pytest.skip("no document is held out")
    table = scores(results, HELD_OUT)
    tp = sum(v[0] for v in table.values())
    found = sum(v[1] for v in table.values())
    wanted = sum(v[2] for v in table.values())
    assert tp / found >= 0.7 and tp / wanted >= 0.5, format_table(table)


def test_report(results: dict, capsys: pytest.CaptureFixture[str]) -> None:
    """Print the figures (shown with ``pytest -s``); the seed alone must be read completely."""
    development = set(DOCUMENTS) - HELD_OUT
    with capsys.disabled():
        print(f"\n{'document':36} {'precision':>10} {'recall':>8}  (correct/found/expected)")
        for stem in DOCUMENTS:
            table = scores(results, {stem})
            tp, found, wanted = (sum(v[i] for v in table.values()) for i in range(3))
            held = " (held out)" if stem in HELD_OUT else ""
            print(
                f"{stem + held:36} {tp / found:>10.2f} {tp / wanted:>8.2f}  ({tp}/{found}/{wanted})"
            )
        print(f"\nDevelopment documents (the seed and {len(development) - 1} fictional):")
        print(format_table(scores(results, development)))
        if HELD_OUT:
            print(f"\nHeld-out documents ({len(HELD_OUT)}):")
            print(format_table(scores(results, HELD_OUT)))
    seed_table = scores(results, {"vetlanda-seed"})
    assert all(tp == found == wanted for tp, found, wanted in seed_table.values()), format_table(
        seed_table
    )


def test_docs_quality_tables_are_current(results: dict) -> None:
    """docs/ingest.md shows what ``python -m tests.ingest.quality --write-docs`` writes: the
    figures there are the code's, per document and per kind."""
    from .ingest.quality import docs_block, markdown

    assert docs_block() == markdown(results), (
        "docs/ingest.md's quality tables are stale: run python -m tests.ingest.quality --write-docs"
    )


def test_canonical_forms_are_what_the_documents_state(tmp_path: Path) -> None:
    """A fact found in a draft is not counted unless its canonical form is exact: a wrong
    period is a miss and a false find, not half right."""
    draft = ingest(HERE / "pahittsvik-medborgarlofte.txt")
    facts = canonical(draft)
    assert "medborgarlofte 2024-07-01/2026-06-30" in facts["own"]
    assert "medborgarlofte 2024-01-01/2026-12-31" not in facts["document"]
