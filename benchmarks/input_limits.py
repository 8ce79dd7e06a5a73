"""Inputs at and over the input limits (samklang/graph/limits.py): each is checked or refused in
seconds, as `samklang check` in a process of its own; wall time, processor time and peak memory
against the baseline of `examples/vetlanda` measured in the same run.

Usage: python benchmarks/input_limits.py [--repeat N] [--keep DIR]

The inputs are made here from the examples (nothing is downloaded): Vetlanda with its
activity list grown to the record limit (as CSV and as XLSX), Fiktivby with its Kolada file
grown to the figure limit, Vetlanda with four YAML files of just under 2 MB, and inputs over
the limits: 100,000 activities (19 MB), a 10 MB YAML file, one record too many, one figure too
many, a workbook that unpacks to 200 MB.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SAMKLANG = "from samklang.cli import main; main()"


def copy_examples(into: Path) -> Path:
    target = into / "examples"
    shutil.copytree(EXAMPLES, target)
    return target


def yaml_records(dataset: Path) -> int:
    """The records the dataset's YAML files hold (its own, not a shared dataset's)."""
    sys.path.insert(0, str(ROOT))
    from samklang.graph.dataset import _records_of_yaml, dataset_files

    yaml_files = dataset_files(dataset)[0]
    return sum(len(_records_of_yaml(f, {}, 0)) for f in yaml_files)


def grow_activities(dataset: Path, rows: int) -> None:
    """Vetlanda's activity list repeated to ``rows`` rows, each with an id of its own."""
    path = dataset / "activities.csv"
    lines = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    head, body = lines[0], lines[1:]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(head)
        for i in range(rows):
            row = list(body[i % len(body)])
            row[0] = f"{row[0]}-{i}"
            writer.writerow(row)


def as_xlsx(dataset: Path) -> None:
    """The dataset's activities.csv saved as activities.xlsx (the CSV removed)."""
    import openpyxl

    path = dataset / "activities.csv"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Aktiviteter"
    for row in csv.reader(path.read_text(encoding="utf-8").splitlines()):
        sheet.append(row)
    book.save(dataset / "activities.xlsx")
    path.unlink()


def grow_kolada(dataset: Path, figures: int) -> None:
    """Fiktivby's Kolada file with ``figures`` values: its first value for other municipalities
    and years (a file of comparison municipalities)."""
    path = next(dataset.glob("kolada-*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    first = data["values"][0]
    values = []
    for i in range(figures):
        value = dict(first)
        value["municipality"] = f"{100 + i // 20:04d}"
        value["period"] = 2000 + i % 20
        values.append(value)
    data["values"], data["count"] = values, figures
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")


def large_yaml(path: Path, size: int, items: int) -> None:
    """A YAML file of about ``size`` bytes: ``items`` organisations with long names."""
    text = "x" * max(0, size // items - 80)
    with path.open("w", encoding="utf-8") as stream:
        stream.write("organisations:\n")
        for i in range(items):
            stream.write(
                f"  - id: org-{path.stem}-{i}\n    name: Organisation {path.stem} {i} {text}\n"
                "    type: organisation\n"
            )


def figures_besides_kolada(dataset: Path) -> int:
    """The figures the dataset's observation files other than its Kolada file give."""
    import samklang.graph.cube as cube
    from samklang.graph.dataset import load_dataset_folder

    counts: list[tuple[int, str]] = []
    checked = cube.check_observation_count
    cube.check_observation_count = lambda count, path: counts.append((count, path.name))
    try:
        load_dataset_folder(dataset)
    finally:
        cube.check_observation_count = checked
    before = 0
    kolada = 0
    for count, name in counts:
        if name.startswith("kolada-"):
            kolada = count - before
        before = count
    return before - kolada


def many_small_cells(path: Path, rows: int) -> None:
    """A workbook of ``rows`` activity rows of four short cells: the most rows a workbook under
    the unpacking limit holds, all read by the spreadsheet reader before the record limit."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Aktiviteter"
    sheet.append(["id", "title", "year", "document"])
    for i in range(rows):
        sheet.append([f"a{i}", "t", "2020", "d"])
    book.save(path)


def zip_bomb(path: Path, unpacked: int) -> None:
    """An XLSX whose sheet unpacks to ``unpacked`` bytes of spaces (a few hundred kB packed)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b" " * 1_000_000
            for _ in range(unpacked // len(chunk)):
                member.write(chunk)


def run(dataset: Path) -> tuple[float, float, int, int, str]:
    """`samklang check --lang en DATASET` in a process of its own (:func:`measured`)."""
    return measured(["check", "--lang", "en", str(dataset)])


def measured(arguments: list[str]) -> tuple[float, float, int, int, str]:
    """`samklang ARGUMENTS` in a process of its own: wall s, processor s, peak KB, exit
    status, the last line of its error output."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", SAMKLANG, *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stderr is not None
    error = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    lines = error.strip().splitlines()
    return (
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss,
        os.waitstatus_to_exitcode(status),
        lines[-1] if lines else "",
    )


def cases(work: Path) -> list[tuple[str, Path]]:
    from samklang.graph.limits import MAX_FILE_BYTES, MAX_OBSERVATIONS, MAX_RECORDS

    made: list[tuple[str, Path]] = [("baseline: examples/vetlanda", EXAMPLES / "vetlanda")]

    def copy(name: str) -> Path:
        return copy_examples(work / name)

    vetlanda_records = yaml_records(EXAMPLES / "vetlanda")
    at = copy("activities-at")
    grow_activities(at / "vetlanda", MAX_RECORDS - vetlanda_records)
    made.append((f"{MAX_RECORDS} records (CSV, {MAX_RECORDS - vetlanda_records} rows)",
                 at / "vetlanda"))
    xlsx = copy("xlsx-at")
    grow_activities(xlsx / "vetlanda", MAX_RECORDS - vetlanda_records)
    as_xlsx(xlsx / "vetlanda")
    made.append((f"{MAX_RECORDS} records (XLSX)", xlsx / "vetlanda"))
    over = copy("activities-over")
    grow_activities(over / "vetlanda", MAX_RECORDS - vetlanda_records + 1)
    made.append(("one record too many (refused)", over / "vetlanda"))
    huge = copy("activities-huge")
    grow_activities(huge / "vetlanda", 100_000)
    made.append(("100,000 activities, 19 MB (refused)", huge / "vetlanda"))
    yaml_at = copy("yaml-at")
    for n in range(4):
        large_yaml(yaml_at / "vetlanda" / f"extra{n}.yaml", MAX_FILE_BYTES - 20_000, 300)
    made.append(("4 YAML files of 1.98 MB, 1,200 records", yaml_at / "vetlanda"))
    yaml_big = copy("yaml-big")
    large_yaml(yaml_big / "vetlanda" / "extra.yaml", 2_500_000, 300)
    made.append(("a 2.5 MB YAML file (refused)", yaml_big / "vetlanda"))
    yaml_over = copy("yaml-over")
    large_yaml(yaml_over / "vetlanda" / "extra.yaml", 10_500_000, 300)
    made.append(("a 10.5 MB YAML file (refused)", yaml_over / "vetlanda"))
    fiktivby_others = figures_besides_kolada(EXAMPLES / "fiktivby")
    kolada_at = copy("kolada-at")
    grow_kolada(kolada_at / "fiktivby", MAX_OBSERVATIONS - fiktivby_others)
    made.append((f"{MAX_OBSERVATIONS} figures (Kolada)", kolada_at / "fiktivby"))
    kolada_over = copy("kolada-over")
    grow_kolada(kolada_over / "fiktivby", MAX_OBSERVATIONS - fiktivby_others + 1)
    made.append(("one figure too many (refused)", kolada_over / "fiktivby"))
    wide = copy("xlsx-unpacked-at")
    (wide / "vetlanda" / "activities.csv").unlink()
    many_small_cells(wide / "vetlanda" / "activities.xlsx", 43_000)
    made.append(("XLSX of 43,000 short rows, unpacking to 9.7 MB (refused)", wide / "vetlanda"))
    bomb = copy("zip-bomb")
    (bomb / "vetlanda" / "activities.csv").unlink()
    zip_bomb(bomb / "vetlanda" / "activities.xlsx", 200_000_000)
    made.append(("XLSX unpacking to 200 MB (refused)", bomb / "vetlanda"))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="make the inputs here and keep them")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="samklang-limits-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        made = cases(work)
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        print("| input | exit | seconds | processor s | peak MB | ratio to the baseline | says |")
        print("|---|---|---|---|---|---|---|")
        base = None
        for name, dataset in made:
            runs = [run(dataset) for _ in range(args.repeat)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            peak = max(r[2] for r in runs) / 1024
            base = base or wall
            says = runs[-1][4][:90] if runs[-1][3] == 2 else ""
            print(
                f"| {name} | {runs[-1][3]} | {wall:.2f} | {cpu:.2f} | {peak:.0f} | "
                f"{wall / base:.2f} | {says} |"
            )
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
