"""``samklang viz``: the planning graph drawn as offline HTML pages, one module per view."""
