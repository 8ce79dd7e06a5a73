"""Reading a request: the refusal the endpoint answers with, and a body decoded by the
charset its ``Content-Type`` declares (or refused)."""

from __future__ import annotations


class RefusalError(Exception):
    """A request the endpoint will not run: an HTTP status and one sentence."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def charset_of(content_type: str) -> str:
    """The ``charset`` parameter of a ``Content-Type`` header (default UTF-8).

    >>> charset_of('application/sparql-query; charset="ISO-8859-1"')
    'ISO-8859-1'
    """
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip('"'):
            return value.strip().strip('"')
    return "utf-8"


UTF8_ONLY = ("application/sparql-query", "application/sparql-update")
"""Media types whose encoding "is always UTF-8" (their IANA registrations, SPARQL 1.1 Query
and Update): a body declaring another charset is refused (the W3C protocol test
``bad_query_non_utf8``), where a form is read in the charset it declares."""


def decoded(body: bytes, content_type: str) -> str:
    """A request body as text: UTF-8 for a SPARQL query or update, a form in the charset its
    ``Content-Type`` declares.

    Raises:
        RefusalError: 415, the charset is unknown, not UTF-8 for a query or update, or the
            body is not in it.
    """
    import codecs

    charset = charset_of(content_type)
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        raise RefusalError(
            415, f"The charset {charset!r} of the request is unknown; send UTF-8."
        ) from None
    media_type = content_type.split(";")[0].strip().lower()
    if media_type in UTF8_ONLY and name not in ("utf-8", "ascii"):
        raise RefusalError(
            415,
            f"{media_type} is always UTF-8, and the request declares the charset {charset}; "
            "send the query in UTF-8.",
        )
    try:
        return body.decode(charset)
    except UnicodeDecodeError as err:
        raise RefusalError(
            415,
            f"The request body is not in the charset it declares ({charset}): byte "
            f"{err.start} cannot be read; send UTF-8, or declare the charset it is in.",
        ) from None
