"""The briefing page as a viewer's kernel opens it: `page()`.

The page plan (`plan.page_plan`) of a fact base is stored in the page cache
(`briefing.cache`), keyed by the fact files as they are on disk (path, size, time), the
package's code and the libraries that shape the page. A kernel that opens facts another
kernel showed reads the plan back and builds the widgets from it: it imports neither
pandas nor plotly, and reads the frames only when something needs them (an export,
`dash.facts`, or a selection its browser cannot draw by itself: `Dashboard._browser_draws`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from briefing import cache as disk
from briefing.folders import discover, fact_files

from .page import Dashboard

if TYPE_CHECKING:
    from briefing.model import Briefing

# Plans of a few fact bases (a server usually shows one).
MAX_STORED_PAGES = 8

# The libraries whose versions may change what a plan holds.
_LIBRARIES = ("pandas", "numpy", "plotly", "ipywidgets", "anywidget", "pyyaml")


def page(path: Path | str | Sequence[Path | str] | None = None, *,
         errors: Literal["raise", "skip"] = "skip") -> Dashboard:
    """The briefing page for the fact base at `path` (as `briefing.load` takes it; default:
    `$BRIEFING_FACTS`, else the embedded articles). Articles with problems are left out and
    listed on the page (`errors="skip"`), unless `errors="raise"`.

    From the page cache when the same facts were shown by the same code before; otherwise
    the facts are loaded, the page built and its plan stored."""
    folders = discover(path)

    def facts() -> Briefing:  # read on first use: `load` imports the frame libraries
        from briefing.load import load

        return load(folders, errors=errors)

    if disk.disabled_by_env():
        return Dashboard(facts())
    store = disk.Cache()
    entry = disk.key("page", errors, *map(str, folders))
    # the codebooks are stamped on every call: `BRIEFING_ASSETS` may point elsewhere
    check = f"{_versions()} {disk.codebooks_stamp()} {disk.stamp(fact_files(folders))}"
    plan = store.get("pages", entry, check)
    if isinstance(plan, dict):
        return Dashboard.from_plan(plan, facts)
    from briefing.dashboard.plan import page_plan

    b = facts()
    plan = page_plan(b, with_reading=True)
    store.put("pages", entry, check, plan, keep=MAX_STORED_PAGES)
    return Dashboard.from_plan(plan, facts, loaded=b)


@cache
def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    def one(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "-"

    libs = " ".join(f"{n}={one(n)}" for n in _LIBRARIES)
    return f"{disk.package_sources()} {libs}"
