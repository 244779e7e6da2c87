"""briefing: a sourced, validated fact base about news articles, and a dashboard over it.

    import briefing
    facts = briefing.load()          # validated frames: facts.events, facts.evidence, …
    briefing.dashboard(facts)        # the interactive page (ipywidgets + plotly)
"""

import importlib
import sys
import types
from typing import Any

# `channels`, `load` and `select` are functions named like their modules: importing them
# here binds the names to the functions (a later `import briefing.select` does not rebind:
# the subpackage is already imported). `draft` is one too, imported on first use (below).
from briefing.channels import channels
from briefing.load import load
from briefing.model import COLUMNS, FRAMES, Briefing, FactError, Problem
from briefing.select import Selection, select

__all__ = ["COLUMNS", "FRAMES", "Briefing", "Dashboard", "FactError", "Problem", "Selection",
           "channels", "dashboard", "draft", "load", "select", "workbench"]

# Widgets and charts are imported on first use, so the CLI and plain data work stay light;
# the drafter too, so that a viewer's kernel (which only loads and shows) never imports it.
_LAZY = {"draft": ("briefing.draft", "draft"),
         "dashboard": ("briefing.dashboard", "dashboard"),
         "Dashboard": ("briefing.dashboard", "Dashboard"),
         "workbench": ("briefing.workbench", "workbench")}


def _lazy(name: str) -> property:
    module, attr = _LAZY[name]

    def get(self: types.ModuleType) -> Any:
        return getattr(importlib.import_module(module), attr)

    def set_(self: types.ModuleType, value: Any) -> None:
        # Importing a subpackage binds it on its parent (`briefing.dashboard = <module>`)
        # the first time, whoever imports it (the workbench's preview does). A plain
        # module attribute would then shadow the function for the rest of the session;
        # this property keeps the public name the function and lets the binding pass.
        if not isinstance(value, types.ModuleType):
            raise AttributeError(f"briefing.{name} is the public function; it cannot be set")

    return property(get, set_, doc=f"`{module}.{attr}`, imported on first use")


class _Package(types.ModuleType):
    """The `briefing` module, with its lazily imported public names as properties."""


for _name in _LAZY:
    setattr(_Package, _name, _lazy(_name))
sys.modules[__name__].__class__ = _Package
