"""Where the facts live: the assets folder, article folders and the registries beside
them. Plain paths, no frames: a viewer's kernel finds out whether a fact base changed
without importing the frame libraries (`briefing.load` reads what is found here)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from briefing.problems import FactError, Problem

FACTS = "facts.yaml"
TEXT = "article.txt"
# Entities (actors, lasting sources, issues, blocs) declared once for every article.
REGISTRY = "registry.yaml"

PathLike = Path | str


def assets_dir() -> Path:
    """The assets folder: `$BRIEFING_ASSETS` if set, else the checkout's (beside the
    package), else the copy a wheel installs under `<prefix>/share/briefing/assets`."""
    env = os.environ.get("BRIEFING_ASSETS")
    if env:
        return Path(env)
    beside = Path(__file__).resolve().parent.parent / "assets"
    if (beside / "codebooks").is_dir():
        return beside
    return Path(sys.prefix) / "share" / "briefing" / "assets"


def default_root() -> Path:
    """The fact base `load()` reads when given no path."""
    return Path(os.environ.get("BRIEFING_FACTS") or assets_dir() / "articles")


def discover(path: PathLike | Sequence[PathLike] | None = None) -> list[Path]:
    """Article folders under `path` (default: `$BRIEFING_FACTS`, else `<assets>/articles`),
    in name order. `path` may be a list of such places (a new article and the base)."""
    roots = [default_root()] if path is None else \
        [Path(p) for p in path] if isinstance(path, list | tuple) else [Path(path)]
    folders: list[Path] = []
    for root in roots:
        for folder in _discover_one(root):
            if folder not in folders:
                folders.append(folder)
    return folders


def _discover_one(root: Path) -> list[Path]:
    if not root.exists():
        raise FactError([Problem(str(root), "", "", "no such file or folder")])
    if not root.is_dir():
        raise FactError([Problem(str(root), "", "", "not a folder (give an article "
                                 "folder or a folder of article folders)")])
    if _is_article(root):
        return [root]
    # A subfolder with only one of the two files is a half-made article: keep it, so
    # that the missing file is reported rather than the article silently ignored.
    folders = sorted(p for p in root.iterdir() if p.is_dir() and _is_article(p))
    if not folders:
        raise FactError([Problem(str(root), "", "", f"no articles here: no {FACTS} or "
                                 f"{TEXT} in it or in its subfolders")])
    return folders


def _is_article(folder: Path) -> bool:
    return (folder / FACTS).exists() or (folder / TEXT).exists()


def registries(folders: Iterable[Path]) -> list[Path]:
    """The `registry.yaml` files beside the given article folders (in their parents)."""
    found = []
    for folder in folders:
        r = folder.parent / REGISTRY
        if r.is_file() and r not in found:
            found.append(r)
    return found


def fact_files(folders: Iterable[Path]) -> list[Path]:
    """Every file a fact base is read from: each folder's facts and text, the registries."""
    folders = list(folders)
    return [f / name for f in folders for name in (FACTS, TEXT)] + registries(folders)
