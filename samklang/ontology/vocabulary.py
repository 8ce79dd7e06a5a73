"""Look up concepts of the SKOS vocabularies by id or label, as a planner writes them."""

from __future__ import annotations

import difflib
import functools
import unicodedata
from dataclasses import dataclass, field

import pyoxigraph as ox

from samklang.ontology import ontology_triples
from samklang.ontology.namespace import (
    SK,
    SKDOC,
    SKDOM,
    SKFAC,
    SKKIND,
    SKLB,
    SKOS,
    SKPH,
    SKST,
    Namespace,
)

SCHEMES: dict[str, Namespace] = {
    "document-type": SKDOC,
    "domain": SKDOM,
    "factor": SKFAC,
    "status": SKST,
    "kind": SKKIND,
    "phase": SKPH,
    "lagesbild-part": SKLB,
}
"""Vocabulary names used by the input schema, and their namespaces."""


def _fold(text: str) -> str:
    """Case- and accent-insensitive key: ``Föräldrars missbruk`` → ``foraldrars missbruk``."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("_", "-")


@dataclass
class Scheme:
    """One vocabulary: its concepts by id, and a lookup by folded id or label."""

    name: str
    namespace: Namespace
    ids: dict[str, ox.NamedNode] = field(default_factory=dict)
    keys: dict[str, set[str]] = field(default_factory=dict)

    def lookup(self, text: str) -> ox.NamedNode:
        """The concept ``text`` names (its id, or its Swedish or English label).

        Raises:
            LookupError: with a sentence naming what was expected.
        """
        found = self.keys.get(_fold(text), set())
        if len(found) == 1:
            return self.ids[next(iter(found))]
        if len(found) > 1:
            raise LookupError(
                f"'{text}' is ambiguous among {self.name}s; write one of the ids "
                + ", ".join(sorted(found))
            )
        close = difflib.get_close_matches(_fold(text), list(self.keys), n=3, cutoff=0.6)
        hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
        expected = ", ".join(sorted(self.ids)) if len(self.ids) <= 12 else "an id listed in docs"
        raise LookupError(f"'{text}' is not a known {self.name}{hint}; expected {expected}")


@dataclass
class Vocabularies:
    """All schemes, and which domain each factor lies in."""

    schemes: dict[str, Scheme]
    factor_domain: dict[str, str]
    labels: dict[str, dict[str, str]]

    def lookup(self, scheme: str, text: str) -> ox.NamedNode:
        """Shorthand for ``self.schemes[scheme].lookup(text)``."""
        return self.schemes[scheme].lookup(text)


@functools.cache
def vocabularies() -> Vocabularies:
    """Read the vocabularies from the package's Turtle (once per process)."""
    schemes = {name: Scheme(name, ns) for name, ns in SCHEMES.items()}
    factor_domain: dict[str, str] = {}
    labels: dict[str, dict[str, str]] = {}
    for t in ontology_triples():
        s, p, o = t.subject, t.predicate, t.object
        if not isinstance(s, ox.NamedNode):
            continue
        if p == SK.inDomain and isinstance(o, ox.NamedNode):
            factor_domain[s.value] = o.value
        if p in (SKOS.prefLabel, SKOS.notation) and isinstance(o, ox.Literal):
            if p == SKOS.prefLabel and o.language:
                labels.setdefault(s.value, {})[o.language] = o.value
            for scheme in schemes.values():
                if s in scheme.namespace and not s.value.endswith("/scheme"):
                    local = s.value[len(scheme.namespace.iri) :]
                    scheme.ids[local] = s
                    scheme.keys.setdefault(_fold(local), set()).add(local)
                    scheme.keys.setdefault(_fold(o.value), set()).add(local)
    return Vocabularies(schemes, factor_domain, labels)
