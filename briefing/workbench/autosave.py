"""The review's autosave, `<folder>/.review.json`, shared safely by reviews of one article.

Two reviews of one article (two widgets in one kernel or in two, the notebook run again in
a second tab) share one file. Each review owns an id signed into every autosave; before
writing, it checks that the file on disk is the one it last wrote (or resumed, or that
there is none). When another review wrote it since, nothing is written: `StateConflict`
says which review and when, and the analyst chooses — take their review (theirs becomes
this one's, one undo step brings this one's back) or keep this one (overwrite exactly the
version they were told about, never a later one). The check and the write are one step
under a lock on the folder, so two kernels cannot both pass the check.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import secrets
import socket
from pathlib import Path
from typing import Any

from briefing.workbench import store
from briefing.workbench.review import Review


class StateConflict(store.InputError):
    """Another review wrote the review file since this one last did; nothing was written."""

    def __init__(self, path: Path, other: dict[str, Any] | None, on_disk: str,
                 why: str) -> None:
        self.path = path
        self.other = other  # the state on disk, when it is a review of the same text
        self.on_disk = on_disk  # its hash: overwriting it knowingly means this version
        super().__init__(why)


def new_owner() -> dict[str, Any]:
    """Who a review is, as signed into its autosave: an id of its own and its process."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    return {"id": secrets.token_hex(3), "pid": os.getpid(), "host": socket.gethostname(),
            "user": user}


def describe_owner(owner: Any) -> str:
    """A review named for the analyst: its id and where it runs, as far as can be told."""
    if not isinstance(owner, dict) or not owner.get("id"):
        return "a review that does not sign its file (an older workbench)"
    where = ""
    pid, host = owner.get("pid"), owner.get("host")
    if host == socket.gethostname() and isinstance(pid, int):
        if pid == os.getpid():
            where = "in this kernel"
        else:
            where = (f"kernel process {pid}, still running" if _alive(pid)
                     else f"kernel process {pid}, no longer running")
    elif host:
        where = f"on {host}"
    who = f" of {owner['user']}" if owner.get("user") else ""
    return f"review {owner['id']}{who}" + (f" ({where})" if where else "")


def may_be_open(owner: Any) -> bool:
    """Whether the review that signed a file may still be open: its kernel runs, or runs
    on another machine (which cannot be told from here)."""
    if not isinstance(owner, dict) or not isinstance(owner.get("pid"), int):
        return False
    return owner.get("host") != socket.gethostname() or _alive(owner["pid"])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, run by another account
    return True


def at(stamp: Any) -> str:
    """' at 09:12:03 UTC' for an autosave's time, or nothing when it has none."""
    try:
        return " at " + dt.datetime.fromisoformat(str(stamp)).strftime("%H:%M:%S UTC")
    except ValueError:
        return ""


def read(folder: Path) -> tuple[bytes | None, str | None]:
    """The review file's bytes and their hash, as one reading (None, None: no file)."""
    try:
        raw = (folder / store.STATE).read_bytes()
    except FileNotFoundError:
        return None, None
    return raw, store.digest(raw)


def parse(raw: bytes | None, text_digest: str | None = None) -> tuple[dict[str, Any] | None, str]:
    """The review state in `raw` (of the text with that hash), or None and why not."""
    if raw is None:
        return None, "there is no review file"
    try:
        state = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, "it is not a review file this workbench can read"
    if not isinstance(state, dict) or state.get("version") != store.STATE_VERSION:
        return None, "it is not a review file this workbench can read"
    if not isinstance(state.get("doc"), dict):
        return None, "it holds no review"
    if text_digest is not None and state.get("text_digest") != text_digest:
        return None, "it is the review of another text"
    return state, ""


def load(folder: Path, text: str) -> tuple[dict[str, Any] | None, str | None]:
    """The saved review of this exact text and the hash of the file as read, or (None,
    None). A file that cannot be resumed (another text, unreadable) gets no hash: it is
    someone's, so the first autosave stops at it and asks instead of overwriting it."""
    raw, on_disk = read(folder)
    state, _why = parse(raw, store.digest(text))
    return (state, on_disk) if state is not None else (None, None)


def save(folder: Path, state: dict[str, Any], *, expected: str | None) -> str:
    """Write the review state; returns the hash of what was written.

    `expected` is the hash of the file as this review last wrote or read it (None: there
    was none). Another file on disk means another review wrote it: StateConflict, and
    nothing is written. No file at all is fine (nobody's work is there).
    """
    path = folder / store.STATE
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    body = json.dumps({"version": store.STATE_VERSION, "saved_at": now, **state},
                      ensure_ascii=False)
    with store.folder_lock(folder):
        raw, on_disk = read(folder)
        if on_disk is not None and on_disk != expected:
            other, why = parse(raw, state.get("text_digest"))
            if other is not None:
                why = (f"{path} was written by another review of this article, "
                       f"{describe_owner(other.get('review'))}{at(other.get('saved_at'))}, "
                       "since this review last wrote or read it")
            else:
                why = f"{path} is not this review's: {why}"
            raise StateConflict(path, other, on_disk, why)
        store.atomic_write(path, body, durable=False)
    return store.digest(body)  # type: ignore[return-value]


class Autosave:
    """One review's autosave: what it last wrote, who it is, and why it is off if it is."""

    def __init__(self, folder: Path, seen: str | None) -> None:
        self.folder = folder
        self.seen = seen  # hash of the file as this review last wrote or resumed it
        self.owner = new_owner()
        self.error: str | None = None  # "Autosave is off: …", said in every message
        self.conflict: StateConflict | None = None

    @property
    def path(self) -> Path:
        return self.folder / store.STATE

    def write(self, review: Review, facts_digest: str | None) -> bool:
        """Write the review unless another review wrote the file since this one did."""
        self.conflict = None
        problem = store.writable_folder(self.folder)
        if problem is None:
            try:
                self.seen = save(self.folder, {
                    "review": self.owner, "text_digest": store.digest(review.text),
                    "facts_digest": facts_digest, **review.to_json()}, expected=self.seen)
            except StateConflict as e:
                self.conflict = e
                ways = ("take their review (undo brings yours back), or keep yours and "
                        "overwrite theirs" if e.other is not None
                        else "keep yours and overwrite it")
                problem = (f"{e}. This review's changes are not written there: they are "
                           f"in this kernel only. The ways out: {ways}")
            except OSError as e:
                problem = f"{self.folder}: {e.strerror or e}"
        self.error = f"Autosave is off: {problem}." if problem else None
        return self.error is None

    def ways(self) -> list[str]:
        """The buttons that get out of a conflict: take theirs (when it can be), keep mine."""
        if self.conflict is None:
            return []
        return ["take_review", "keep_review"] if self.conflict.other is not None else [
            "keep_review"]

    def theirs(self, text: str) -> tuple[dict[str, Any] | None, str]:
        """The review on disk now, to take it (this review then writes over that version),
        or None and why it cannot be taken."""
        raw, on_disk = read(self.folder)
        state, why = parse(raw, store.digest(text))
        if state is not None:
            self.seen = on_disk
        return state, why

    def may_overwrite(self) -> bool:
        """Allow the next write over the version the analyst was told about; False when
        the file changed again since (nobody has seen that version)."""
        if self.conflict is None or read(self.folder)[1] != self.conflict.on_disk:
            return False
        self.seen = self.conflict.on_disk
        return True
