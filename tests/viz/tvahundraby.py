"""Tvåhundraby kommun, a FICTIONAL municipality with 200 activities, for the viz tests of
large views: Exempelstad (tests/viz/exempelstad, also fictional) with its own code and name
and 200 activities (its own ten, which its follow-up report names, and 190 generated) spread
over its goals, problems, factors, domains and years."""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

EXEMPELSTAD = Path(__file__).parent / "exempelstad"
CODE = "9980"
NAME = "Tvåhundraby kommun (fiktiv)"

GOALS = ["mal-unga", "mal-allman-plats", "lofte-centrum", "lofte-trafik", "mal-trygghet", ""]
PROBLEMS = ["problem-narkotika", "problem-skadegorelse", "problem-otrygghet", ""]
FACTORS = [
    "familj-bristande-foraldratillsyn",
    "kamrat-organiserad-fritid",
    "skola-skolmisslyckande",
    "samhalle-social-och-fysisk-oordning",
    "individ-impulsivitet",
    "samhalle-lag-anknytning-till-grannskapet",
    "",
]
RESPONSIBLE = ["socialforvaltningen", "utbildningsforvaltningen", "fritidsforvaltningen"]
WHAT = [
    "Trygghetsvandring",
    "Föräldraträff",
    "Läxhjälp",
    "Nattvandring med vuxna från föreningslivet och kyrkan",
    "Belysning",
    "Samtalsgrupp för unga som riskerar att dras in i kriminalitet",
    "Klotterplank",
    "Fritidsledare på plats",
]
WHERE = ["i Norra", "i Centrum", "vid skolorna", "på stationen", "i Södra hamnområdet"]
YEARS = ["2024", "2025", "2026", "2024-2025", "2025-2026", "2024-2026"]


def write_tvahundraby(folder: Path, activities: int = 200, seed: int = 20) -> Path:
    """Write the fictional dataset under ``folder``; its path."""
    rng = random.Random(seed)
    target = folder / "tvahundraby"
    shutil.copytree(EXEMPELSTAD, target)
    municipality = target / "municipality.yaml"
    text = municipality.read_text(encoding="utf-8")
    text = text.replace('code: "9990"', f'code: "{CODE}"')
    text = text.replace("name: Exempelstad kommun", f"name: {NAME}")
    municipality.write_text(text, encoding="utf-8")
    with (EXEMPELSTAD / "activities.csv").open(encoding="utf-8") as stream:
        reader = csv.DictReader(stream)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    for k in range(1, activities - len(rows) + 1):
        goal = rng.choice(GOALS)
        rows.append(
            {
                "id": f"a-{k:03d}",
                "title": f"{rng.choice(WHAT)} {rng.choice(WHERE)} ({k})",
                "year": rng.choice(YEARS),
                "document": "plan-brott",
                "responsible": rng.choice(RESPONSIBLE),
                "kind": rng.choice(["social", "situationell"]),
                "goal": goal,
                "problems": rng.choice(PROBLEMS),
                "factors": rng.choice(FACTORS),
                "domain": "",
                "status": "",
                "description": "Påhittad aktivitet för tester.",
                "source": "plan#40",
            }
        )
    with (target / "activities.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return target


def write_corpus(folder: Path, count: int, counties: tuple[int, ...] = (1, 5, 14)) -> list[Path]:
    """``count`` FICTIONAL municipalities (copies of Exempelstad, "Påhittsala N kommun
    (fiktiv)") spread over ``counties``, with codes no real municipality has; their paths."""
    paths = []
    for k in range(count):
        code = f"{counties[k % len(counties)]:02d}{30 + k // len(counties):02d}"
        target = folder / code
        shutil.copytree(EXEMPELSTAD, target)
        yaml = target / "municipality.yaml"
        text = yaml.read_text(encoding="utf-8").replace('code: "9990"', f'code: "{code}"')
        text = text.replace("name: Exempelstad kommun", f"name: Påhittsala {k} kommun (fiktiv)")
        yaml.write_text(text, encoding="utf-8")
        paths.append(target)
    return paths
