"""A quick command's cold start: `samklang check examples/vetlanda` in a new process, against
the bare interpreter started the same way (the baseline), interleaved, median of N.

    python benchmarks/cold_start.py [--repeat 15] [--against DIR] [-- ARGS...]

Each run is a new `python -c "from samklang.cli import main; main()" check examples/vetlanda`
in this repository's folder, which `-c` puts first on the path (`--against DIR` times another
checkout's code beside it, e.g. a worktree of main, in its folder); the figure that travels
between machines is the difference to the bare interpreter, which pays for the site packages'
start-up hooks alone. Each process's processor time (user + system) is given beside its
wall time: it varies less with what else runs on the machine. Prints where the
import time goes (`python -X importtime`, the largest top-level packages).

The code is timed as a user runs it: from bytecode. `pip install` compiles it, and any first
run writes it; a first untimed run here writes it too, with ``PYTHONDONTWRITEBYTECODE`` taken
out of the processes' environment (this machine's kind sets it; compiling the 50-odd modules
from source on every start took 0.064 s of the 0.28 s).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = "from samklang.cli import main; main()"


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def environment(root: Path) -> dict[str, str]:
    """The processes' environment: ``root`` first on the path, bytecode written and read."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(code: str, args: list[str], root: Path, cpu: list[float] | None = None) -> float:
    """The wall time of one new process; its processor time (user + system) is appended to
    ``cpu``."""
    env = environment(root)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code, *args], cwd=root, env=env, check=False,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def imports(args: list[str], root: Path) -> list[tuple[int, str]]:
    env = environment(root)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", CLI, *args], cwd=root, env=env,
        check=False, capture_output=True, text=True,
    )  # fmt: skip
    found = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|")
        if cumulative.strip().isdigit() and not name.startswith("   "):
            found.append((int(cumulative), name.strip()))
    return sorted(found, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--against", type=Path, help="another checkout to time beside this one")
    parser.add_argument("args", nargs="*", default=["check", "examples/vetlanda"])
    options = parser.parse_args()
    roots = [("this checkout", ROOT)] + ([("against", options.against)] if options.against else [])
    print(f"load average before: {load()}")
    for _, root in roots:  # the first run writes the bytecode and reads the files into memory
        run(CLI, options.args, root)
    bare: list[float] = []
    bare_cpu: list[float] = []
    times: dict[str, list[float]] = {name: [] for name, _ in roots}
    cpu: dict[str, list[float]] = {name: [] for name, _ in roots}
    for _ in range(options.repeat):
        bare.append(run("pass", [], ROOT, bare_cpu))
        for name, root in roots:
            times[name].append(run(CLI, options.args, root, cpu[name]))
    base = statistics.median(bare)
    command = "samklang " + " ".join(options.args)
    print(f"bare interpreter (baseline): median {base:.3f} s, fastest {min(bare):.3f} s; "
          f"processor time median {statistics.median(bare_cpu):.3f} s")  # fmt: skip
    for name, found in times.items():
        median = statistics.median(found)
        print(f"{command}, {name}: median {median:.3f} s (baseline + {median - base:.3f} s), "
              f"fastest {min(found):.3f} s (+ {min(found) - min(bare):.3f} s); processor time "
              f"(user + system) median {statistics.median(cpu[name]):.3f} s, "
              f"least {min(cpu[name]):.3f} s")  # fmt: skip
    print(f"load average after: {load()}")
    print("largest top-level imports (ms, one run, this checkout):")
    for micros, name in imports(options.args, ROOT)[:12]:
        print(f"  {micros / 1000:7.1f}  {name}")


if __name__ == "__main__":
    main()
