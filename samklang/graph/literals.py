"""The literals a dataset's quads are written with, one function per kind of value, so that
every writer of a dataset's quads (the builder, the follow-up's measures) writes a value the
same way and the rules compare like with like."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pyoxigraph as ox

from samklang.ontology.namespace import XSD


def text_literal(value: str) -> ox.Literal:
    """Text written in the dataset's files: Swedish (``"…"@sv``)."""
    return ox.Literal(value, language="sv")


def integer_literal(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD.integer)


def date_literal(value: date) -> ox.Literal:
    return ox.Literal(value.isoformat(), datatype=XSD.date)


def boolean_literal(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=XSD.boolean)


def decimal_literal(value: Decimal) -> ox.Literal:
    """An ``xsd:decimal`` written out in full (``1234.5``, never ``1.2345E+3``)."""
    return ox.Literal(format(value, "f"), datatype=XSD.decimal)


def year_literal(year: int) -> ox.Literal:
    """A year as ``xsd:gYear``, as the follow-up terms of decision 0007 have them."""
    return ox.Literal(f"{year:04d}", datatype=XSD.gYear)
