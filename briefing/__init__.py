"""briefing: a sourced, validated fact base about news articles, and a dashboard over it."""

from briefing.load import load
from briefing.model import COLUMNS, FRAMES, Briefing, FactError, Problem

__all__ = ["COLUMNS", "FRAMES", "Briefing", "FactError", "Problem", "load"]
