"""briefing: a sourced, validated fact base about news articles, and a dashboard over it.

    import briefing
    facts = briefing.load()          # validated frames: facts.events, facts.evidence, …
    briefing.dashboard(facts)        # the interactive page (ipywidgets + plotly)
"""

from typing import Any

# `channels`, `draft`, `load` and `select` are functions named like their modules:
# importing them here binds the names to the functions (a later `import briefing.select`
# does not rebind).
from briefing.channels import channels
from briefing.draft import draft
from briefing.load import load
from briefing.model import COLUMNS, FRAMES, Briefing, FactError, Problem
from briefing.select import Selection, select

__all__ = ["COLUMNS", "FRAMES", "Briefing", "Dashboard", "FactError", "Problem", "Selection",
           "channels", "dashboard", "draft", "load", "select", "workbench"]

# Widgets and charts are imported on first use, so the CLI and plain data work stay light.
_LAZY = {"dashboard": ("briefing.dashboard", "dashboard"),
         "Dashboard": ("briefing.dashboard", "Dashboard"),
         "workbench": ("briefing.workbench", "workbench")}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")
