"""`python -m briefing draft ARTICLE.txt --published YYYY-MM-DD [--title T] [--outlet O]
[--url U] --into DIR`, and `python -m briefing draft DIR [DIR ...] [--into ROOT]`.

One text: writes DIR/article.txt (the input's bytes, unchanged) and DIR/facts.yaml, and
nothing else anywhere. A `meta.json` beside the text (`{"published": ..., "outlet": ...,
"url": ..., "title": ...}`) fills what the options leave out.

Several articles (folders holding `article.txt`, or several texts): each is drafted in a
process of its own, in parallel, into its folder (or ROOT/<name> with --into), with a
progress line and a summary table at the end.

An existing facts.yaml is kept unless --force (overwrite it) or --add (add the drafted
facts it does not hold yet, by id, as pending suggestions: the file is edited in place
like the workbench saves it — the analyst's comments, key order, layout and file mode
kept, only the new items' lines written). Bad input prints one clear line (per article)
and exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Read at most this many bytes (UTF-8 takes up to 4 per character): a file beyond it is
# refused without reading it whole.
MAX_BYTES = 400_000
META = ("published", "title", "outlet", "url")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("articles", nargs="+", metavar="ARTICLE",
                   help="the article's plain text (UTF-8), or folders holding article.txt "
                        "(and meta.json) to draft in parallel")
    p.add_argument("--published", default=None, help="publication date, YYYY-MM-DD "
                                                     "(default: meta.json's)")
    p.add_argument("--title", default=None, help="the article's title (default: meta.json's, "
                                                 "else its heading or first words)")
    p.add_argument("--outlet", default=None, help="the outlet it was read in (default: "
                                                  "meta.json's; the article's own source)")
    p.add_argument("--url", default=None, help="where it was read (default: meta.json's)")
    p.add_argument("--into", default=None, help="the article folder to write; for several "
                                                "articles, the folder to write them under "
                                                "(default: each article's own folder)")
    p.add_argument("--jobs", type=int, default=None,
                   help="parallel processes for several articles (default: the CPU count)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--force", action="store_true", help="overwrite an existing facts.yaml")
    mode.add_argument("--add", action="store_true",
                      help="add the drafted facts an existing facts.yaml does not hold "
                           "(by id), keeping the file's comments and layout")


@dataclass
class Result:
    name: str
    code: int                 # 0: drafted; 1: refused
    message: str
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def _fail(message: str) -> int:
    print(f"draft: {message}", file=sys.stderr)
    return 1


def _meta(src: Path) -> dict[str, Any] | str:
    """meta.json beside the text, or a message saying what is wrong with it."""
    path = src.parent / "meta.json"
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        return f"{path}: not readable JSON ({e})"
    if not isinstance(data, dict):
        return f"{path}: must be a JSON object with {', '.join(META)}"
    bad = [k for k in META if k in data and not isinstance(data[k], str)]
    if bad:
        return f"{path}: {bad[0]} must be a string"
    return {k: data[k] for k in META if data.get(k)}


def draft_one(src: Path, out: Path, options: dict[str, Any], existing: str = "keep"
              ) -> Result:
    """Draft one text into one folder; never raises for bad input. `existing` says what
    to do with a facts.yaml already there: keep it (refuse), overwrite it, or add to it."""
    from briefing.draft import MAX_CHARS, DraftError, check_published, draft, to_yaml

    t0 = time.perf_counter()
    name = src.parent.name if src.name == "article.txt" else src.stem

    def fail(message: str) -> Result:
        return Result(name, 1, message, seconds=time.perf_counter() - t0)

    meta = _meta(src) if src.is_file() else {}
    if isinstance(meta, str):
        return fail(meta)
    opts = {**meta, **{k: v for k, v in options.items() if v}}
    try:
        if not opts.get("published"):
            return fail(f"{src}: no publication date: give --published YYYY-MM-DD or a "
                        f"meta.json beside it with \"published\"")
        check_published(opts["published"])
        if not src.is_file():
            return fail(f"{src}: no such file")
        with open(src, "rb") as f:
            data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return fail(f"{src}: the text is too long (over {MAX_BYTES:,} bytes; the limit "
                        f"is {MAX_CHARS:,} characters, far beyond a news article)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            return fail(f"{src}: not UTF-8 text (byte {e.start}); save it as UTF-8")
        facts = out / "facts.yaml"
        if facts.exists() and existing == "keep":
            return fail(f"{facts} exists; use --add to add the draft's new facts to it, "
                        f"or --force to overwrite it")
        d = draft(text, published=opts["published"], title=opts.get("title"),
                  outlet=opts.get("outlet"), url=opts.get("url"))
    except DraftError as e:
        return fail(f"{src}: {e}")
    except OSError as e:
        return fail(f"{src}: {e.strerror or e}")
    try:
        out.mkdir(parents=True, exist_ok=True)
        same = (out / "article.txt").exists() and (out / "article.txt").resolve() == \
            src.resolve()
        note = ""
        if facts.exists() and existing == "add":
            body, note = add_to(facts, d)
        else:
            body = to_yaml(d)
        for fname, payload in (("article.txt", data), ("facts.yaml", body.encode())):
            target = out / fname
            # Never follow a link planted in the folder: it could point outside --into.
            if target.is_symlink():
                return fail(f"{target} is a symbolic link; refusing to write through it")
            if fname == "article.txt" and (same or existing == "add" and target.exists()):
                continue   # the text is already there (adding keeps the folder's own)
            tmp = out / f".{fname}.tmp"
            tmp.write_bytes(payload)
            os.replace(tmp, target)
    except AddError as e:
        return fail(str(e))
    except OSError as e:
        return fail(f"{out}: {e.strerror or e}")
    counts = {k: len(d[k]) for k in ("actors", "events", "statements", "sources",
                                    "positions")}
    return Result(name, 0, f"drafted {out}: " + ", ".join(f"{v} {k}" for k, v in
                                                           counts.items()) + note,
                  counts, time.perf_counter() - t0)


class AddError(ValueError):
    """An existing facts.yaml the draft cannot be added to; nothing was written."""


def add_to(path: Path, d: dict[str, Any]) -> tuple[str, str]:
    """The text of the facts.yaml at `path` with the draft's new items added (those whose
    id the file does not hold yet, in each list of the document, and article keys it does
    not have), and a note saying how many were added and kept out. The file is edited as
    the workbench saves it: only the new items' lines change."""
    import yaml

    from briefing import contract as C
    from briefing.draft import to_yaml
    from briefing.workbench import roundtrip
    from briefing.workbench.review import normalise

    try:
        original = path.read_bytes().decode("utf-8")
        doc = yaml.safe_load(original)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise AddError(f"{path}: cannot add to it ({type(e).__name__}); nothing was "
                       "written: draft into another folder and compare") from None
    if not isinstance(doc, dict):
        raise AddError(f"{path}: not a facts file (no mapping at the top); nothing was "
                       "written")
    merged = normalise(doc)
    new = normalise(yaml.safe_load(to_yaml(d)))   # the draft as the loader reads it
    added = kept = 0
    for kind in (f.list for f in C.LISTS if f.list):
        items = merged.get(kind) or []
        have = {i.get("id") for i in items if isinstance(i, dict)}
        for item in new.get(kind) or []:
            if item.get("id") in have:
                kept += 1
                continue
            items.append(item)
            added += 1
        if items:
            merged[kind] = items
    article = merged.setdefault("article", {})
    if isinstance(article, dict):
        for k, v in (new.get("article") or {}).items():
            article.setdefault(k, v)
    try:
        body = roundtrip.merge(original, merged)
    except ValueError as e:
        raise AddError(f"{path}: cannot be edited in place ({e}); nothing was written: "
                       "draft into another folder and compare") from None
    return body, (f"; added {added} new facts to the existing facts.yaml, kept out {kept} "
                  f"it already holds (same id)")


def _jobs(args: argparse.Namespace) -> list[tuple[Path, Path]] | str:
    """(text, output folder) per article named on the command line."""
    paths = [Path(a) for a in args.articles]
    many = len(paths) > 1 or paths[0].is_dir()
    if not many:
        if args.into is None:
            return f"{paths[0]}: give --into DIR, the article folder to write"
        return [(paths[0], Path(args.into))]
    jobs = []
    for p in paths:
        src = p / "article.txt" if p.is_dir() else p
        name = p.name if p.is_dir() else p.stem
        out = Path(args.into) / name if args.into else src.parent
        if not p.is_dir() and args.into is None:
            return f"{p}: give --into ROOT to draft several texts (each goes to ROOT/<name>)"
        jobs.append((src, out))
    return jobs


def run(args: argparse.Namespace) -> int:
    jobs = _jobs(args)
    if isinstance(jobs, str):
        return _fail(jobs)
    options = {k: getattr(args, k) for k in META}
    existing = "force" if args.force else "add" if args.add else "keep"
    if len(jobs) == 1 and not Path(args.articles[0]).is_dir():
        r = draft_one(*jobs[0], options, existing)
        if r.code:
            return _fail(r.message)
        print(r.message + "; every fact awaits review (review: pending), TODO marks "
                          "analyst fields")
        return 0
    return _batch(jobs, options, existing, args.jobs)


def _batch(jobs: list[tuple[Path, Path]], options: dict[str, Any], existing: str,
           workers: int | None) -> int:
    if options.get("title") and len(jobs) > 1:
        return _fail("--title names one article; give titles in each meta.json instead")
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    results: list[Result] = []
    t0 = time.perf_counter()
    tty = sys.stderr.isatty()
    # Processes, not threads: drafting is pure Python and holds the interpreter lock.
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(draft_one, src, out, options, existing) for src, out in jobs]
        for i, f in enumerate(as_completed(futures), 1):
            r = f.result()
            results.append(r)
            bar = "#" * (20 * i // len(jobs))
            line = f"drafting [{bar:20}] {i}/{len(jobs)} {r.name[:40]}"
            print(("\r" + line.ljust(79)) if tty else line, end="" if tty else "\n",
                  file=sys.stderr, flush=True)
    if tty:
        print(file=sys.stderr)
    print(summary(sorted(results, key=lambda r: r.name), time.perf_counter() - t0, workers))
    for r in results:
        if r.code:
            print(f"draft: {r.message}", file=sys.stderr)
    return 1 if any(r.code for r in results) else 0


def summary(results: list[Result], seconds: float, workers: int) -> str:
    """The batch's table: one row per article, then the totals."""
    cols = ("events", "actors", "statements", "sources")
    width = max([len(r.name) for r in results] + [7])
    lines = [f"{'article':{width}} " + " ".join(f"{c:>10}" for c in cols)
             + f" {'seconds':>8}  result"]
    for r in results:
        nums = " ".join(f"{r.counts.get(c, ''):>10}" for c in cols)
        lines.append(f"{r.name:{width}} {nums} {r.seconds:>8.2f}  "
                     + ("drafted" if r.code == 0 else "refused"))
    done = [r for r in results if r.code == 0]
    totals = " ".join(f"{sum(r.counts[c] for r in done):>10}" for c in cols)
    lines.append(f"{'total':{width}} {totals} {seconds:>8.2f}  {len(done)} of {len(results)} "
                 f"drafted ({workers} processes); every fact awaits review")
    return "\n".join(lines)
