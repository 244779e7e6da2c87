"""All articles' records → frames, with the checks that span articles.

Each frame is built once from every article's records and given the contract's dtypes;
then the cross-article checks run vectorised (unique ids, references, codebooks), and
every frame is validated against its pandera schema as the contract check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from briefing import contract as C
from briefing.codebooks import Codebooks
from briefing.load.merge import merge_entities, order, scope_fact_ids
from briefing.load.parse import HIDDEN, ArticleParse
from briefing.model import COLUMNS, FRAMES, Problem

_DATE, _INT, _FLOAT, _STR = "datetime64[ns]", "int64", "float64", "str"
# Frames whose facts can wait for review (those with the contract's review column).
_REVIEWED = tuple(name for name in FRAMES if "review" in COLUMNS[name])


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """One frame from all articles' records, with the contract's dtypes."""
    cols = [c for c in COLUMNS[name] if c not in C.DERIVED.get(name, ())]
    df = pd.DataFrame.from_records(rows, columns=[*cols, *HIDDEN]) if rows else \
        pd.DataFrame({c: [] for c in (*cols, *HIDDEN)})
    return _typed(name, df)


def _typed(name: str, df: pd.DataFrame) -> pd.DataFrame:
    frame = C.FRAMES[name]
    for col in df.columns:
        if col in HIDDEN:
            continue
        c = frame.col(col)
        if c.dtype == "cat":
            df[col] = pd.Categorical(df[col], categories=list(c.values), ordered=c.ordered)
        elif c.dtype == "date":
            df[col] = pd.to_datetime(df[col], format="%Y-%m-%d").astype(_DATE)
        elif c.dtype == "int" and not df[col].isna().any():
            df[col] = df[col].astype(_INT)
        elif c.dtype in ("int", "float"):
            # A missing number (already reported) stays NaN rather than failing here.
            df[col] = df[col].astype(_FLOAT)
        else:
            df[col] = df[col].astype(C.PANDAS_DTYPES[c.dtype])
    return df


class _Assembly:
    """Builds the frames from all records and collects cross-article problems."""

    def __init__(self, parses: list[ArticleParse], codebooks: Codebooks,
                 include_pending: bool = False):
        self.cb = codebooks
        self.problems: list[Problem] = []
        parses = scope_fact_ids(self.one_per_article_id(order(parses)))
        entities, self.warnings = merge_entities(parses)
        records = {name: [r for p in parses for r in p.records[name]] for name in FRAMES}
        records.update(entities)
        self.f = {name: _frame(name, records[name]) for name in FRAMES}
        self.without_unreviewed(include_pending)

    def one_per_article_id(self, parses: list[ArticleParse]) -> list[ArticleParse]:
        # The same article id twice: the newer copy is the one in the wrong, and none of
        # its records (entities included) take part.
        seen: dict[str, ArticleParse] = {}
        keep = []
        for p in parses:
            first = seen.get(p.article_id) if p.article_id else None
            if first is None:
                seen.setdefault(p.article_id, p)
                keep.append(p)
                continue
            row = p.records["articles"][0] if p.records["articles"] else {}
            self.problems.append(Problem(
                row.get("_file", p.folder), p.article_id, "id",
                f"article id {p.article_id!r} is already used by {first.folder}",
                row.get("_line")))
        return keep

    def report(self, df: pd.DataFrame, mask: pd.Series, id_col: str, fld: str,
               message: Callable[[pd.Series], str]) -> None:
        """A problem for each row where `mask` holds, at the line of `fld` if known."""
        for _, row in df[mask].iterrows():
            line = row["_keys"].get(fld, row["_line"]) if row["_keys"] else row["_line"]
            self.problems.append(Problem(row["_file"], row[id_col], fld, message(row),
                                         None if pd.isna(line) else int(line)))

    def run(self) -> dict[str, pd.DataFrame]:
        self.unique_ids()
        self.fact_ids_across_kinds()
        self.references()
        self.codebook_columns()
        self.actor_blocs()
        self.complete_blocs()
        self.evidence_ids()
        return self.f

    def unique_ids(self) -> None:
        for name, col in (("articles", "article_id"), ("events", "event_id"),
                          ("statements", "statement_id"), ("positions", "position_id"),
                          ("sources", "source_id"), ("actors", "actor_id"),
                          ("issues", "issue_id"), ("blocs", "bloc_id")):
            df = self.f[name]
            dup = df[col].duplicated()
            if dup.any():
                first = df[~dup].set_index(col)
                self.report(df, dup, col, "id", lambda r, c=col, fi=first:
                            f"id {r[c]!r} is already used at {fi.loc[r[c], '_file']}:"
                            f"{fi.loc[r[c], '_line']}")
                self.f[name] = df[~dup]
                # Within one article the copies' participants and quotes cannot be told
                # apart, so only another article's copy takes its rows with it.
                gone = df.loc[dup, ["_article", col]]
                gone = gone[gone["_article"].to_numpy()
                            != first.loc[gone[col], "_article"].to_numpy()]
                self.drop_dependents(name, gone)

    def drop_dependents(self, name: str, gone: pd.DataFrame) -> None:
        """Drop the rows that came with a rejected duplicate, so they raise no echoes."""
        if name == "articles":
            folders = set(gone["_article"])
            for other in FRAMES:
                df = self.f[other]
                self.f[other] = df[~df["_article"].isin(folders)]
            return
        keys = pd.MultiIndex.from_frame(gone.set_axis(["_article", "id"], axis=1))
        for other, col in (("participants", "event_id"), ("evidence", "fact_id")):
            df = self.f[other]
            mine = pd.MultiIndex.from_arrays([df["_article"], df[col]]).isin(keys)
            self.f[other] = df[~mine]

    def fact_ids_across_kinds(self) -> None:
        # Evidence names its fact by id alone, so an event and a statement may not share one.
        seen = pd.Index(self.f["events"]["event_id"])
        for name, col in (("statements", "statement_id"), ("positions", "position_id")):
            df = self.f[name]
            clash = df[col].isin(seen)
            self.report(df, clash, col, "id", lambda r, c=col:
                        f"id {r[c]!r} is already used by another fact")
            self.f[name] = df[~clash]
            seen = seen.append(pd.Index(self.f[name][col]))

    def references(self) -> None:
        f = self.f
        actors = pd.Index(f["actors"]["actor_id"])
        sources = pd.Index(f["sources"]["source_id"])
        events = pd.Index(f["events"]["event_id"])
        issues = pd.Index(f["issues"]["issue_id"])
        checks = (
            ("participants", "actor_id", "participants", actors, "actor", "event_id"),
            ("events", "source_id", "source", sources, "source", "event_id"),
            ("statements", "speaker_id", "speaker", actors, "actor", "statement_id"),
            ("statements", "event_id", "event", events, "event", "statement_id"),
            ("statements", "source_id", "source", sources, "source", "statement_id"),
            ("positions", "actor_id", "actor", actors, "actor", "position_id"),
            ("positions", "issue_id", "issue", issues, "issue", "position_id"),
            ("actors", "parent_id", "parent", actors, "actor", "actor_id"),
            ("sources", "via", "via", sources, "source", "source_id"),
        )
        for name, col, fld, known, what, id_col in checks:
            df = f[name]
            values = df[col]
            # Empty means "none" for optional references; None means already reported.
            bad = ~values.isin(known) & (values != "") & values.notna()
            self.report(df, bad, id_col, fld, lambda r, c=col, w=what:
                        f"unknown {w} {r[c]!r}")
        self.parent_cycles()
        members = f["actors"]["members"].str.split()
        unknown = members.map(lambda ids: " ".join(i for i in ids if i not in actors))
        self.report(f["actors"], unknown != "", "actor_id", "members",
                    lambda r: f"unknown member {unknown[r.name]!r}")
        facts = events.append(pd.Index(f["statements"]["statement_id"])).append(
            pd.Index(f["positions"]["position_id"]))
        kp = f["key_points"]
        if len(kp):
            cited = kp["fact_ids"].str.split()
            bad = cited.map(lambda ids: [i for i in ids if i not in facts])
            self.report(kp, bad.str.len() > 0, "article_id", "key_points",
                        lambda r: f"key point {r['point']}: unknown fact "
                                  f"{' '.join(i for i in r['fact_ids'].split() if i not in facts)}")

    def parent_cycles(self) -> None:
        parent = dict(zip(self.f["actors"]["actor_id"], self.f["actors"]["parent_id"],
                          strict=True))
        cyclic = set()
        for start in parent:
            seen, a = set(), start
            while a and a in parent and a not in seen:
                seen.add(a)
                a = parent[a]
            if a == start:
                cyclic.add(start)
        df = self.f["actors"]
        self.report(df, df["actor_id"].isin(cyclic), "actor_id", "parent",
                    lambda r: f"parent chain of {r['actor_id']!r} loops back to it")

    def codebook_columns(self) -> None:
        ev = self.f["events"]
        cameo = self.cb.cameo.set_index("cameo_code")
        ev["goldstein"] = ev["cameo_code"].map(cameo["goldstein"]).astype(_FLOAT)
        ev["cameo_name"] = ev["cameo_code"].map(cameo["name"]).astype(_STR)
        pl = self.cb.plover.set_index(["plover_type", "plover_mode"])
        key = pd.MultiIndex.from_arrays([ev["plover_type"].astype(object),
                                         ev["plover_mode"].astype(object)])
        ev["plover_score"] = pl["score"].reindex(key).to_numpy()
        quad = pl.groupby(level=0)["quad_class"].first()
        ev["quad_class"] = pd.Categorical(ev["plover_type"].astype(object).map(quad),
                                          categories=list(C.QUAD_CLASSES))
        self.f["events"] = ev[[*COLUMNS["events"], *HIDDEN]]

    def actor_blocs(self) -> None:
        # A bloc defaults to the parent's, then to the actor itself: a minister → his state.
        df = self.f["actors"]
        own = dict(zip(df["actor_id"], df["bloc"], strict=True))
        parent = dict(zip(df["actor_id"], df["parent_id"], strict=True))

        def bloc(a: str, depth: int = 0) -> str:
            if own.get(a) or depth > 50:
                return own.get(a) or a
            p = parent.get(a)
            return bloc(p, depth + 1) if p and p in parent else a

        df["bloc"] = pd.Series([bloc(a) for a in df["actor_id"]], index=df.index,
                               dtype=_STR)

    def without_unreviewed(self, include_pending: bool) -> None:
        """Leave out rejected facts, pending ones unless asked, and what hangs off them."""
        f = self.f
        drop = [C.REJECTED] if include_pending else [C.REJECTED, C.PENDING]
        gone: dict[str, set[str]] = {}
        for name in _REVIEWED:
            df, col = f[name], C.ID_COLUMN[name]
            mask = df["review"].isin(drop)
            gone[name] = set(df.loc[mask, col])
            f[name] = df[~mask]
        if not any(gone.values()):
            return
        p = f["participants"]
        # A fact that names a left-out actor, source, issue or event cannot stand alone.
        bad_events = set(p.loc[p["actor_id"].isin(gone["actors"]), "event_id"])
        ev = f["events"]
        ev = ev[~ev["event_id"].isin(bad_events) & ~ev["source_id"].isin(gone["sources"])]
        gone["events"] |= set(f["events"]["event_id"]) - set(ev["event_id"])
        f["events"] = ev
        st = f["statements"]
        keep = ~(st["speaker_id"].isin(gone["actors"]) | st["source_id"].isin(gone["sources"])
                 | st["event_id"].isin(gone["events"]))
        gone["statements"] |= set(st.loc[~keep, "statement_id"])
        f["statements"] = st[keep]
        po = f["positions"]
        keep = ~(po["actor_id"].isin(gone["actors"]) | po["issue_id"].isin(gone["issues"]))
        gone["positions"] |= set(po.loc[~keep, "position_id"])
        f["positions"] = po[keep]
        f["participants"] = p[p["event_id"].isin(f["events"]["event_id"])]
        facts = gone["events"] | gone["statements"] | gone["positions"]
        evi = f["evidence"]
        f["evidence"] = evi[~evi["fact_id"].isin(facts | gone["sources"])
                            | (evi["fact_kind"] != "source") & ~evi["fact_id"].isin(facts)]
        kp = f["key_points"]
        f["key_points"] = kp[~kp["fact_ids"].str.split().map(
            lambda ids: any(i in facts for i in ids)).astype(bool)]
        ac = f["actors"]
        f["actors"] = ac.assign(parent_id=ac["parent_id"].where(
            ~ac["parent_id"].isin(gone["actors"]), ""))

    def complete_blocs(self) -> None:
        # Every bloc an actor is in gets a row, in order of first appearance; a declared
        # bloc keeps its label and colour, an undeclared one is named after its actor.
        bl, ac = self.f["blocs"], self.f["actors"]
        names = dict(zip(ac["actor_id"], ac["name"], strict=True))
        used = list(dict.fromkeys(ac["bloc"]))
        declared = set(bl["bloc_id"])
        new = [{"bloc_id": b, "label": names.get(b, b.replace("-", " ").title()),
                "color": "", "_article": "", "_file": "", "_line": None, "_keys": {}}
               for b in used if b not in declared]
        rows = pd.concat([bl, _frame("blocs", new)], ignore_index=True) if new else bl
        rank = {b: i for i, b in enumerate(used)}
        rows = rows.assign(label=rows["label"].mask(rows["label"] == "",
                                                    rows["bloc_id"].map(names)).fillna(
            rows["bloc_id"]).astype(_STR))
        order_ = rows["bloc_id"].map(lambda b: rank.get(b, len(rank)))
        self.f["blocs"] = rows.iloc[order_.argsort(kind="stable")]

    def evidence_ids(self) -> None:
        # Numbered per fact across the whole base: a source declared in two articles
        # keeps distinct evidence ids.
        ev = self.f["evidence"]
        n = ev.groupby("fact_id", sort=False).cumcount() + 1
        ev["evidence_id"] = ev["fact_id"] + "#" + n.astype(str)

    def required_links(self) -> None:
        """Backstops for rules the parser enforces per fact (cheap, and guard refactors)."""
        cited = pd.Index(self.f["evidence"]["fact_id"])
        for name, col in (("events", "event_id"), ("statements", "statement_id"),
                          ("positions", "position_id")):
            df = self.f[name]
            self.report(df, ~df[col].isin(cited), col, "evidence",
                        lambda r: "has no evidence")
        p = self.f["participants"]
        doers = pd.Index(p.loc[p["role"] == "actor", "event_id"])
        ev = self.f["events"]
        self.report(ev, ~ev["event_id"].isin(doers), "event_id", "participants",
                    lambda r: "needs at least one `actor`")


def _validate(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Run each frame's pandera model; turn failure cases into problems."""
    # pandera is imported here, not at module load: a cached fact base never needs it.
    import pandera.pandas as pa

    from briefing.schema import MODELS

    problems: list[Problem] = []
    for name, model in MODELS.items():
        df = frames[name]
        try:
            model.validate(df, lazy=True)
        except pa.errors.SchemaErrors as e:
            problems.extend(_failures(name, df, e.failure_cases))
    return problems


def _failures(name: str, df: pd.DataFrame, cases: pd.DataFrame) -> list[Problem]:
    id_col = C.ID_COLUMN[name]
    out = []
    for case in cases.itertuples(index=False):
        column = str(case.column) if pd.notna(case.column) else ""
        idx = case.index
        what = f"{case.check}: {case.failure_case!r}"
        if idx is None or pd.isna(idx) or idx not in df.index:
            out.append(Problem(f"<{name} frame>", "", column, f"contract: {what}"))
            continue
        row = df.loc[idx]
        field_name = column if column in COLUMNS[name] else ""
        line = row["_keys"].get(field_name, row["_line"]) if row["_keys"] else row["_line"]
        out.append(Problem(row["_file"], str(row[id_col]), field_name or column,
                           f"contract: {what}", None if pd.isna(line) else int(line)))
    return out


def _bare(fact_id: str) -> str:
    return str(fact_id).rsplit("/", 1)[-1]


def assemble(parses: list[ArticleParse], codebooks: Codebooks, include_pending: bool = False
             ) -> tuple[dict[str, pd.DataFrame], list[Problem], list[Problem]]:
    """All records → frames (with private columns), the problems across articles and
    the warnings (entities declared differently).

    The parse problems are not repeated; the backstop and contract checks report only
    what no earlier check said about the same fact (a bad CAMEO code also leaves an
    empty Goldstein score, which is not news).
    """
    a = _Assembly(parses, codebooks, include_pending)
    frames = a.run()
    primary = a.problems
    a.problems = []
    a.required_links()
    secondary = a.problems + _validate(frames)
    known = [p for parse in parses for p in parse.problems] + primary
    # The frames call a fact id that two articles share "<article-id>/ev-1"; the parse
    # problems name it as its file does ("ev-1"). Compared bare, a TODO the parser
    # already reported is not reported again as an internal dtype failure.
    facts = {(p.file, _bare(p.fact_id)) for p in known}
    fields = {(p.file, _bare(p.fact_id), p.field) for p in known}
    # A whole column's dtype failure ("<events frame>: credibility: contract: dtype
    # int64: float64") follows from values already reported in that column (a TODO
    # beside accepted grades leaves a gap): it is not news either.
    keys = {c.name: c.key for f in C.FRAMES.values() for c in f.cols if c.key}
    said = {p.field for p in known}
    extra = []
    for p in secondary:
        if (p.file, _bare(p.fact_id), p.field) in fields or (
                p.message.startswith("contract:") and (p.file, _bare(p.fact_id)) in facts):
            continue
        if p.file.startswith("<") and p.message.startswith("contract:") and (
                p.field in said or keys.get(p.field) in said):
            continue
        fields.add((p.file, _bare(p.fact_id), p.field))
        extra.append(p)
    return frames, primary + extra, a.warnings
