"""click's own messages: bad usage found while parsing the command line."""

from __future__ import annotations

from samklang.messages.message import Message, m

SENTENCES: tuple[Message, ...] = (
    # --- click's own messages (bad usage found while parsing the command line) ---------------
    m("Invalid value for {option}: {message}", "Ogiltigt värde för {option}: {message}"),
    m("Invalid value: {message}", "Ogiltigt värde: {message}"),
    m("Missing argument {option}.", "Argumentet {option} saknas."),
    m("Missing argument {option}. {more}", "Argumentet {option} saknas. {more}"),
    m("Missing option {option}.", "Flaggan {option} saknas."),
    m("Missing option {option}. {more}", "Flaggan {option} saknas. {more}"),
    m("Missing parameter {option}.", "Parametern {option} saknas."),
    m("Choose from:\n\t{choices}", "Välj bland:\n\t{choices}"),
    m("No such option {name}.", "Flaggan {name} finns inte."),
    m("No such option {name}. {option}", "Flaggan {name} finns inte. {option}"),
    m("No such command {name}.", "Kommandot {name} finns inte."),
    m("No such command {name}. {option}", "Kommandot {name} finns inte. {option}"),
    m("Did you mean {name}?", "Menade du {name}?"),
    m("(Did you mean one of: {names}?)", "(Menade du någon av: {names}?)"),
    m("Missing command.", "Ange ett kommando."),
    m("Option {name} requires an argument.", "Flaggan {name} kräver ett värde."),
    m("Option {name} does not take a value.", "Flaggan {name} tar inget värde."),
    m("Got unexpected extra argument ({args})", "Oväntat extra argument ({args})"),
    m("Got unexpected extra arguments ({args})", "Oväntade extra argument ({args})"),
    m("{value} is not {choice}.", "{value} är inte {choice}."),
    m("{value} is not one of {choices}.", "{value} är inget av {choices}."),
    m("{value} is not in the range {range}.", "{value} ligger utanför intervallet {range}."),
    m("{value} is not a valid {kind}.", "{value} är inget giltigt {kind}.", "kind"),
    m("File {name} does not exist.", "Filen {name} finns inte."),
    m("Directory {name} does not exist.", "Mappen {name} finns inte."),
    m("Path {name} does not exist.", "Sökvägen {name} finns inte."),
    m("File {name} is a directory.", "{name} är en mapp, ingen fil."),
    m("Path {name} is a directory.", "{name} är en mapp."),
    m("Directory {name} is a file.", "{name} är en fil, ingen mapp."),
    m("Path {name} is a file.", "{name} är en fil."),
)
