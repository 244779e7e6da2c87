"""The coding standards as frames: CAMEO, PLOVER and the Admiralty grades.

The tables are data shipped under `assets/codebooks/`; they are read once per process
(they never change while it runs) and handed out as copies so callers cannot spoil
the cached ones.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from briefing.folders import assets_dir

__all__ = ["Codebooks", "assets_dir", "load_codebooks"]


@dataclass(frozen=True)
class Codebooks:
    cameo: pd.DataFrame
    plover: pd.DataFrame
    admiralty: pd.DataFrame
    # Lookups the parser needs per fact; sets and dicts are far cheaper there than frames.
    cameo_codes: frozenset[str]
    plover_types: tuple[str, ...]
    plover_modes: dict[str, frozenset[str]]
    # PLOVER's own CAMEO → PLOVER table: the type of each CAMEO code it lists.
    cameo_plover: dict[str, str]
    # ISO 3166-1 alpha-3 codes of every country.
    countries: frozenset[str]

    def plover_type_of(self, code: str) -> str | None:
        """The PLOVER type of a CAMEO code: its own row in PLOVER's table, else its
        parent's (0251 → 025 → 02)."""
        for n in range(len(code), 1, -1):
            if t := self.cameo_plover.get(code[:n]):
                return t
        return None

    def cameo_name(self, code: str) -> str:
        hit = self.cameo.loc[self.cameo["cameo_code"] == code, "name"]
        return str(hit.iloc[0]) if len(hit) else code


def load_codebooks(folder: Path | None = None) -> Codebooks:
    """Read the codebook tables from `folder` (default: `<assets>/codebooks`)."""
    return _load(str((folder or assets_dir() / "codebooks").resolve()))


@functools.lru_cache(maxsize=4)
def _load(folder: str) -> Codebooks:
    base = Path(folder)
    # CAMEO codes are strings: "042" and "42" are different codes.
    cameo = pd.read_csv(base / "cameo.csv", dtype={"cameo_code": str, "name": str})
    cameo["goldstein"] = cameo["goldstein"].astype(float)
    plover = pd.read_csv(base / "plover.csv", dtype=str, keep_default_na=False)
    plover["score"] = plover["score"].astype(float)
    admiralty = pd.read_csv(base / "admiralty.csv", dtype=str)
    types = tuple(dict.fromkeys(plover["plover_type"]))
    modes: dict[str, set[str]] = {t: set() for t in types}
    for t, m in zip(plover["plover_type"], plover["plover_mode"], strict=True):
        modes[t].add(m)
    return Codebooks(
        cameo_plover=_cameo_plover(base / "cameo2plover-2021.txt"),
        countries=_countries(),
        cameo=cameo,
        plover=plover,
        admiralty=admiralty,
        cameo_codes=frozenset(cameo["cameo_code"]),
        plover_types=types,
        plover_modes={t: frozenset(m) for t, m in modes.items()},
    )


def _cameo_plover(path: Path) -> dict[str, str]:
    # Lines read `042: CONSULT, visit,   # Make a visit`; comment lines start with #.
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0]
        code, sep, rest = body.partition(":")
        if not sep or not code.strip().isdigit():
            continue
        ptype = rest.split(",", 1)[0].strip()
        if ptype:
            table[code.strip()] = ptype
    return table


@functools.cache
def _countries() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)
