"""The scripts and stylesheets a page carries inline, read from the package: vis-network
(vendored from the npm registry, see ``samklang/vendor/vis-network/README.md``) and the page's
own, made safe to inline (no ``</script`` or ``</style`` ends their element early, and the
source-map comment, which would make developer tools fetch a file, is dropped)."""

from __future__ import annotations

import functools
import re
from importlib.resources import files

VIS_NETWORK = "vendor/vis-network"


def asset(path: str) -> str:
    """The text of ``path`` in the package."""
    return files("samklang").joinpath(path).read_text(encoding="utf-8")


def inline_script(source: str) -> str:
    """Vendored or own script text, made safe to inline."""
    source = re.sub(r"//# sourceMappingURL=\S+\s*$", "", source.rstrip())
    return re.sub(r"</(script)", r"<\\/\1", source, flags=re.IGNORECASE)


def inline_style(source: str) -> str:
    """A stylesheet's text, made safe to inline."""
    source = re.sub(r"/\*# sourceMappingURL=[^*]*\*/\s*$", "", source.rstrip())
    return re.sub(r"</(style)", r"<\\/\1", source, flags=re.IGNORECASE)


def vis_network_version() -> str:
    """The version of the vendored vis-network."""
    return asset(f"{VIS_NETWORK}/VERSION").strip()


@functools.cache
def vis_network_js() -> str:
    """vis-network's script, ready to inline."""
    return inline_script(asset(f"{VIS_NETWORK}/vis-network.min.js"))


@functools.cache
def vis_network_css() -> str:
    """vis-network's stylesheet, ready to inline."""
    return inline_style(asset(f"{VIS_NETWORK}/vis-network.min.css"))
