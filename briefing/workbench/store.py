"""Files: the article's text checks, facts.yaml in the documented shape, and the autosave.

Every write is atomic (a temporary file in the same folder, flushed, then `os.replace`),
so a crash or a full disk never leaves half a file, and the file keeps its mode (a new
one gets the usual mode the umask gives). Saving facts.yaml refuses when the file
changed since this review read it (someone else saved it): nothing is overwritten
silently. An existing facts.yaml is edited, not rewritten (`roundtrip`): its comments,
key order and layout stay, and a save without edits leaves it as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAMLError

from briefing import contract as C
from briefing.workbench import roundtrip
from briefing.workbench.document import ARTICLE, KINDS

FACTS = "facts.yaml"
TEXT = "article.txt"
STATE = ".review.json"
# An article is a few thousand words; past this it is a mistake (a whole dump, a binary).
MAX_TEXT_BYTES = 1024 * 1024
STATE_VERSION = 1

# The documented key order of the article and of each list's items, for stable diffs.
ORDER = {ARTICLE: C.FRAMES["articles"].key_order,
         **{kind: C.BY_LIST[kind].key_order for kind in KINDS}}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_DATES = {c.key for f in C.FRAMES.values() for c in f.cols if c.dtype == "date" and c.key}


class InputError(ValueError):
    """Bad input the analyst can fix; the message says what and where."""


class ConflictError(InputError):
    """Someone else saved facts.yaml since this review read it; nothing was written."""


# --------------------------------------------------------------------------- text


def check_text(raw: bytes | str, where: str = "the pasted text") -> str:
    """The article text from raw bytes or a string, or InputError saying what is wrong."""
    if isinstance(raw, str):
        size = len(raw.encode("utf-8", "surrogatepass"))
        text = raw
    else:
        size = len(raw)
        if size > MAX_TEXT_BYTES:
            raise InputError(f"{where} is {size:,} bytes; an article may be at most "
                             f"{MAX_TEXT_BYTES:,} bytes (1 MiB)")
        if b"\x00" in raw:
            raise InputError(f"{where} holds binary bytes (NUL at byte {raw.index(0)}): "
                             "give the article as plain UTF-8 text")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError(f"{where} is not UTF-8 text (invalid byte 0x{raw[e.start]:02x} "
                             f"at byte {e.start})") from None
    if size > MAX_TEXT_BYTES:
        raise InputError(f"{where} is {size:,} bytes; an article may be at most "
                         f"{MAX_TEXT_BYTES:,} bytes (1 MiB)")
    if "\x00" in text:
        raise InputError(f"{where} holds binary bytes (NUL): give plain text")
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        raise InputError(f"{where} holds broken characters (lone surrogates)")
    if not text.strip():
        raise InputError(f"{where} is empty: paste or open the article's text")
    return text


def read_text(path: Path) -> str:
    """An article file's text, checked; InputError names the file."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise InputError(f"{path} is {size:,} bytes; an article may be at most "
                         f"{MAX_TEXT_BYTES:,} bytes (1 MiB)")
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    return check_text(raw, str(path))


def digest(data: bytes | str | None) -> str | None:
    if data is None:
        return None
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str | None:
    """The content hash of a file, or None when there is no file."""
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return None


# ------------------------------------------------------------------------- writing


def writable_folder(folder: Path) -> str | None:
    """Why `folder` cannot take our files, or None when it can (created if its parent exists)."""
    if folder.exists() and not folder.is_dir():
        return f"{folder} is a file, not a folder"
    if not folder.exists():
        if not folder.parent.is_dir():
            return f"{folder.parent} does not exist: name a folder that does"
        try:
            folder.mkdir()
        except OSError as e:
            return f"cannot create {folder}: {e.strerror or e}"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{folder} is read-only: name a folder you can write to"
    return None


def _umask() -> int:
    # Read without changing it where the system says it (setting it, even back, would
    # race with the kernel's other threads creating files).
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def atomic_write(path: Path, data: str, *, durable: bool = True) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never half.

    The file keeps its mode (a server reading the fact base as another account still
    can); a new file gets the mode a plain `open` would give it. `durable` also flushes
    it to the disk before the rename (survives a power cut, not only a crash); the
    autosave on every key skips that, the facts file never does.
    """
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)  # mkstemp makes it private (0600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder (every process on this machine sees it), so
    that a check of a file and the write after it are one step for other reviews."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def save_facts(folder: Path, text: str, facts: dict[str, Any], expected: str | None) -> str:
    """Write article.txt (if new) and facts.yaml; returns the new facts.yaml hash.

    `expected` is the hash of facts.yaml when this review last read or wrote it (None: it
    did not exist). A different file on disk means someone else saved: InputError, and
    nothing is written.
    """
    problem = writable_folder(folder)
    if problem:
        raise InputError(problem)
    # Under the folder's lock: two reviews saving at once cannot both pass the check.
    with folder_lock(folder):
        return _save_facts(folder, text, facts, expected)


def _save_facts(folder: Path, text: str, facts: dict[str, Any], expected: str | None) -> str:
    path = folder / FACTS
    now = file_digest(path)
    if now != expected:
        who = "created" if expected is None else "changed"
        raise ConflictError(f"{path} was {who} by someone else since you opened this "
                            "review; nothing was written. Your review is as it was: compare "
                            "the two, take their file (undo brings yours back), or save "
                            "yours elsewhere.")
    text_path = folder / TEXT
    if text_path.exists():
        if file_digest(text_path) != digest(text):
            raise InputError(f"{text_path} holds a different text than this review; "
                             "nothing was written: save with wb.save(\"another/folder\")")
    else:
        atomic_write(text_path, text)
    if now is None:
        body = dump_facts(facts)
    else:
        try:
            original = path.read_bytes().decode("utf-8")
            body = roundtrip.merge(original, facts)
        except (UnicodeDecodeError, ValueError, YAMLError) as e:
            # The loader read it, but it cannot be edited in place (a key given twice,
            # bytes that are not UTF-8): never rewrite the analyst's file blindly.
            raise InputError(f"{path} cannot be edited in place ({type(e).__name__}: "
                             f"{str(e).splitlines()[0] if str(e) else e!r}); nothing was "
                             "written: save to another folder and compare") from None
        if body == original:
            return now  # nothing changed: the file stays as it was, untouched
    atomic_write(path, body)
    return digest(body)  # type: ignore[return-value]


# ------------------------------------------------------------------------ YAML


class _Quoted(str):
    """A string that must stay a string in YAML (CAMEO codes, month dates)."""


class _Dumper(yaml.SafeDumper):
    pass


def _quoted(dumper: yaml.SafeDumper, value: _Quoted) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # Long prose folds into a readable block; short values stay plain.
    style = ">" if len(value) > 88 and "\n" not in value and value == value.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(_Quoted, _quoted)
_Dumper.add_representer(str, _text)


def _ordered(kind: str, fact: dict[str, Any]) -> dict[str, Any]:
    order = ORDER[kind]
    out = {k: fact[k] for k in order if k in fact}
    out.update({k: v for k, v in fact.items() if k not in out})  # unknown keys: validation says
    if isinstance(out.get("cameo_code"), str):
        out["cameo_code"] = _Quoted(out["cameo_code"])
    for key in _DATES & set(out):
        value = out[key]
        if isinstance(value, str) and _DAY.match(value):
            try:
                out[key] = dt.date.fromisoformat(value)
            except ValueError:
                pass  # left as text; validation names the field
        elif isinstance(value, str) and _YEAR.match(value) and key != "published":
            out[key] = int(value)
        elif isinstance(value, str) and key != "published":
            out[key] = _Quoted(value)
    if isinstance(out.get("participants"), dict):
        roles = out["participants"]
        out["participants"] = {r: roles[r] for r in (*C.ROLES, *roles) if r in roles}
    return out


def dump_facts(facts: dict[str, Any]) -> str:
    """facts.yaml text: the documented key order, lists in review order, block style."""
    doc: dict[str, Any] = {ARTICLE: _ordered(ARTICLE, facts.get(ARTICLE) or {})}
    for kind in KINDS:
        if kind in facts:
            doc[kind] = [_ordered(kind, f) for f in facts.get(kind) or []]
    head = ("# Coded in the review workbench (briefing.workbench); format: "
            "docs/facts-format.md.\n")
    parts = [head]
    for key, value in doc.items():
        parts.append("\n" + yaml.dump({key: value}, Dumper=_Dumper, sort_keys=False,
                                      allow_unicode=True, width=92, default_flow_style=False,
                                      indent=2))
    return "".join(parts)


# ------------------------------------------------------------------------ reading


def read_draft(draft: dict[str, Any] | str | Path) -> dict[str, Any]:
    """A draft given as a dict, or as a YAML file shaped like facts.yaml (made elsewhere)."""
    if isinstance(draft, dict):
        return draft
    path = Path(draft).expanduser()
    if not path.is_file():
        raise InputError(f"draft {path}: no such file")
    return read_facts(path)


def read_facts(path: Path) -> dict[str, Any]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError) as e:
        raise InputError(f"{path}: cannot read it to resume ({e}); open the article "
                               "with another folder") from None
    if not isinstance(doc, dict):
        raise InputError(f"{path}: not a facts file (no mapping at the top)")
    return doc


def facts_diff(folder: Path, facts: dict[str, Any]) -> str:
    """The differences between facts.yaml on disk and what saving `facts` would write."""
    import difflib

    path = folder / FACTS
    try:
        disk = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        disk = ""
    mine = roundtrip.merge(disk, facts) if disk else dump_facts(facts)
    return "".join(difflib.unified_diff(disk.splitlines(keepends=True),
                                        mine.splitlines(keepends=True),
                                        f"{path} (on disk)", f"{path} (this review)"))
