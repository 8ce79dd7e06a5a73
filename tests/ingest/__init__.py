"""Test documents for ``samklang ingest`` and the helpers that build DOCX and PDF files."""
