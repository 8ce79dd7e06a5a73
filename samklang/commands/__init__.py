"""The commands of the ``samklang`` CLI, one module per family.

Each module lists its click commands in ``COMMANDS``; ``samklang/cli.py`` registers them all.
A module imports heavy libraries inside its commands, so that ``samklang --help`` stays fast.
"""
