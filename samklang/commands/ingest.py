"""``samklang ingest``: draft a dataset from a plan document."""

from __future__ import annotations

from pathlib import Path

import click

from samklang.commands.options import language_option, reports_errors

MESSAGES = {
    "sv": {
        "written": "Utkastet skrevs till {folder}:",
        "summary": "samklang: {facts} uppgifter i {records} poster ur {name}; "
        "{reviews} punkter att granska (se {folder}/GRANSKA.md).",
        "placeholder": "samklang: kommunkoden står inte i texten; utkastet använder "
        "platshållaren 0000. Ange koden med --kod NNNN eller i municipality.yaml.",
    },
    "en": {
        "written": "The draft was written to {folder}:",
        "summary": "samklang: {facts} facts in {records} records from {name}; "
        "{reviews} points to review (see {folder}/GRANSKA.md).",
        "placeholder": "samklang: the text states no municipality code; the draft uses the "
        "placeholder 0000. Give the code with --kod NNNN or in municipality.yaml.",
    },
}


def _code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not (len(value) == 4 and value.isdigit()):
        raise click.BadParameter(f"'{value}' is not four digits, e.g. 0685")
    return value


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to write the draft into; must not exist or be empty. "
    "[default: NAME-utkast beside the document]",
)
@click.option(
    "--kod",
    callback=_code,
    default=None,
    metavar="NNNN",
    help="The municipality's SCB code, when the text does not state it (else 0000, marked "
    "for review).",
)
@click.option(
    "--kommun",
    default=None,
    metavar="NAME",
    help="The municipality's name, when the text does not name it (e.g. 'Vetlanda kommun').",
)
@language_option
@reports_errors
def ingest(file: Path, output: Path | None, kod: str | None, kommun: str | None, lang: str) -> None:
    """Draft a dataset from the plan document FILE (.txt, .md, .docx or .pdf).

    Every value in the draft carries a comment saying which line and characters of the text
    it was read from; what could not be decided is marked GRANSKA and listed in GRANSKA.md.
    """
    from samklang.graph.ingest import ingest as run_ingest
    from samklang.graph.ingest.draft import evidence_of

    draft = run_ingest(file, code=kod, name=kommun)
    folder = output or file.with_name(f"{file.stem}-utkast")
    written = draft.write(folder)
    text = MESSAGES[lang]
    click.echo(text["written"].format(folder=folder))
    for path in written:
        click.echo(f"  {folder / path}")
    entities = draft.extraction.entities
    facts = sum(len(evidence_of(e)) for e in entities)
    click.echo(
        text["summary"].format(
            facts=facts,
            records=len(entities),
            name=file.name,
            reviews=len(draft.review) + len(draft.skipped),
            folder=folder,
        ),
        err=True,
    )
    if draft.code_is_placeholder:
        click.echo(text["placeholder"], err=True)


COMMANDS = [ingest]
