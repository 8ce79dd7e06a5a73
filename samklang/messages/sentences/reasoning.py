"""OWL reasoning (samklang reason)."""

from __future__ import annotations

from samklang.messages.message import Message, m

SENTENCES: tuple[Message, ...] = (
    # --- reason (samklang/reasoning/) ----------------------------------------------
    m("'{name}' is not a reasoner; expected one of {names}",
      "'{name}' är ingen reasoner; förväntade någon av {names}"),
    m("cannot start Java: {reason}", "Java kan inte startas: {reason}"),
    m("the reasoner {name} stopped with a Java error: {cause}",
      "reasonern {name} avbröts av ett fel i Java: {cause}"),
)
