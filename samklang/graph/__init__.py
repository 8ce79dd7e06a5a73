"""From source files to an RDF graph, and the stores that hold it."""
