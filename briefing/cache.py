"""A disk cache for `briefing.load`: an unchanged fact base loads in a fraction of a second.

Two levels, both keyed by what the result depends on:

- the whole fact base: the finished `Briefing`, keyed by every article file's path, size,
  mtime and inode, the `errors` mode and the code version;
- one article: its `ArticleParse`, keyed the same way by its own two files, so that
  editing one article of a thousand re-parses only that one.

The code version is a hash of the loader's source files, the codebook files and the
versions of Python, pandas and PyYAML: changing any of them empties the cache in effect.

The cache lives outside the article folders (nothing is ever written next to the facts):
`$BRIEFING_CACHE`, else `$XDG_CACHE_HOME/briefing`, else `~/.cache/briefing`. It holds
pickles, and unpickling runs code, so a folder that another user could write to is not
used at all. Any unreadable, corrupt or mismatched entry counts as a miss; writes go to
a temporary file renamed into place, so a crash never leaves half an entry.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

_FORMAT = 1
# Entries kept, least recently used removed first: whole fact bases as loaded, and single
# articles (one per folder ever loaded: tests and scratch folders would pile up).
MAX_BASES = 8
MAX_ARTICLES = 5000


def cache_dir() -> Path:
    env = os.environ.get("BRIEFING_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "briefing" if xdg else Path.home() / ".cache" / "briefing"


def disabled_by_env() -> bool:
    return os.environ.get("BRIEFING_CACHE", "").lower() in ("0", "off", "no", "false")


def _usable(folder: Path) -> bool:
    """Create the folder (private) if needed; refuse one that others may write to."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.stat()
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    return not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


@cache
def _source_version() -> str:
    import pandas
    import yaml

    h = hashlib.sha256(f"{_FORMAT} {sys.version} {pandas.__version__} "
                       f"{yaml.__version__}".encode())
    here = Path(__file__).resolve().parent
    # Every module the loader runs: the contract and its helpers, and the whole `load`
    # package (a new module there changes the key without anyone listing it).
    files = [here / n for n in ("contract.py", "schema.py", "model.py", "text.py",
                                "codebooks.py", "cache.py")]
    for path in [*files, *sorted((here / "load").glob("*.py"))]:
        try:
            h.update(path.name.encode() + b"\0" + path.read_bytes())
        except OSError:
            h.update(path.name.encode() + b"\0missing")
    return h.hexdigest()


def code_version() -> str:
    """What a cached result depends on besides the facts: our code, codebooks, libraries.

    The codebooks are stamped on every call: `BRIEFING_ASSETS` may point elsewhere.
    """
    return _source_version() + codebooks_stamp()


def codebooks_stamp() -> str:
    """`stamp` of the codebook tables (CAMEO, PLOVER, Admiralty) as they are on disk."""
    from briefing.folders import assets_dir

    return stamp(sorted((assets_dir() / "codebooks").glob("*.csv")))


@cache
def package_sources() -> str:
    """A hash of every module of the package and every script it sends to the browser:
    what a stored page or chart depends on besides the facts and the libraries."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted([*root.rglob("*.py"), *(root / "static").glob("*.js")]):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def stamp(paths: list[Path]) -> str:
    """A fingerprint of files as they are on disk (path, size, mtime, inode)."""
    h = hashlib.sha256()
    for p in paths:
        try:
            st = p.stat()
            h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}\n".encode())
        except OSError:
            h.update(f"{p}\0missing\n".encode())
    return h.hexdigest()


class Cache:
    """One cache folder. Every method fails quietly: a cache problem is only a miss."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or cache_dir()
        self.ok = _usable(self.folder)

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / f"{key[:40]}.pickle"

    def get(self, kind: str, key: str, check: str) -> Any | None:
        """The value stored under `key` if it was stored with the same `check`."""
        if not self.ok:
            return None
        try:
            with open(self._path(kind, key), "rb") as f:
                stored_check, value = pickle.load(f)
        except Exception:  # noqa: BLE001 - missing, truncated, corrupt, stale: all misses
            return None
        if stored_check != check:
            return None
        try:
            os.utime(self._path(kind, key))  # recently used: kept longest
        except OSError:
            pass
        return value

    def put(self, kind: str, key: str, check: str, value: Any, *, keep: int | None = None
            ) -> None:
        if not self.ok:
            return
        folder = self.folder / kind
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump((check, value), f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self._path(kind, key))
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except Exception:  # noqa: BLE001 - a full disk or a race must not fail the load
            return
        if keep:
            self.trim(kind, keep)

    def trim(self, kind: str, keep: int) -> None:
        """Remove all but the `keep` most recently used entries of `kind`."""
        if not self.ok:
            return
        try:
            entries = []
            with os.scandir(self.folder / kind) as it:
                for e in it:
                    if e.name.endswith(".pickle"):
                        entries.append((e.stat().st_mtime_ns, e.path))
            entries.sort()
            for _, path in entries[:-keep]:
                Path(path).unlink(missing_ok=True)
        except OSError:
            return


def key(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()
