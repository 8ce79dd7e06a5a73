"""The words and patterns the ingester reads Swedish planning text with, each named.

Everything the ingester recognises is listed in this package, one module per kind of fact, so a
reviewer can read what it looks for and why it finds (or misses) something; the readers use
them as ``pat.NAME`` whatever the module. Patterns are case-sensitive unless they say otherwise:
capital letters tell names (``Lokalpolisområde Höglandet``) from ordinary words.
"""

from samklang.graph.ingest.patterns.documents import *  # noqa: F403
from samklang.graph.ingest.patterns.goals import *  # noqa: F403
from samklang.graph.ingest.patterns.groups import *  # noqa: F403
from samklang.graph.ingest.patterns.method import *  # noqa: F403
from samklang.graph.ingest.patterns.organisations import *  # noqa: F403
from samklang.graph.ingest.patterns.parties import *  # noqa: F403
from samklang.graph.ingest.patterns.references import *  # noqa: F403
from samklang.graph.ingest.patterns.words import *  # noqa: F403
