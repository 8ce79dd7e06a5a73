"""Running HermiT or Pellet in Java through owlready2, part by part and in parallel."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from samklang.errors import SamklangError
from samklang.ontology.namespace import (
    GRAPH,
    OWL,
    RDF,
    RDFS,
)

if TYPE_CHECKING:
    pass

from samklang.reasoning.duplicates import alike, spread
from samklang.reasoning.locality import cut
from samklang.reasoning.model import INFERRED_GRAPH, ReasonerError, ReasonerUnavailableError, Triple
from samklang.reasoning.owl_view import _key, _triple

BATCH = 8000
"""Parts of the data are reasoned over in batches of about this many statements."""


def _realise(runner: _Runner, schema: list[Triple], data: list[Triple]) -> _Outcome:
    """Classify and realise the view: the cut data, one part of each form, in one model or,
    when large, in batches.

    HermiT tests an individual's possible memberships with every statement of its model at
    hand, so realisation grows faster than the model. The links that cannot change a
    membership are cut first (``locality.cut``), which splits the data into parts of a few
    statements that share no individual of their own; of parts alike but for the names of
    their individuals, one is kept (``duplicates.alike``) and HermiT's answers for it are
    copied to the others. Both leave the memberships and the consistency exactly as they are.
    What is kept goes to HermiT as one model, or, above ``BATCH`` statements, in batches
    (``_realise_parts``).
    """
    data = cut(schema, data)
    kept, copies = alike(schema, data, _components(schema, data))
    outcome = _realise_parts(runner, schema, _batches(kept))
    if outcome.consistent:
        outcome.inferred = spread(outcome.inferred, copies)
    return outcome


def _realise_parts(runner: _Runner, schema: list[Triple], parts: list[list[Triple]]) -> _Outcome:
    """Realise ``parts`` (batches of the data) in as many models.

    The whole model is checked for consistency in one run, and each batch is realised as a
    model of its own. With the whole model consistent, a batch's individuals get the same types
    as in the whole: the ontology derives nothing about a shared concept from one part's
    statements that another part's definitions depend on. HermiT realises many models in one
    Java process, one after the other (its command line takes several ontologies): the Java
    start and the loading of its classes are paid once per process, not once per batch. The
    batches are dealt to one process per processor (at most four), and the whole model's
    consistency check runs beside them.
    """
    data = [t for part in parts for t in part]
    if len(parts) <= 1:
        return runner.run(schema + data)
    # owlready2 (Pellet's way in) keeps global state: only HermiT's processes run side by side.
    if runner.reasoner != "hermit":
        if not runner.consistent(schema + data):
            return _Outcome(False, [], "inconsistent")
        return _union([runner.run(schema + part) for part in parts])
    workers = max(1, min(4, os.cpu_count() or 1, len(parts)))
    groups: list[list[list[Triple]]] = [[] for _ in range(workers)]
    sizes = [0] * workers
    for part in parts:  # the largest first, each to the least loaded process
        least = sizes.index(min(sizes))
        groups[least].append(schema + part)
        sizes[least] += len(part)
    with ThreadPoolExecutor(max_workers=workers + 1) as pool:
        whole = pool.submit(runner.consistent, schema + data)
        outcomes = list(pool.map(runner.run_many, groups))
        if not whole.result():
            return _Outcome(False, [], "inconsistent")
    return _union(outcomes)


def _union(outcomes: Iterable[_Outcome]) -> _Outcome:
    """What the parts' runs inferred together (or the first inconsistency)."""
    inferred: dict[Triple, None] = {}
    for outcome in outcomes:
        if not outcome.consistent:
            return outcome
        inferred.update(dict.fromkeys(outcome.inferred))
    return _Outcome(True, list(inferred))


def _parts(schema: list[Triple], data: list[Triple]) -> list[list[Triple]]:
    """The data in batches of parts that share no individual of the data (see _realise)."""
    return _batches(_components(schema, data))


def _components(schema: list[Triple], data: list[Triple]) -> list[list[Triple]]:
    """The data's parts that share no individual of the data: vocabulary concepts that the
    data only names as values (the schema's nodes it states nothing about) do not join them."""
    schema_nodes = {_key(s) for s, _, _ in schema}
    stated = {_key(s) for s, _, _ in data}
    shared = schema_nodes - stated  # concepts the data only names as values
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for s, _, o in data:
        root = find(_key(s))
        if not isinstance(o, ox.Literal) and _key(o) not in shared:
            other = find(_key(o))
            if other != root:
                parent[other] = root
    groups: dict[str, list[Triple]] = defaultdict(list)
    for t in data:
        groups[find(_key(t[0]))].append(t)
    return list(groups.values())


def _batches(parts: list[list[Triple]]) -> list[list[Triple]]:
    """``parts`` put together in batches of about ``BATCH`` statements, the largest first."""
    batches: list[list[Triple]] = []
    for group in sorted(parts, key=len, reverse=True):
        if batches and len(batches[-1]) + len(group) <= BATCH:
            batches[-1].extend(group)
        else:
            batches.append(list(group))
    return batches


@dataclass
class _Outcome:
    consistent: bool
    inferred: list[Triple]
    message: str = ""


class _Runner:
    """Runs one reasoner on sets of triples, each in a fresh owlready2 world."""

    def __init__(self, reasoner: str) -> None:
        self.reasoner = reasoner
        self.runs = 0
        java = _java()
        if java is None:
            raise ReasonerUnavailableError(
                {
                    "sv": "Resonemanget kräver Java, som inte finns på datorn: installera det "
                    "med 'apt-get install default-jre-headless' (Debian/Ubuntu) och försök igen",
                    "en": "Reasoning needs a Java runtime, which this computer lacks: install "
                    "one with 'apt-get install default-jre-headless' (Debian/Ubuntu) and try "
                    "again",
                }
            )

    def run(self, triples: Sequence[Triple]) -> _Outcome:
        """Classify ``triples`` and realise their individuals with the reasoner."""
        self.runs += 1
        if self.reasoner == "hermit":
            return self._hermit(triples)
        return self._pellet(triples)

    def run_many(self, models: Sequence[Sequence[Triple]]) -> _Outcome:
        """Classify and realise each of ``models`` on its own (HermiT: one after the other in
        one Java process, each a reasoner of its own); what they infer together. Inconsistent
        when one of them is (HermiT stops at it)."""
        if self.reasoner != "hermit" or len(models) <= 1:
            return _union(self.run(m) for m in models)
        self.runs += 1
        return self._hermit(*models)

    def _hermit(self, *models: Sequence[Triple]) -> _Outcome:
        """owlready2's HermiT, run as owlready2 runs it but asked only for the class hierarchy
        and the individuals' types (-c -I): owlready2's sync_reasoner also classifies object
        and data properties (-O -D), which samklang does not use and which costs about 40 %
        more time."""
        done = self._java(
            [_memory(), "-cp", _classpath("hermit"), "org.semanticweb.HermiT.cli.CommandLine"],
            ["-c", "-I"],
            *models,
            uri=True,
        )
        output = done.stdout.decode("utf-8", "replace")
        if done.returncode != 0:
            message = output + done.stderr.decode("utf-8", "replace")
            if "InconsistentOntologyException" in message:
                return _Outcome(False, [], "HermiT: inconsistent ontology")
            raise _java_failure(self.reasoner, message)
        found: list[Triple] = []
        for relation, iris in _HERMIT_LINE.findall(output):
            terms = [ox.NamedNode(i) for i in _IRI.findall(iris)]
            if len(terms) < 2:
                continue
            if relation == "EquivalentClasses":
                found.extend((a, OWL.equivalentClass, b) for a in terms for b in terms if a != b)
            else:
                found.append((terms[0], _HERMIT_RELATIONS[relation], terms[1]))
        return _Outcome(True, found)

    def _pellet(self, triples: Sequence[Triple]) -> _Outcome:
        """owlready2's Pellet through owlready2 itself (``sync_reasoner_pellet``): the data is
        loaded into an owlready2 world, and the inferences read back from the ontology
        owlready2 writes them into."""
        import owlready2

        world = owlready2.World()
        try:
            world.get_ontology(GRAPH.term("reasoning").value).load(
                fileobj=io.BytesIO(_ntriples(triples)), format="ntriples"
            )
            inferred = world.get_ontology(INFERRED_GRAPH.value)
            try:
                with inferred:
                    owlready2.sync_reasoner_pellet(world, debug=0)
            except owlready2.OwlReadyInconsistentOntologyError as err:
                return _Outcome(False, [], str(err))
            except owlready2.OwlReadyJavaError as err:
                raise _java_failure(self.reasoner, str(err)) from None
            except FileNotFoundError as err:  # Java vanished between the check and the run
                raise ReasonerError(f"cannot start Java: {err}") from None
            out = io.BytesIO()
            inferred.save(file=out, format="ntriples")
            found = [_triple(t) for t in ox.parse(out.getvalue(), format=ox.RdfFormat.N_TRIPLES)]
            return _Outcome(True, found)
        finally:
            world.close()

    def consistent(self, triples: Sequence[Triple]) -> bool:
        """Only whether ``triples`` are consistent: the reasoner's own consistency check, about
        twice as fast as classifying (the explanation runs it many times)."""
        self.runs += 1
        if self.reasoner == "hermit":
            head = [_memory(), _QUICK_START, "-cp", _classpath("hermit")]
            done = self._java(
                [*head, "org.semanticweb.HermiT.cli.CommandLine"], ["-k"], triples, uri=True
            )
        else:
            head = [_memory(), _QUICK_START, "-cp", _classpath("pellet"), "pellet.Pellet"]
            options = ["consistency", "--loader", "Jena", "--input-format", "N-Triples"]
            done = self._java(head, [*options, "--ignore-imports"], triples, uri=False)
        output = (done.stdout + done.stderr).decode("utf-8", "replace")
        if "InconsistentOntologyException" in output or "Consistent: No" in output:
            return False
        if done.returncode == 0 and ("is satisfiable" in output or "Consistent: Yes" in output):
            return True
        raise _java_failure(self.reasoner, output)

    @staticmethod
    def _java(
        head: list[str], options: list[str], *models: Sequence[Triple], uri: bool
    ) -> subprocess.CompletedProcess[bytes]:
        """Run Java on ``models``, each written to a temporary N-Triples file of its own."""
        import owlready2

        with tempfile.TemporaryDirectory(prefix="samklang-reason-") as folder:
            paths = [Path(folder) / f"graph-{i}.nt" for i in range(len(models))]
            for path, triples in zip(paths, models, strict=True):
                path.write_bytes(_ntriples(triples))
            names = [path.as_uri() if uri else str(path) for path in paths]
            command = [owlready2.JAVA_EXE, *head, *options, *names]
            try:
                return subprocess.run(command, capture_output=True, check=False)
            except FileNotFoundError as err:  # Java vanished between the check and the run
                raise ReasonerError(f"cannot start Java: {err}") from None


_HERMIT_LINE = re.compile(
    r"^(SubClassOf|EquivalentClasses|Type)\( ((?:(?:<[^>]+>|_:\S+)\s*)+)\)$", re.MULTILINE
)
_IRI = re.compile(r"<([^>]+)>")
_HERMIT_RELATIONS = {"SubClassOf": RDFS.subClassOf, "Type": RDF.type}


def _memory() -> str:
    """The Java heap owlready2 gives its reasoners (``owlready2.reasoning.JAVA_MEMORY``, MB)."""
    import owlready2.reasoning

    return f"-Xmx{getattr(owlready2.reasoning, 'JAVA_MEMORY', 2000)}M"


_QUICK_START = "-XX:TieredStopAtLevel=1"
"""Short Java runs start about a quarter faster without the optimising compiler."""


def _ntriples(triples: Iterable[Triple]) -> bytes:
    buffer = io.BytesIO()
    ox.serialize((ox.Triple(*t) for t in triples), buffer, format=ox.RdfFormat.N_TRIPLES)
    return buffer.getvalue()


def _classpath(reasoner: str) -> str:
    """The Java class path of a reasoner bundled with owlready2 (as owlready2 builds it)."""
    folder = Path(str(files("owlready2").joinpath(reasoner)))
    if reasoner == "hermit":
        return os.pathsep.join([str(folder), str(folder / "HermiT.jar")])
    return os.pathsep.join(str(jar) for jar in sorted(folder.glob("*.jar")))


def _java() -> str | None:
    """The Java executable owlready2 will run, or ``None`` if there is none."""
    import owlready2

    return shutil.which(owlready2.JAVA_EXE)


_CLASS_VERSION = re.compile(
    r"class file version (\d+)(?:\.\d+)?\), this version of the Java Runtime only "
    r"recognizes class file versions up to (\d+)"
)


def _java_failure(reasoner: str, message: str) -> SamklangError:
    """One sentence for a Java error of the reasoner, instead of its stack trace."""
    import owlready2

    version = getattr(owlready2, "VERSION", "?")
    name = {"hermit": "HermiT", "pellet": "Pellet"}[reasoner]
    found = _CLASS_VERSION.search(message)
    if found:
        needed, have = (int(v) - 44 for v in found.groups())  # class file 61 is Java 17
        return ReasonerUnavailableError(
            {
                "sv": f"{name} i owlready2 {version} kräver Java {needed} eller senare, men "
                f"datorn har Java {have}: använd --reasoner hermit, installera en nyare Java, "
                "eller installera owlready2 0.49 (pip install 'owlready2==0.49'), vars Pellet "
                "fungerar med Java 8 och senare",
                "en": f"{name} as shipped with owlready2 {version} needs Java {needed} or newer "
                f"but this computer has Java {have}: use --reasoner hermit, install a newer "
                "Java, or install owlready2 0.49 (pip install 'owlready2==0.49'), whose Pellet "
                "runs on Java 8 and later",
            }
        )
    lines = [ln.strip() for ln in message.splitlines() if ln.strip()]
    cause = next(
        (ln for ln in lines if ("Exception" in ln or "Error" in ln) and not ln.startswith("at ")),
        lines[-1] if lines else "no message",
    )
    return ReasonerError(f"the reasoner {name} stopped with a Java error: {cause}")
