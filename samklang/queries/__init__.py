"""Coherence rules (SPARQL files with metadata) and the runner that checks a graph with them."""
