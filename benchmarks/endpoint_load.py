"""`samklang serve` under load: 20 clients sending a mix of distinct queries (the named research
queries with varied years and dates, and lookups of single activities), against one
client sending the same queries one at a time (the baseline: the service time, no queueing);
then the same 20 clients sending texts already answered (the answer cache).

    python benchmarks/endpoint_load.py [PATH] [--clients 20] [--queries 1000]
    python benchmarks/endpoint_load.py --store DIR --queries 300 --baseline 45 --timeout 120

The server is started on a free port of 127.0.0.1 in a new process (`samklang serve`, its
defaults: 2 workers, 64 MB of answers kept) and stopped at the end; nothing else is contacted.
With ``--store DIR`` it serves an on-disk store as it is (read-only; the national mode: the
same mix over `samklang load --store`'s store of every municipality). Each client keeps one
HTTP connection and POSTs `application/sparql-query`, asking for SPARQL results JSON.

Three runs: the baseline (one client, the first ``--baseline`` texts), uncached (``--clients``
clients, every text its own, so none is answered from the cache), and cached (the same clients
sending again the texts the uncached run sent last, as many as the baseline's, in another
order: they are all kept unless the answers sent since outgrow ``--cache-mb``; each run prints
the megabytes of answers it received). Prints p50/p95/p99 latency, errors, queries a second and
the load average for each, the baseline's time per research query, and the queueing floor:
clients × the mix's mean service time / the cores. Each run is bounded by ``--seconds``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ask(conn: http.client.HTTPConnection, query: str) -> tuple[int, bytes]:
    conn.request(
        "POST", "/sparql", body=query.encode(),
        headers={"Content-Type": "application/sparql-query",
                 "Accept": "application/sparql-results+json"},
    )  # fmt: skip
    response = conn.getresponse()
    return response.status, response.read()


def queries(port: int, count: int) -> list[str]:
    """``count`` query texts, most of them distinct."""
    from samklang.graph.sparql_text import bind_values
    from samklang.graph.store import with_prefixes
    from samklang.queries.research import library

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    status, body = ask(conn, with_prefixes("SELECT ?a WHERE { ?a a sk:Activity } LIMIT 500"))
    assert status == 200, body
    activities = [b["a"]["value"] for b in json.loads(body)["results"]["bindings"]]
    conn.close()
    named = sorted(library().values(), key=lambda q: q.name)
    texts = []
    research = 0
    for i in range(count):
        if i % 3 == 2 and activities:
            iri = activities[(i * 7) % len(activities)]
            limit = 20 + i % 50
            texts.append(f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }} LIMIT {limit}\n# lookup {i}")
            continue
        query = named[research % len(named)]  # each in turn (i % 15 would skip a third)
        values = {}
        turn = research // len(named)
        for p in query.parameters:
            # Every fourth turn the defaults (every year), else from one to four years of
            # 2019–2029 (the corpora's plans run 2019–2027).
            if p.type == "year" and turn % 4:
                start = 2019 + (turn * 3) % 9
                values[p.name] = str(start if p.name != "toYear" else start + turn % 4)
            elif p.type == "date":
                values[p.name] = (date(2024, 1, 1) + timedelta(days=(i * 13) % 1000)).isoformat()
        research += 1
        text = with_prefixes(bind_values(query.query, query.bindings(values)))
        # every text its own: the cache does not help the uncached run
        texts.append(f"{text}\n# {query.name} {i}")
    return texts


def run(
    port: int, texts: list[str], clients: int, seconds: float, each: dict[str, list[float]] | None
    = None,
) -> dict[str, float]:
    times: list[float] = []
    errors = [0]
    size = [0]
    lock = threading.Lock()
    position = [0]
    deadline = time.monotonic() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < deadline:
            with lock:
                if position[0] >= len(texts):
                    break
                text = texts[position[0]]
                position[0] += 1
            started = time.perf_counter()
            try:
                status, body = ask(conn, text)
                size[0] += len(body)
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            took = time.perf_counter() - started
            with lock:
                times.append(took)
                if each is not None:
                    each.setdefault(kind(text), []).append(took)
                if status != 200:
                    errors[0] += 1
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    times.sort()

    def pct(p: float) -> float:
        return times[min(len(times) - 1, int(p * len(times)))] * 1000

    return {"n": len(times), "errors": errors[0], "p50": pct(0.5), "p95": pct(0.95),
            "p99": pct(0.99), "mean": statistics.mean(times) * 1000,
            "qps": len(times) / wall, "mb": size[0] / 1e6}  # fmt: skip


def kind(text: str) -> str:
    """The research query a text is, or "lookup" (from its last line, ``# NAME NUMBER``)."""
    return text.rsplit("\n# ", 1)[1].split()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="examples/vetlanda")
    parser.add_argument("--store", type=Path)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--baseline", type=int, default=150, help="queries of the one client")
    parser.add_argument("--seconds", type=float, default=300.0, help="each run stops by then")
    parser.add_argument("--timeout", type=float, default=10.0, help="the server's --timeout")
    parser.add_argument("--cache-mb", type=int, default=64, help="the server's --cache-mb")
    args = parser.parse_args()
    port = free_port()
    source = ["--store", str(args.store)] if args.store else [args.path]
    server = subprocess.Popen(
        [sys.executable, "-c", "from samklang.cli import main; main()", "serve", *source,
         "--port", str(port), "--timeout", str(args.timeout), "--cache-mb", str(args.cache_mb)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(600):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        texts = queries(port, args.queries)
        print(f"{len(set(texts))} distinct of {len(texts)} queries; serving {' '.join(source)}")
        warm = [f"{t}\n# warm-up" for t in texts[:20]]  # distinct from every text measured
        run(port, warm, 1, args.seconds)
        print(f"load average before: {load()}")
        each: dict[str, list[float]] = {}
        cached = texts[-args.baseline :]  # the last asked: the first to stay in the cache
        cached = cached[1::2] + cached[::2]  # another order than the one they were asked in
        cores = os.cpu_count() or 1
        for label, clients, part in (
            ("1 client (baseline)", 1, texts[: args.baseline]),
            (f"{args.clients} clients uncached", args.clients, texts),
            (f"{args.clients} clients cached", args.clients, cached),
        ):
            r = run(port, part, clients, args.seconds, each if clients == 1 else None)
            print(
                f"  {label:26} {r['n']:5.0f} queries, {r['errors']:.0f} errors: "
                f"p50 {r['p50']:7.1f} ms  p95 {r['p95']:7.1f} ms  p99 {r['p99']:7.1f} ms  "
                f"mean {r['mean']:7.1f} ms  {r['qps']:6.1f} q/s  {r['mb']:.1f} MB of answers"
                f"   (load {load()})",
                flush=True,
            )
            if clients == 1:
                service = r["mean"]
                print("    baseline per query (median ms, n):")
                for name, took in sorted(each.items(), key=lambda e: -statistics.median(e[1])):
                    print(f"      {name:32} {statistics.median(took) * 1000:8.1f}  {len(took)}")
                print(
                    f"    queueing floor: {args.clients} clients × {service:.1f} ms mean service"
                    f" / {cores} cores = {args.clients * service / cores:.0f} ms a query",
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
