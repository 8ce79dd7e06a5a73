"""The samklang ontology and its SKOS vocabularies, shipped as Turtle package data."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable

import pyoxigraph as ox

from samklang.ontology.namespace import (
    DATA,
    GRAPH,
    LAW,
    SK,
    SKDOC,
    SKDOM,
    SKFAC,
    SKKIND,
    SKPH,
    SKST,
    Namespace,
    OntologyNamespace,
)

__all__ = [
    "DATA",
    "GRAPH",
    "LAW",
    "SK",
    "SKDOC",
    "SKDOM",
    "SKFAC",
    "SKKIND",
    "SKPH",
    "SKST",
    "Namespace",
    "OntologyNamespace",
    "ontology_file",
    "ontology_files",
    "file_triples",
    "ontology_triples",
    "turtle_files",
]


def ontology_file() -> Traversable:
    """The ontology itself, ``samklang.ttl``."""
    return files(__package__).joinpath("samklang.ttl")


def ontology_files() -> list[Traversable]:
    """The ontology's Turtle files: ``samklang.ttl``, then any others beside it by name
    (such as the defined classes used for reasoning)."""
    others = (
        f
        for f in files(__package__).iterdir()
        if f.name.endswith(".ttl") and f.name != "samklang.ttl"
    )
    return [ontology_file(), *sorted(others, key=lambda f: f.name)]


def turtle_files() -> Iterator[Traversable]:
    """Every Turtle file of the package: the ontology files, then the vocabularies by name."""
    yield from ontology_files()
    vocabularies = files(__package__).joinpath("vocabularies")
    yield from sorted(
        (f for f in vocabularies.iterdir() if f.name.endswith(".ttl")), key=lambda f: f.name
    )


@functools.cache
def ontology_triples() -> tuple[ox.Triple, ...]:
    """Every triple of the package's Turtle files, parsed once per process."""
    return tuple(t for resource in turtle_files() for t in file_triples(resource))


def file_triples(resource: Traversable) -> tuple[ox.Triple, ...]:
    """The triples of one Turtle file of the package, parsed once per process (the
    namespaces' known terms and :func:`ontology_triples` read the same files)."""
    key = str(resource)
    found = _PARSED.get(key)
    if found is None:
        with resource.open("rb") as stream:
            found = _PARSED[key] = tuple(ox.parse(stream, format=ox.RdfFormat.TURTLE))
    return found


_PARSED: dict[str, tuple[ox.Triple, ...]] = {}
