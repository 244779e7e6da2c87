"""The review workbench widget (anywidget): the browser draws, Python decides.

The browser (`briefing/static/workbench.js`) renders the text and panels from two synced
values, `text` (sent once) and `view` (after every action), and sends back small messages:
an action name with its arguments, the character offsets of a selection, a request to
validate or to save. All state lives here, in a `Review`, and is autosaved beside the
article after every change.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from briefing import contract as C
from briefing.model import FactError, Problem
from briefing.widgets import STATIC_DIR
from briefing.workbench import autosave, check, opening, store
from briefing.workbench.autosave import Autosave
from briefing.workbench.document import ARTICLE, KINDS, singular, slugify
from briefing.workbench.pickers import codebook_payload, forms_payload
from briefing.workbench.review import Review, ReviewError, describe

log = logging.getLogger(__name__)


class Workbench(anywidget.AnyWidget):
    """Review a machine draft of one article and save it as a valid facts.yaml."""

    _esm = STATIC_DIR / "workbench.js"
    _css = STATIC_DIR / "workbench.css"

    phase = traitlets.Unicode("open").tag(sync=True)  # open | review
    text = traitlets.Unicode("").tag(sync=True)
    setup = traitlets.Dict().tag(sync=True)
    view = traitlets.Dict().tag(sync=True)
    problems = traitlets.List().tag(sync=True)
    checked = traitlets.Int(0).tag(sync=True)  # validations run; the browser's "fresh" signal
    message = traitlets.Dict().tag(sync=True)  # {"level": info|ok|error, "text": ...}

    def __init__(self, source: str | Path | None = None, *, text: str | None = None,
                 title: str | None = None, published: str | dt.date | None = None,
                 folder: str | Path | None = None, draft: dict[str, Any] | str | Path | None = None,
                 base: str | Path | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.review: Review | None = None
        self.folder: Path | None = None
        self.facts_digest: str | None = None
        self.autosave: Autosave | None = None
        self._base_path = Path(base) if base else None
        self._rev = 0
        self._generation = 0  # bumped by every change and validation; stale results drop
        self.on_msg(self._on_msg)
        if source is not None or text is not None:
            self.open_article(source, text=text, title=title, published=published, folder=folder,
                      draft=draft)
        else:
            self.message = {"level": "info", "text": "Open an article: give its file, or "
                            "paste its text with a title and publication date."}

    # -- opening -------------------------------------------------------------------------

    def open_article(self, source: str | Path | None = None, *, text: str | None = None,
             title: str | None = None, published: str | dt.date | None = None,
             folder: str | Path | None = None,
             draft: dict[str, Any] | str | Path | None = None) -> bool:
        """Open an article (a file, or text); resume its saved review if there is one."""
        try:
            self._open(source, text, title, published, folder, draft)
        except store.InputError as e:
            self.phase = "open"
            self.message = {"level": "error", "text": str(e)}
            return False
        return True

    def _open(self, source: Any, text: str | None, title: str | None, published: Any,
              folder: Any, draft: Any) -> None:
        if source not in (None, ""):
            path = Path(source).expanduser()
            text = store.read_text(path)
        elif text is not None:
            path = None
            text = store.check_text(text)
        else:
            raise store.InputError("give the article: a file path, or its text")
        base = self._base_path or opening.default_base()
        target = Path(folder).expanduser() if folder not in (None, "") else None
        if target is None and path is not None and path.name == store.TEXT:
            target = path.parent
        saved, drafter_note, state_digest = None, "", None
        if target is not None:
            saved, state_digest = autosave.load(target, text)
        if saved is None and target is not None and (target / store.FACTS).exists():
            doc = store.read_facts(target / store.FACTS)
            digest = store.file_digest(target / store.FACTS)
        elif saved is None:
            title = (title or "").strip() or opening.first_line(text)
            day = opening.day(published)
            if day is None:
                raise store.InputError("give the publication date (YYYY-MM-DD): relative "
                                       "dates in the text are resolved against it")
            doc, drafter_note = (opening.machine_draft(text, day, title) if draft is None
                                 else (store.read_draft(draft), ""))
            doc = dict(doc)
            article = {"id": slugify(f"{title} {day}", limit=64), "title": title,
                       "outlet": "", "published": day.isoformat(),
                       "published_basis": "context", "language": "en"}
            doc["article"] = {**article, **(doc.get("article") or {})}
            digest = None
            if target is None:
                # The folder is named by a slug made here: never by a value read from a
                # draft, which could hold "../" or a path of its own.
                target = base / slugify(f"{title} {day}", limit=64)
                saved, state_digest = autosave.load(target, text)
        if saved is not None:
            doc, digest = saved["doc"], saved.get("facts_digest")
        self.folder = target
        self.facts_digest = digest
        self.autosave = Autosave(target, state_digest)
        registry = opening.registry(base)
        self.review = Review(text, doc)
        if saved is not None:
            self.review.cursor = int(saved.get("cursor") or 0)
            self.review.undo = list(saved.get("undo") or [])
        self.setup = {**codebook_payload(), "forms": forms_payload(), "registry": registry}
        self.text = text
        counts = self.review.counts()
        if saved is not None:
            # Resuming writes nothing: if the review that wrote the file is still open, the
            # first of the two to change something keeps the autosave, the other is told.
            note = (f"Resumed {autosave.describe_owner(saved.get('review'))}, "
                    f"autosaved{autosave.at(saved.get('saved_at'))}: "
                    f"{counts[C.ACCEPTED] + counts[C.REJECTED]} decided, "
                    f"{counts[C.PENDING]} pending; this is review {self.owner['id']}.")
            if autosave.may_be_open(saved.get("review")):
                note += (" That review may still be open: the first of the two to change "
                         "something keeps the autosave, the other is told and offered the "
                         "ways out.")
        else:
            note = f"{counts[C.PENDING]} suggestions to review." + drafter_note
            self._autosave()
        # The view and message first, then the phase: the browser draws the review once,
        # complete.
        self._publish(dirty=True)
        self._say(note)
        self.phase = "review"

    # -- browser messages ----------------------------------------------------------------

    def _on_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        try:
            self.handle(content)
        except Exception as e:  # noqa: BLE001 - the analyst sees a message, never a traceback
            log.exception("workbench: %r failed", content.get("type"))
            self.message = {"level": "error", "text": f"Something went wrong: {e}"}

    def handle(self, content: dict[str, Any]) -> None:
        """Apply one message from the browser (also the scripted API of tests and bench)."""
        kind = content.get("type")
        if kind == "open":
            self.open_article(content.get("path") or None, text=content.get("text") or None,
                      title=content.get("title"), published=content.get("published"),
                      folder=content.get("folder") or None, draft=content.get("draft") or None)
            return
        if self.review is None:
            self.message = {"level": "error", "text": "Open an article first."}
            return
        if kind == "action":
            self.act(str(content.get("action")),
                     **{k: v for k, v in content.items() if k not in ("type", "action", "seq")},
                     seq=content.get("seq"))
        elif kind == "select":
            self.select(content.get("start"), content.get("end"), seq=content.get("seq"))
        elif kind == "validate":
            self._validate_soon()
        elif kind == "save":
            self.save(content.get("folder") or None)
        elif kind == "diff":
            self.differences()
        elif kind == "reload":
            self.take_theirs()
        elif kind == "take_review":
            self.take_their_review()
        elif kind == "keep_review":
            self.keep_my_review()

    def act(self, action: str, seq: Any = None, **args: Any) -> None:
        """Apply one review action (next, previous, goto, accept, reject, edit, add, undo)."""
        assert self.review is not None
        changes = action not in ("next", "previous", "goto", "next_pending")
        # Actions on the selected words take them from the last selection.
        uses_selection = action in ("add", "cite") or (action == "key_point"
                                                       and args.get("op") == "add")
        if uses_selection and "start" not in args and self._selection:
            args = {**args, **{k: self._selection[k] for k in ("start", "end")}}
        try:
            note = self.review.apply(action, **args)
        except (ReviewError, TypeError) as e:
            self.message = {"level": "error", "text": str(e)}
            self._publish(seq=seq)
            return
        if uses_selection:
            self._selection = None
        if changes:
            self._generation += 1
        was_off = self.message.get("autosave") == "off"
        self._autosave()
        if note or self.autosave_error:
            self._say(note)
        elif was_off:
            self._say(f"Autosave is on again: {self.folder / store.STATE} holds this review.")
        self._publish(dirty=changes, seq=seq, edit=action == "add")

    _selection: dict[str, Any] | None = None

    def select(self, start: Any, end: Any, seq: Any = None) -> None:
        """Remember a selection, snapped to whole words; the view shows the words chosen."""
        from briefing.workbench.offsets import snap

        assert self.review is not None
        try:
            span = snap(self.review.text, int(start), int(end))
        except (TypeError, ValueError):
            span = None
        self._selection = None if span is None else {
            "start": span[0], "end": span[1], "quote": self.review.text[span[0]:span[1]]}
        self._publish(seq=seq)

    def validate(self) -> list[Problem]:
        """Run the loader on the facts as they would be saved; show its problems."""
        assert self.review is not None and self.folder is not None
        self._generation += 1
        found = check.validate(self.review.text, self.review.facts(), target=self.folder)
        self._show_problems(found)
        return found

    def _validate_soon(self) -> None:
        """Validate in a worker process, so keys pressed meanwhile are not kept waiting (a
        thread would share the kernel's interpreter lock with them); a result that a later
        change has overtaken is dropped (the browser asks again after that change)."""
        assert self.review is not None and self.folder is not None
        self._generation += 1
        generation = self._generation

        def show(found: list[Problem]) -> None:
            if generation == self._generation:
                self._show_problems(found)

        check.validate_soon(self.review.text, self.review.facts(), self.folder, show)

    def _show_problems(self, found: list[Problem]) -> None:
        self.problems = [{"file": p.file, "line": p.line, "fact_id": p.fact_id,
                          "field": p.field, "message": p.message, "text": str(p)}
                         for p in found]
        self.checked += 1

    def save(self, folder: str | Path | None = None) -> bool:
        """Write facts.yaml (and article.txt) to the review's folder, or to `folder`."""
        assert self.review is not None
        target = Path(folder).expanduser() if folder else self.folder
        assert target is not None
        unwritable = store.writable_folder(target)
        if unwritable:
            self.message = {"level": "error", "text": f"Not saved: {unwritable}"}
            return False
        # Autosave first: what the messages below say about the review file is then true
        # now, not as of the last key (another review may have written it meanwhile).
        self._autosave()
        problems = self.validate()
        if problems:
            # facts.yaml is what the dashboard reads: only a valid one goes there. The
            # work itself is kept in the autosaved review — said only while it is true.
            n = len(problems)
            kept = (f" Your review is kept in {self.folder / store.STATE}."
                    if self.autosave_error is None else "")
            self._say(f"Not saved: the loader finds {n} problem{'s' if n != 1 else ''} "
                      "(listed below; click one to go to its fact). Fix or reject those "
                      "facts, then save." + kept, level="error")
            self._publish()
            return False
        expected = self.facts_digest if target == self.folder else store.file_digest(
            target / store.FACTS)
        try:
            digest = store.save_facts(target, self.review.text, self.review.facts(), expected)
        except store.ConflictError as e:
            # The ways out, as buttons in the message (and as methods: wb.differences(),
            # wb.take_theirs(), wb.save("another/folder")).
            self._say(f"Not saved: {e}", level="error", actions=("diff", "reload", "save_as"))
            return False
        except store.InputError as e:
            self._say(f"Not saved: {e}", level="error", actions=("save_as",))
            return False
        except OSError as e:
            self.message = {"level": "error",
                            "text": f"Not saved: {target}: {e.strerror or e}"}
            return False
        if target == self.folder:
            self.facts_digest = digest
        self._autosave()
        self._say(f"Saved {target / store.FACTS} — valid: `python -m briefing validate` "
                  "passes; run wb.preview() to see it.", level="ok")
        self._publish()
        return True

    def differences(self) -> str:
        """What saving now would change in facts.yaml on disk, as a unified diff."""
        assert self.review is not None and self.folder is not None
        diff = store.facts_diff(self.folder, self.review.facts())
        self.message = {**self.message, "diff": diff or "No difference: the file on disk "
                        "already holds this review's facts."}
        return diff

    def take_theirs(self) -> None:
        """Continue from facts.yaml as it is on disk now (the other save); one undo step
        brings this review's facts back."""
        assert self.review is not None and self.folder is not None
        path = self.folder / store.FACTS
        doc = store.read_facts(path)
        self.review.apply("replace", doc=doc)
        self.facts_digest = store.file_digest(path)
        self._generation += 1
        self._autosave()
        self._say(f"Now reviewing {path} as it is on disk; press u (undo) to bring your "
                  "version back.")
        self._publish(dirty=True)

    def take_their_review(self) -> bool:
        """Continue from the review that another review autosaved over this one's (its
        facts, cursor and undo steps); one undo step brings this review's facts back."""
        assert self.review is not None and self.autosave is not None
        theirs, why = self.autosave.theirs(self.review.text)
        if theirs is None:
            self._say(f"Nothing taken: {self.autosave.path}: {why}.", level="error")
            return False
        self.review.adopt(theirs)
        self.facts_digest = theirs.get("facts_digest")
        self._generation += 1
        self._autosave()
        counts = self.review.counts()
        self._say(f"Now continuing the work of {autosave.describe_owner(theirs.get('review'))}"
                  f", as autosaved{autosave.at(theirs.get('saved_at'))}: "
                  f"{counts[C.ACCEPTED] + counts[C.REJECTED]} decided, "
                  f"{counts[C.PENDING]} pending; press u (undo) to bring yours back."
                  + (f" {self.autosave.path} now holds both." if self.autosave_error is None
                     else ""))
        self._publish(dirty=True)
        return True

    def keep_my_review(self) -> bool:
        """Write this review over the autosave another review wrote: the version this
        review was told about, never a later one."""
        assert self.review is not None and self.autosave is not None
        conflict = self.autosave.conflict
        if conflict is None:
            self._say(f"Nothing to overwrite: {self.autosave.path} holds this review."
                      if self.autosave_error is None else "Nothing overwritten.")
            return self.autosave_error is None
        if not self.autosave.may_overwrite():
            self._autosave()  # tells who wrote it this time
            self._say("Not overwritten: the file changed again since you were told.",
                      level="error")
            return False
        self._autosave()
        if self.autosave_error is None:
            whose = (f"the autosave of {autosave.describe_owner(conflict.other.get('review'))}"
                     f"{autosave.at(conflict.other.get('saved_at'))}"
                     if conflict.other is not None else "a review file not of this text")
            self._say(f"Autosave is on: this review overwrote {whose} in {conflict.path}. "
                      "If that review is still open, it is told at its next change.")
        else:
            self._say("Not overwritten.")
        self._publish()
        return self.autosave_error is None

    def preview(self) -> Any:
        """The dashboard over the saved article; before a valid Save, a note saying so."""
        import ipywidgets

        from briefing.dashboard import dashboard
        from briefing.load import load

        if self.folder is None or not (self.folder / store.FACTS).exists():
            return ipywidgets.Label("The preview appears here once the article is saved: "
                                    "press Save in the workbench, then run this cell again.")
        try:
            return dashboard(load(self.folder))
        except FactError as e:
            return ipywidgets.Label(f"Not shown yet: the saved facts have {len(e.problems)} "
                                    "problem(s); the workbench lists them.")

    # -- state out -------------------------------------------------------------------------

    @property
    def autosave_error(self) -> str | None:
        """Why the autosave is off ("Autosave is off: …"), or None while it writes."""
        return self.autosave.error if self.autosave is not None else None

    @property
    def owner(self) -> dict[str, Any]:
        """This review's id and process, as signed into its autosave."""
        return self.autosave.owner if self.autosave is not None else {}

    def _autosave(self) -> None:
        assert self.review is not None and self.autosave is not None
        self.autosave.write(self.review, self.facts_digest)

    def _say(self, note: str, level: str = "info", actions: tuple[str, ...] = ()) -> None:
        """Show `note`, with the autosave's state when it is off (and its ways out)."""
        ways = list(actions)
        message: dict[str, Any] = {"level": level, "text": note}
        if self.autosave_error:
            assert self.autosave is not None
            said = note if not note or note.endswith((".", "!", "?")) else note + "."
            message.update(level="error", autosave="off",
                           text=" ".join(x for x in (said, self.autosave_error) if x))
            ways += self.autosave.ways()
        if ways:
            message["actions"] = ways
        self.message = message

    def _publish(self, *, dirty: bool = False, seq: Any = None, edit: bool = False) -> None:
        review = self.review
        assert review is not None
        self._rev += 1
        items = review.items()
        current = review.current()
        problems_by_fact: dict[str, int] = {}
        for p in self.problems:
            problems_by_fact[p["fact_id"]] = problems_by_fact.get(p["fact_id"], 0) + 1
        self.view = {
            "rev": self._rev,
            "seq": seq,
            "dirty": dirty,
            "edit": edit,
            "cursor": review.cursor,
            "items": [{"sid": it.sid, "kind": singular(it.kind), "id": it.fact.get("id", ""),
                       "label": describe(it), "reason": it.fact.get("reason", ""),
                       "status": it.status, "spans": it.spans,
                       "problems": problems_by_fact.get(str(it.fact.get("id")), 0)}
                      for it in items],
            "current": None if current is None else {
                "sid": current.sid, "kind": singular(current.kind), "fact": current.fact},
            # What the pickers offer from this review: every item of every list, named.
            "doc": {k: [{"id": f.get("id"), "name": str(f.get(C.BY_LIST[k].label) or ""),
                         "scale_0": f.get("scale_0"), "scale_100": f.get("scale_100"),
                         "status": f.get("review", C.ACCEPTED)}
                        for f in review.doc.get(k) or []]
                    for k in KINDS},
            "key_points": (review.doc.get(ARTICLE) or {}).get("key_points") or [],
            "counts": review.counts(),
            "coverage": review.coverage(),
            "undo": len(review.undo),
            "selection": self._selection,
            "folder": str(self.folder),
            "review": self.owner.get("id", ""),
        }


def workbench(source: str | Path | None = None, *, text: str | None = None,
              title: str | None = None, published: str | dt.date | None = None,
              folder: str | Path | None = None,
              draft: dict[str, Any] | str | Path | None = None,
              base: str | Path | None = None) -> Workbench:
    """Open the review workbench on an article file or pasted text.

    `source` is the article's text file (UTF-8); or give `text` with `title` and
    `published`. The draft comes from `briefing.draft` (or `draft=`: a dict shaped like
    facts.yaml, or such a YAML file, every machine fact with `review: pending`).
    Saves go to `folder` (default: the article's own folder when the file is an
    `article.txt`, else `<base>/<slug>`, `base` being the fact base, by default
    `$BRIEFING_FACTS` or `assets/articles`). The review autosaves to `<folder>/.review.json`
    and resumes from it.
    """
    return Workbench(source, text=text, title=title, published=published, folder=folder,
                     draft=draft, base=base)
