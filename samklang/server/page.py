"""The endpoint's offline query page (``GET /``): YASGUI, vendored, preloaded with the research
queries (``GET /queries.json``) and driven by ``page.js``; the page is written from the template
``templates/page.html.j2`` (autoescaped) and served under :data:`PAGE_SECURITY`."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from samklang.templating import environment

PAGE_SECURITY = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
"""The page's Content-Security-Policy: its own scripts and styles only, nothing from outside."""


def query_list(lang: str) -> list[dict[str, Any]]:
    """The research queries as the page shows them: parameters bound to their defaults through
    a ``VALUES`` row the reader can edit, and the project's prefixes declared."""
    from samklang.graph.sparql_text import bind_values
    from samklang.graph.store import with_prefixes
    from samklang.queries.research import library

    out = []
    for q in library().values():
        head = [f"# {q.title.get(lang, q.name)}", f"# {q.description.get(lang, '')}"]
        for p in q.parameters:
            head.append(f"# ?{p.name} ({p.type}): {p.description.get(lang, '')}")
        text = bind_values(q.query, q.bindings())
        out.append(
            {
                "name": q.name,
                "title": q.title.get(lang, q.name),
                "description": q.description.get(lang, ""),
                "query": "\n".join(head) + "\n" + with_prefixes(text),
            }
        )
    return out


_TEXT = {
    "sv": {
        "title": "samklang – SPARQL",
        "intro": "Fråga kunskapsgrafen med SPARQL. Flikarna innehåller forskningsbibliotekets "
        "frågor; parametrarna står i VALUES-raden överst i varje fråga. Endast läsning.",
        "endpoint": "Ändpunkt",
    },
    "en": {
        "title": "samklang – SPARQL",
        "intro": "Query the knowledge graph with SPARQL. The tabs hold the research library's "
        "queries; their parameters are in the VALUES row at the top of each. Read-only.",
        "endpoint": "Endpoint",
    },
}


def query_page(lang: str) -> str:
    """The query page in ``lang`` (Swedish for a language it has no text in)."""
    template = environment("samklang.server").get_template("page.html.j2")
    return template.render(lang=lang, text=_TEXT.get(lang, _TEXT["sv"]))


def query_page_script() -> str:
    """``page.js``: opens YASGUI on the endpoint and a tab per research query."""
    return files("samklang.server").joinpath("assets/page.js").read_text(encoding="utf-8")
