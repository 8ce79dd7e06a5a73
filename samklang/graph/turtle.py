"""A dataset's own Turtle files: read, and held to speaking only about the dataset's resources.

A municipality's dataset may add Turtle for what its YAML cannot express, but only about its
own resources (``…/data/{kommunkod}/…``, and blank nodes those reach): a triple whose subject
is another municipality's resource, a shared dataset's (``…/data/shared/{owner}/…``: stated
once, by its owner), a term of the ontology or a vocabulary, or anything else outside the
dataset's namespace, is refused; so is any acceptance of a finding, which comes only from the
dataset's ``accepted:`` section. Otherwise one municipality's file could change another's
results in a corpus, a store or the national view (issue 17).

rdflib and pyoxigraph report no position for a parsed triple, so the line of a refused one
is found by a second pass over the file's text: the first line that holds the subject as
written (``<iri>``, a relative ``<local>`` or a ``prefix:local`` of the file's prefixes, or a
``_:label``), else the first that holds the predicate and the object.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pyoxigraph as ox

from samklang.errors import InputError, at_line
from samklang.graph.yamlfile import read_text
from samklang.ontology.namespace import BASE, DATA, PREFIXES, RDF, SK

ACCEPTANCE_TERMS = frozenset(
    {SK.Acceptance, SK.acceptedRule, SK.acceptedFocus, SK.acceptedDocument, SK.acceptedBy}
)
"""What states an acceptance: written only in a dataset's ``accepted:`` section."""

_PREFIX = re.compile(r"^\s*@?prefix\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE | re.MULTILINE)


def turtle_triples(path: Path, base: str) -> tuple[str, list[ox.Triple]]:
    """The text of a Turtle file and its triples. A relative IRI resolves against ``base``
    (the dataset's namespace), never against the file's place on this machine.

    Raises:
        InputError: the file cannot be read or is not valid Turtle.
    """
    text = read_text(path)
    try:
        triples = list(ox.parse(text.encode(), format=ox.RdfFormat.TURTLE, base_iri=base))
    except SyntaxError as err:
        problem = str(err.msg).split(": ", 1)[-1]
        raise InputError(path, at_line(err.lineno), f"is not valid Turtle: {problem}") from err
    return text, _own_blank_nodes(triples, f"{base} {path.name}")


def _own_blank_nodes(triples: list[ox.Triple], scope: str) -> list[ox.Triple]:
    """The triples with each blank node label made the file's own: a blank node's label holds
    only inside its document (RDF 1.1), so ``_:b1`` of two files, or of two municipalities'
    files, are two nodes, not one that either could add to. The new labels are the same at
    every read (a digest of the dataset's namespace and the file's name before the label)."""
    prefix = "f" + hashlib.sha256(scope.encode()).hexdigest()[:12] + "_"
    renamed: dict[str, ox.BlankNode] = {}

    def own(term: ox.Term) -> ox.Term:
        if isinstance(term, ox.BlankNode):
            if term.value not in renamed:
                renamed[term.value] = ox.BlankNode(prefix + term.value)
            return renamed[term.value]
        return term

    return [
        ox.Triple(own(t.subject), t.predicate, own(t.object))  # type: ignore[arg-type]
        for t in triples
    ]


def own_turtle_quads(
    files: list[Path], own: str, graph: ox.NamedNode
) -> list[ox.Quad]:
    """The triples of a dataset's Turtle files, in ``graph``, each about the dataset's own
    resources (namespace ``own``) or a blank node they reach.

    Raises:
        InputError: naming the file and line of the first triple that is not, or that
            states an acceptance.
    """
    read = [(path, *turtle_triples(path, own)) for path in files]
    everything = [t for _, _, triples in read for t in triples]
    reached = _blank_nodes_reached(everything, own)
    for blank in (False, True):  # a named subject first: it says more than a blank node
        for path, text, triples in read:
            for triple in triples:
                if isinstance(triple.subject, ox.BlankNode) == blank:
                    _check(path, text, triple, own, reached)
    return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in everything]


def _blank_nodes_reached(triples: list[ox.Triple], own: str) -> set[ox.BlankNode]:
    """Blank nodes that are objects of the dataset's own resources, or of blank nodes those
    reach (each file's blank nodes its own: :func:`_own_blank_nodes`)."""
    objects: dict[ox.NamedNode | ox.BlankNode, list[ox.BlankNode]] = {}
    for t in triples:
        if isinstance(t.object, ox.BlankNode):
            objects.setdefault(t.subject, []).append(t.object)
    todo = [n for s, nodes in objects.items() if _is_own(s, own) for n in nodes]
    reached: set[ox.BlankNode] = set()
    while todo:
        node = todo.pop()
        if node not in reached:
            reached.add(node)
            todo.extend(objects.get(node, []))
    return reached


def _is_own(subject: object, own: str) -> bool:
    return isinstance(subject, ox.NamedNode) and subject.value.startswith(own)


def _check(
    path: Path, text: str, triple: ox.Triple, own: str, reached: set[ox.BlankNode]
) -> None:
    """Refuse the triple if the dataset's Turtle may not state it.

    Raises:
        InputError: naming the file and the triple's line.
    """

    def line() -> str | None:
        return at_line(_line_of(text, triple, own))

    s = triple.subject
    if triple.predicate in ACCEPTANCE_TERMS or (
        triple.predicate == RDF.type and triple.object in ACCEPTANCE_TERMS
    ):
        raise InputError(
            path,
            line(),
            "states an acceptance of a finding; an acceptance is written in the dataset's "
            "'accepted:' section (samklang accept), not in Turtle"
        )
    if isinstance(s, ox.BlankNode):
        if s in reached:
            return
        raise InputError(
            path,
            line(),
            "states something about a blank node that none of the dataset's own resources "
            f"refers to; expected statements about resources in its namespace {own}"
        )
    if not isinstance(s, ox.NamedNode) or s.value.startswith(own):
        return
    iri = s.value
    shared = DATA.iri + "shared/"
    if iri.startswith(shared):
        owner = iri[len(shared) :].split("/", 1)[0]
        raise InputError(
            path,
            line(),
            f"states something about '{iri}', a resource of the shared dataset '{owner}'; "
            "a shared document is stated once, by its owner, and other datasets refer to it "
            "as an object only"
        )
    if iri.startswith(DATA.iri):
        code = iri[len(DATA.iri) :].split("/", 1)[0]
        raise InputError(
            path,
            line(),
            f"states something about '{iri}', a resource of municipality {code}; a dataset "
            f"states things only about its own resources (in its namespace {own}) and refers "
            "to others' as objects"
        )
    if iri.startswith(BASE) or _in_a_vocabulary(iri):
        raise InputError(
            path,
            line(),
            f"states something about '{iri}', a term of the ontology or a vocabulary; a "
            "dataset uses those terms and does not state things about them"
        )
    raise InputError(
        path,
        line(),
        f"states something about '{iri}', outside the dataset's namespace {own}; a dataset "
        "states things only about its own resources and refers to others' as objects"
    )


def _in_a_vocabulary(iri: str) -> bool:
    return any(iri.startswith(ns) for ns in PREFIXES.values())


def _line_of(text: str, triple: ox.Triple, own: str) -> int | None:
    """The line of the file that states ``triple`` (see the module's notes), or ``None``."""
    lines = text.splitlines()
    prefixes = {name: iri for name, iri in _PREFIX.findall(text)}
    subject = _spellings(triple.subject, prefixes, own)
    for number, line in enumerate(lines, 1):
        if not _PREFIX.match(line) and any(_holds(line, w) for w in subject):
            return number
    predicate = _spellings(triple.predicate, prefixes, own) | (
        {"a"} if triple.predicate == RDF.type else set()
    )
    obj = _spellings(triple.object, prefixes, own)
    for wanted in ((predicate, obj), (predicate,)):
        for number, line in enumerate(lines, 1):
            if not _PREFIX.match(line) and all(any(_holds(line, w) for w in ws) for ws in wanted):
                return number
    return None


def _spellings(term: object, prefixes: dict[str, str], own: str) -> set[str]:
    """How ``term`` may be written in a Turtle file with these prefixes."""
    if isinstance(term, ox.BlankNode):
        return {f"_:{term.value}"}
    if not isinstance(term, ox.NamedNode):
        return {term.value} if isinstance(term, ox.Literal) else set()
    iri = term.value
    found = {f"<{iri}>"}
    if iri.startswith(own):
        found.add(f"<{iri[len(own):]}>")
    found.update(
        f"{name}:{iri[len(ns):]}" for name, ns in prefixes.items() if ns and iri.startswith(ns)
    )
    return found


def _holds(line: str, spelling: str) -> bool:
    """Whether ``spelling`` stands in ``line`` as a whole token."""
    if spelling.startswith("<") or spelling.startswith('"'):
        return spelling in line
    return re.search(rf"(?<![\w:.-]){re.escape(spelling)}(?![\w:-])", line) is not None
