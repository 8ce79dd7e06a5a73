"""What a source path is — a dataset folder or a plan document — and loading it accordingly.

This is the one place that decides between the two kinds, so ``graph/dataset.py`` (folders)
and ``graph/ingest/`` (documents) need not know each other's entry points: ingest reads its
draft with :func:`samklang.graph.dataset.load_dataset_folder`, and :func:`load_dataset` here
chooses between that and :func:`samklang.graph.ingest.load_document`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from samklang.graph.dataset import Dataset

SourceKind = Literal["document", "folder"]


def source_kind(path: str | Path) -> SourceKind:
    """Whether ``path`` is a plan document (a file with a document suffix) or a dataset folder.

    Anything that is not a plan document is read as a folder, which reports a plain error when
    it is not one.

    >>> source_kind("examples/vetlanda")
    'folder'
    """
    p = Path(path)
    if p.is_file():
        # the suffixes of plan documents that load_dataset ingests on the fly; imported only
        # for a file, so that checking a folder does not import the ingest package
        from samklang.graph.ingest.text import SUFFIXES

        if p.suffix.lower() in SUFFIXES:
            return "document"
    return "folder"


def load_dataset(path: str | Path) -> Dataset:
    """Read and validate a dataset folder, or ingest a plan document, and build its RDF.

    Args:
        path: the dataset folder, or a plan document (``.txt``, ``.md``, ``.docx``, ``.pdf``).

    Returns:
        The dataset, its quads in the named graph of its municipality.

    Raises:
        InputError: a file is malformed, a value does not fit, or a reference is unknown.
    """
    if source_kind(path) == "document":
        from samklang.graph.ingest import load_document

        return load_document(path)  # type: ignore[no-any-return]
    from samklang.graph.dataset import load_dataset_folder

    return load_dataset_folder(path)
