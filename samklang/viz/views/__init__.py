"""The views of ``samklang viz``, one module each: coverage, documents, chain, organisations and
the aggregated national view; ``model`` is what they build, ``layout`` and ``style`` how it is
placed and how it looks, ``common`` what they share."""
