"""Command line: `python -m briefing <command> [PATH]`.

Commands live in one table (`COMMANDS`) so that others can add theirs without touching
the dispatcher. Each command gets the parsed arguments and returns the exit status.
Bad input prints the problem list and exits 1; it never prints a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass

from briefing import contract as C
from briefing.model import Briefing, FactError


@dataclass(frozen=True)
class Command:
    help: str
    run: Callable[[argparse.Namespace], int]
    arguments: Callable[[argparse.ArgumentParser], None] = lambda p: None


def _path_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", default=None,
                   help="an article folder or a folder of them (default: the shipped "
                        "articles)")


def _validate_arguments(p: argparse.ArgumentParser) -> None:
    _path_argument(p)
    p.add_argument("--against", metavar="BASE", default=None,
                   help="check PATH together with the fact base at BASE (a new article "
                        "before it is added: clashing ids, unknown actors, declarations "
                        "that differ)")


def _load(path: str | None, against: str | None = None,
          include_pending: bool = False) -> Briefing | None:
    from briefing.load import load

    where = [path or ".", against] if against else path
    try:
        return load(where, include_pending=include_pending)
    except FactError as e:
        print(e, file=sys.stderr)
        return None


def _coverage_table(b: Briefing):
    from briefing.text import coverage

    return coverage(b.sentences, b.evidence)


def summary(b: Briefing) -> str:
    """One line: rows per frame, then cited / non-heading sentences."""
    cov = _coverage_table(b)
    body = cov[~cov["is_heading"]]
    counts = " ".join(f"{name}={n}" for name, n in b.counts().items())
    pct = 100 * body["cited"].sum() / len(body) if len(body) else 100.0
    pending = sum(int((df["review"] == C.PENDING).sum()) for df in b.frames().values()
                  if "review" in df.columns)
    waiting = (f"; {pending} fact{'s await' if pending != 1 else ' awaits'} review"
               if pending else "")
    return f"valid: {counts}; coverage {int(body['cited'].sum())}/{len(body)} " \
           f"sentences ({pct:.0f}%){waiting}"


def validate(args: argparse.Namespace) -> int:
    b = _load(args.path, getattr(args, "against", None), include_pending=True)
    if b is None:
        return 1
    for w in b.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(summary(b))
    return 0


def coverage(args: argparse.Namespace) -> int:
    b = _load(args.path)
    if b is None:
        return 1
    cov = _coverage_table(b)
    for article_id, sentences in cov.groupby("article_id", sort=False, observed=True):
        print(f"# {article_id}")
        for s in sentences.itertuples(index=False):
            if s.is_heading:
                print(f"s{s.index:<3} [heading] {s.text}")
            else:
                cites = ", ".join(s.fact_ids) if s.fact_ids else "UNCITED"
                print(f"s{s.index:<3} {s.text}\n      ← {cites}")
        print()
    uncited = cov[~cov["is_heading"] & ~cov["cited"]]
    if len(uncited):
        print(f"uncited sentences ({len(uncited)}):")
        for s in uncited.itertuples(index=False):
            print(f"  {s.sentence_id}: {s.text}")
    else:
        print("uncited sentences: none")
    return 0


def serve(args: argparse.Namespace) -> int:
    from briefing import serve as server  # Voilà is imported only when serving

    return server.run(args)


def _serve_arguments(p: argparse.ArgumentParser) -> None:
    from briefing.serve import add_arguments

    add_arguments(p)


def draft(args: argparse.Namespace) -> int:
    from briefing.draft.cli import run

    return run(args)


def _draft_arguments(p: argparse.ArgumentParser) -> None:
    from briefing.draft.cli import add_arguments

    add_arguments(p)


def export(args: argparse.Namespace) -> int:
    """The briefing as a PDF (and each chart as PNG), offline, with the machine's Chromium."""
    from pathlib import Path

    from briefing.charts import CHARTS
    from briefing.printout import PrintError, printout_html, render
    from briefing.select import Selection, select

    if not (args.pdf or args.png or args.html):
        print("briefing export: say what to make: --html, --pdf and/or --png", file=sys.stderr)
        return 2
    b = _load(args.path)
    if b is None:
        return 1
    if args.html:
        from briefing.dashboard.static_page import export_static

        try:
            written = export_static(b, Path(args.out))
        except OSError as e:
            print(f"briefing export: cannot write the static briefing into {args.out}: "
                  f"{e.strerror or e}", file=sys.stderr)
            return 1
        size = sum(p.stat().st_size for p in written)
        print(f"wrote {Path(args.out) / 'index.html'} and {len(written) - 1} files beside it "
              f"({size / 1024:,.0f} KB): serve the folder from any static web server")
        if not (args.pdf or args.png):
            return 0
    issues = list(b.issues["issue_id"])
    sel = Selection(issue=issues[0] if issues else None)
    shown = select(b, sel)
    figures = {c.heading: c.figure(shown, sel, b) for c in CHARTS.values()}
    notes = {c.heading: c.note for c in CHARTS.values()}
    try:
        out = render(printout_html(b, sel, figures, notes=notes, shown=shown, paper=args.paper),
                     paper=args.paper, png=args.png)
    except PrintError as e:
        print(f"briefing export: {e}", file=sys.stderr)
        return 1
    if not args.pdf:
        out.pdf = b""
    for path in out.save(Path(args.out)):
        if path.suffix != ".pdf" or args.pdf:
            print(f"wrote {path} ({path.stat().st_size / 1024:,.0f} KB)")
    if not args.pdf:
        (Path(args.out) / f"briefing-{args.paper}.pdf").unlink(missing_ok=True)
    return 0


def _export_arguments(p: argparse.ArgumentParser) -> None:
    _path_argument(p)
    p.add_argument("--html", action="store_true",
                   help="the interactive briefing as index.html and its files, for any "
                        "static web server (no kernel, any number of readers)")
    p.add_argument("--pdf", action="store_true", help="the briefing as one PDF")
    p.add_argument("--png", action="store_true", help="each chart as a PNG")
    p.add_argument("--out", default=".", help="folder to write into (default: here)")
    p.add_argument("--paper", choices=["a4", "letter"], default="a4",
                   help="paper size of the PDF (default a4)")


COMMANDS: dict[str, Command] = {
    "validate": Command("load and check the facts; print a summary or the problems",
                        validate, _validate_arguments),
    "coverage": Command("each sentence with the facts that cite it; uncited ones listed",
                        coverage, _path_argument),
    "export": Command("the briefing as a static interactive page, a PDF (A4 or Letter) "
                      "and/or each chart as PNG, offline",
                      export, _export_arguments),
    "serve": Command("serve the dashboard with Voilà on 127.0.0.1 and print its URL",
                     serve, _serve_arguments),
    "draft": Command("draft an article's facts from its text into a folder, for review",
                     draft, _draft_arguments),
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefing", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, cmd in COMMANDS.items():
        cmd.arguments(sub.add_parser(name, help=cmd.help, description=cmd.help))
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["serve"]:
        # serve also passes any --Class.trait=value on to Voilà, so it parses its own line.
        from briefing import serve as server

        return server.main(argv[1:])
    args = parser().parse_args(argv)
    return COMMANDS[args.command].run(args)


if __name__ == "__main__":
    sys.exit(main())
