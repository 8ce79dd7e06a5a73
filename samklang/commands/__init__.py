"""The commands of the ``samklang`` CLI, one module per family."""
