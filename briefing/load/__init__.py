"""Article folders → validated frames: `load()`, with its cache, workers and skip mode.

The work is split so that it can be cached and run in parallel:

- `yamlfile` reads a facts file with the line of every key, refusing hostile input;
- `parse.parse_article(folder)` is pure and picklable: it reads one folder into plain
  records (one list per frame) and the problems found in it, every field checked against
  its declaration in `briefing.contract` while the YAML line is still at hand;
- `merge` scopes fact ids to their article and settles entities declared more than once;
- `assemble` builds each frame once from all records, runs the checks that span
  articles vectorised, and validates every frame against its pandera schema.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from briefing.codebooks import Codebooks, load_codebooks
from briefing.folders import FACTS, REGISTRY, TEXT, discover, fact_files, registries
from briefing.load import yamlfile
from briefing.load.assemble import assemble
from briefing.load.parse import HIDDEN, ArticleParse, parse_article, parse_registry
from briefing.model import COLUMNS, FRAMES, Briefing, FactError, Problem

__all__ = ["FACTS", "REGISTRY", "TEXT", "ArticleParse", "discover", "load", "parse_article",
           "parse_registry", "registries"]

PathLike = Path | str


# ------------------------------------------------------------------------ load


def load(path: PathLike | Sequence[PathLike] | None = None, *,
         errors: Literal["raise", "skip"] = "raise", cache: bool | None = None,
         include_pending: bool = False) -> Briefing:
    """Load and validate the fact base at `path` (an article folder, a folder of them, or a
    list of such places), with the `registry.yaml` of shared entities beside them.

    Every problem is collected before anything is raised. With `errors="raise"` any
    problem raises `FactError`; with `errors="skip"` articles with problems are left
    out (with whatever cites them) and the problems are listed on `result.problems`.
    Entities declared differently in two places are not problems: one declaration wins
    (the registry's, else the newest article's) and `result.warnings` names each field.

    Facts a person has not reviewed yet (`review: pending`, as the drafter writes them)
    and rejected ones are left out unless `include_pending=True` (rejected: always).

    Results are cached outside the article folders (`briefing.cache`): an unchanged fact
    base is read back whole, and only changed articles are parsed again. `cache=False`
    (or `BRIEFING_CACHE=off`) loads from scratch. Many articles are parsed in parallel.
    """
    from briefing import cache as C

    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    folders = discover(path)
    regs = registries(folders)
    store = C.Cache() if cache is not False and not (cache is None and C.disabled_by_env()) \
        else None
    version = f"{C.code_version()} {yamlfile.MAX_BYTES}" if store else ""
    base_key = C.key(errors, str(include_pending), *map(str, folders))
    files = fact_files(folders)
    check = f"{version} {C.stamp(files)}" if store else ""
    if store:
        hit = store.get("bases", base_key, check)
        if isinstance(hit, Briefing):
            return hit
    codebooks = load_codebooks()
    # Parsing makes millions of small objects and keeps them all; the cyclic garbage
    # collector would rescan the growing heap again and again (3x the whole load time
    # at 1,000 articles) to find no garbage, since records hold no cycles.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        parses = [parse_registry(r, codebooks) for r in regs] + \
            _parse_all(folders, codebooks, store, version)
        if errors == "skip":
            result = _load_skipping(parses, codebooks, include_pending)
        else:
            frames, found, warnings = assemble(parses, codebooks, include_pending)
            problems = [p for parse in parses for p in parse.problems] + found
            if problems:
                raise FactError(problems)
            result = _briefing(frames, codebooks, (), tuple(warnings))
        if store:
            store.put("bases", base_key, check, result, keep=C.MAX_BASES)
        return result
    finally:
        if was_enabled:
            gc.enable()


# Below this many articles to parse, starting worker processes costs more than it saves.
PARALLEL_FROM = 50


def _parse_all(folders: list[Path], codebooks: Codebooks, store: Any, version: str
               ) -> list[ArticleParse]:
    """Every folder's parse: from the cache where its files are unchanged, else parsed
    (in worker processes when there are many) and stored."""
    from briefing import cache as C

    parses: dict[int, ArticleParse] = dict(_cached(folders, store, version))
    todo = [(i, folder, f"{version} {C.stamp([folder / FACTS, folder / TEXT])}"
             if store else "") for i, folder in enumerate(folders) if i not in parses]
    workers = min(os.cpu_count() or 1, 8)
    if len(todo) >= PARALLEL_FROM and workers > 1:
        try:
            for (i, _, _), parse in zip(todo, _parse_in_workers(todo, store, workers),
                                        strict=True):
                parses[i] = parse
        except Exception:  # noqa: BLE001 - no worker processes here: parse in this one
            parses.clear()
            parses.update({i: hit for i, hit in _cached(folders, store, version)})
    for i, folder, check in todo:
        if i in parses:
            continue
        parses[i] = parse_article(folder, codebooks)
        if store:
            store.put("articles", C.key(str(folder)), check, parses[i])
    if store and todo:
        store.trim("articles", max(C.MAX_ARTICLES, len(folders)))
    return [parses[i] for i in range(len(folders))]


def _cached(folders: list[Path], store: Any, version: str
            ) -> Iterable[tuple[int, ArticleParse]]:
    from briefing import cache as C

    if not store:
        return
    for i, folder in enumerate(folders):
        check = f"{version} {C.stamp([folder / FACTS, folder / TEXT])}"
        hit = store.get("articles", C.key(str(folder)), check)
        if isinstance(hit, ArticleParse):
            yield i, hit


def _parse_in_workers(todo: list[tuple[int, Path, str]], store: Any, workers: int
                      ) -> list[ArticleParse]:
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    # A process with threads (a Jupyter kernel, a server) must not fork; a plain script
    # is forked, which also spares it the re-import of its main module that "spawn" does.
    method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
    folder_of = store.folder if store else None
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        return list(pool.map(_parse_and_store, [f for _, f, _ in todo],
                             [c for _, _, c in todo], [folder_of] * len(todo),
                             chunksize=max(1, len(todo) // (workers * 4))))


def _parse_and_store(folder: Path, check: str, cache_folder: Path | None) -> ArticleParse:
    """One article in a worker process; the worker writes its cache entry itself."""
    from briefing import cache as C

    gc.disable()  # as in `load`: the worker's heap only grows
    parse = parse_article(folder)
    if cache_folder is not None:
        C.Cache(cache_folder).put("articles", C.key(str(folder)), check, parse)
    return parse


def _load_skipping(parses: list[ArticleParse], codebooks: Codebooks,
                   include_pending: bool) -> Briefing:
    # An article broken on its own goes first; then articles are assembled together and
    # any article whose own rows conflict with the rest goes too, until what is left is
    # consistent. Problems are located at the row that is wrong (a reference to an
    # unknown actor is the referring article's; a second copy of an article id is the
    # newer article's), never at whichever folder sorts last. Siblings stay.
    problems = [p for parse in parses for p in parse.problems]
    bad = {p.folder for p in parses if p.problems}
    by_file = {str(Path(p.folder) / FACTS): p.folder for p in parses if not p.registry}
    by_file.update({str(Path(p.folder) / REGISTRY): p.folder for p in parses if p.registry})
    while True:
        good = [p for p in parses if p.folder not in bad]
        frames, found, warnings = assemble(good, codebooks, include_pending)
        if not found:
            break
        problems += found
        blamed = {by_file.get(p.file, _folder_of(p)) for p in found} & \
            {p.folder for p in good}
        if not blamed:  # a problem no article can be blamed for: refuse to guess
            raise FactError(problems)
        bad |= blamed
    summary = [Problem(folder, "", "", "article skipped because of the problems listed")
               for folder in sorted(bad)]
    return _briefing(frames, codebooks, tuple(problems + summary), tuple(warnings))


def _folder_of(p: Problem) -> str:
    return str(Path(p.file).parent)


def _briefing(frames: dict[str, pd.DataFrame], cb: Codebooks,
              problems: tuple[Problem, ...], warnings: tuple[Problem, ...]) -> Briefing:
    public = {name: frames[name].drop(columns=list(HIDDEN)).reset_index(drop=True)
              for name in FRAMES}
    for name, df in public.items():
        assert tuple(df.columns) == COLUMNS[name], (name, tuple(df.columns))
    return Briefing(**public, cameo=cb.cameo.copy(), plover=cb.plover.copy(),
                    admiralty=cb.admiralty.copy(), problems=problems, warnings=warnings)
