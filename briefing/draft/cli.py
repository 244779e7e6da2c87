"""`python -m briefing draft ARTICLE.txt --published YYYY-MM-DD [--title T] --into DIR`.

Writes DIR/article.txt (the input's bytes, unchanged) and DIR/facts.yaml, and nothing
else anywhere. An existing facts.yaml is kept unless --force. Bad input prints one clear
line and exits 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# Read at most this many bytes (UTF-8 takes up to 4 per character): a file beyond it is
# refused without reading it whole.
MAX_BYTES = 800_000


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", help="the article's plain text (UTF-8)")
    p.add_argument("--published", required=True, help="publication date, YYYY-MM-DD")
    p.add_argument("--title", default=None, help="the article's title (default: its heading "
                                                 "or first words)")
    p.add_argument("--into", required=True, help="the article folder to write")
    p.add_argument("--force", action="store_true", help="overwrite an existing facts.yaml")


def _fail(message: str) -> int:
    print(f"draft: {message}", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    from briefing.draft import MAX_CHARS, DraftError, check_published, draft, to_yaml

    src = Path(args.article)
    try:
        check_published(args.published)
        if not src.is_file():
            return _fail(f"{src}: no such file")
        with open(src, "rb") as f:
            data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return _fail(f"{src}: the text is too long (over {MAX_BYTES:,} bytes; the limit "
                         f"is {MAX_CHARS:,} characters, far beyond a news article)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            return _fail(f"{src}: not UTF-8 text (byte {e.start}); save it as UTF-8")
        out = Path(args.into)
        facts = out / "facts.yaml"
        if facts.exists() and not args.force:
            return _fail(f"{facts} exists; use --force to overwrite it")
        d = draft(text, published=args.published, title=args.title)
    except DraftError as e:
        return _fail(f"{src}: {e}")
    except OSError as e:
        return _fail(f"{src}: {e.strerror or e}")
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, payload in (("article.txt", data), ("facts.yaml", to_yaml(d).encode())):
            target = out / name
            # Never follow a link planted in the folder: it could point outside --into.
            if target.is_symlink():
                return _fail(f"{target} is a symbolic link; refusing to write through it")
            tmp = out / f".{name}.tmp"
            tmp.write_bytes(payload)
            os.replace(tmp, target)
    except OSError as e:
        return _fail(f"{out}: {e.strerror or e}")
    n = {k: len(d[k]) for k in ("actors", "events", "statements", "sources")}
    print(f"drafted {out}: " + ", ".join(f"{v} {k}" for k, v in n.items())
          + "; every fact awaits review (review: pending), TODO marks analyst fields")
    return 0
