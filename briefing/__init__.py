"""briefing: a sourced, validated fact base about news articles, and a dashboard over it.

    import briefing
    facts = briefing.load()          # validated frames: facts.events, facts.evidence, …
    briefing.dashboard(facts)        # the interactive page (ipywidgets + plotly)
    briefing.page()                  # the same page, from the page cache when it can
"""

import importlib
import sys
import types
from typing import Any

from briefing.problems import FactError, Problem
from briefing.selection import Selection

__all__ = ["COLUMNS", "FRAMES", "Briefing", "Dashboard", "FactError", "Problem", "Selection",
           "channels", "dashboard", "draft", "load", "page", "select", "workbench"]

# Everything else is imported on first use: the frame libraries (pandas, numpy) with
# `load`, `select` and the frames' names, widgets and charts with the dashboard, the
# drafter with `draft`. A viewer's kernel that shows a page it can read from the page
# cache (`page`) imports none of them; the CLI and plain data work stay light.
# `channels`, `load`, `select` and `draft` are functions named like their modules; the
# properties below keep the public name the function (see `set_`).
_LAZY = {"load": ("briefing.load", "load"),
         "select": ("briefing.select", "select"),
         "channels": ("briefing.channels", "channels"),
         "Briefing": ("briefing.model", "Briefing"),
         "COLUMNS": ("briefing.model", "COLUMNS"),
         "FRAMES": ("briefing.model", "FRAMES"),
         "draft": ("briefing.draft", "draft"),
         "dashboard": ("briefing.dashboard", "dashboard"),
         "Dashboard": ("briefing.dashboard", "Dashboard"),
         "page": ("briefing.dashboard", "page"),
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
            raise AttributeError(f"briefing.{name} is a public name of the package; it cannot "
                                 "be set")

    return property(get, set_, doc=f"`{module}.{attr}`, imported on first use")


class _Package(types.ModuleType):
    """The `briefing` module, with its lazily imported public names as properties."""


for _name in _LAZY:
    setattr(_Package, _name, _lazy(_name))
sys.modules[__name__].__class__ = _Package
