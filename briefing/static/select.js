// The selection in the browser: which rows of each frame a selection keeps.
//
// The twin of `masks` in briefing/select.py, rule for rule, on the same arrays
// (`page_arrays`: dictionaries of ids as JSON, codes as typed arrays). A parity test runs
// this file in Chromium against the Python on seeded random selections; change both or
// neither.
//
//   data: { meta: {actors, articles, events, types, statuses, n_sources, n_issues, issues},
//           ancestors, ev_type, ev_status, ev_date, ev_end, ev_article, st_article,
//           pos_article, ev_rel, part_ev, part_actor, st_ev, st_rel, st_speaker, st_date,
//           pos_actor, pos_issue, ev_src, st_src, evid_fact }
//   sel:  { actors, articles, event_types, statuses, focus_events: arrays of ids;
//           date_from, date_to: day numbers (days since 1970) or null;
//           min_reliability: "A".."F"; issue: an issue id or null }

const GRADES = "ABCDEF";
const DEPTH = 8; // hierarchies are shallow: person < ministry < state

function chosen(ids, wanted) {
  // one flag per code plus a last slot, always false, that absorbs unknown codes (-1)
  const mask = new Uint8Array(ids.length + 1);
  if (!wanted || !wanted.length) return mask;
  const want = new Set(wanted);
  for (let i = 0; i < ids.length; i += 1) if (want.has(ids[i])) mask[i] = 1;
  return mask;
}

function at(mask, code) {
  // Python's mask[code] with code -1 reading the last slot
  return mask[code < 0 ? mask.length + code : code];
}

function spreadDown(ancestors, mask) {
  const n = ancestors.length;
  for (let round = 0; round < DEPTH; round += 1) {
    let grew = false;
    const before = mask.slice(0, n);
    for (let a = 0; a < n; a += 1) {
      const p = ancestors[a];
      if (!before[a] && p >= 0 && before[p]) {
        mask[a] = 1;
        grew = true;
      }
    }
    if (!grew) break;
  }
  return mask;
}

function withAncestors(ancestors, mask) {
  const n = ancestors.length;
  for (let round = 0; round < DEPTH; round += 1) {
    const up = [];
    for (let a = 0; a < n; a += 1) if (mask[a] && ancestors[a] >= 0) up.push(ancestors[a]);
    if (up.every((p) => mask[p])) break;
    for (const p of up) mask[p] = 1;
  }
  return mask;
}

export function masks(data, sel) {
  const meta = data.meta;
  const nEv = data.ev_type.length;
  const keep = new Uint8Array(nEv).fill(1);
  const has = (xs) => Array.isArray(xs) && xs.length > 0;
  if (has(sel.event_types)) {
    const t = chosen(meta.types, sel.event_types);
    for (let e = 0; e < nEv; e += 1) keep[e] &= at(t, data.ev_type[e]);
  }
  if (has(sel.statuses)) {
    const s = chosen(meta.statuses, sel.statuses);
    for (let e = 0; e < nEv; e += 1) keep[e] &= at(s, data.ev_status[e]);
  }
  const lo = sel.date_from == null ? null : sel.date_from;
  const hi = sel.date_to == null ? null : sel.date_to;
  // An event's span overlaps the range; an undated event cannot be dated out of it.
  for (let e = 0; e < nEv; e += 1) {
    const undated = Number.isNaN(data.ev_date[e]);
    if (lo !== null && !(data.ev_end[e] >= lo || undated)) keep[e] = 0;
    if (hi !== null && !(data.ev_date[e] <= hi || undated)) keep[e] = 0;
  }
  const art = has(sel.articles) ? chosen(meta.articles, sel.articles) : null;
  if (art) for (let e = 0; e < nEv; e += 1) keep[e] &= at(art, data.ev_article[e]);
  const maxRank = GRADES.indexOf(sel.min_reliability || "F");
  if (maxRank < 5) for (let e = 0; e < nEv; e += 1) if (data.ev_rel[e] > maxRank) keep[e] = 0;
  let who = null;
  if (has(sel.actors)) {
    who = spreadDown(data.ancestors, chosen(meta.actors, sel.actors));
    const touched = new Uint8Array(nEv);
    for (let p = 0; p < data.part_ev.length; p += 1) {
      if (data.part_ev[p] >= 0 && at(who, data.part_actor[p])) touched[data.part_ev[p]] = 1;
    }
    for (let e = 0; e < nEv; e += 1) keep[e] &= touched[e];
  }
  if (has(sel.focus_events)) {
    const f = chosen(meta.events, sel.focus_events);
    for (let e = 0; e < nEv; e += 1) keep[e] &= f[e];
  }

  // Statements: with an event, follow it; without one, stand on their own filters.
  const nSt = data.st_ev.length;
  const st = new Uint8Array(nSt);
  const free = !(has(sel.event_types) || has(sel.statuses) || has(sel.focus_events));
  for (let s = 0; s < nSt; s += 1) {
    const e = data.st_ev[s];
    if (e >= 0) {
      st[s] = keep[e];
      continue;
    }
    if (!free || data.st_rel[s] > maxRank) continue;
    const d = data.st_date[s];
    if (lo !== null && !(d >= lo)) continue;
    if (hi !== null && !(d <= hi)) continue;
    if (who && !at(who, data.st_speaker[s])) continue;
    if (art && !at(art, data.st_article[s])) continue;
    st[s] = 1;
  }
  // Positions: actors and articles narrow them; a clicked edge leaves none.
  const nPos = data.pos_actor.length;
  const pos = new Uint8Array(nPos);
  let nPosKept = 0;
  for (let p = 0; p < nPos; p += 1) {
    let k = has(sel.focus_events) ? 0 : who ? at(who, data.pos_actor[p]) : 1;
    if (art && !at(art, data.pos_article[p])) k = 0;
    pos[p] = k;
    nPosKept += k;
  }

  const part = new Uint8Array(data.part_ev.length);
  for (let p = 0; p < part.length; p += 1) {
    part[p] = data.part_ev[p] >= 0 ? keep[data.part_ev[p]] : 0;
  }
  const facts = new Uint8Array(nEv + nSt + nPos + 1);
  facts.set(keep, 0);
  facts.set(st, nEv);
  facts.set(pos, nEv + nSt);
  const evid = new Uint8Array(data.evid_fact.length);
  for (let i = 0; i < evid.length; i += 1) evid[i] = at(facts, data.evid_fact[i]);

  const nAct = meta.actors.length;
  let act = new Uint8Array(nAct + 1);
  const mark = (code) => { act[code < 0 ? nAct : code] = 1; };
  for (let p = 0; p < part.length; p += 1) if (part[p]) mark(data.part_actor[p]);
  for (let s = 0; s < nSt; s += 1) if (st[s]) mark(data.st_speaker[s]);
  for (let p = 0; p < nPos; p += 1) if (pos[p]) mark(data.pos_actor[p]);
  if (has(sel.actors)) {
    const c = chosen(meta.actors, sel.actors);
    for (let a = 0; a < nAct; a += 1) act[a] |= c[a];
  }
  act[nAct] = 0;
  act = withAncestors(data.ancestors, act);

  const sources = new Uint8Array(meta.n_sources + 1);
  const cite = (code) => { sources[code < 0 ? meta.n_sources : code] = 1; };
  for (let e = 0; e < nEv; e += 1) if (keep[e]) cite(data.ev_src[e]);
  for (let s = 0; s < nSt; s += 1) if (st[s]) cite(data.st_src[s]);
  let issues = new Uint8Array(meta.n_issues).fill(1);
  if (nPosKept < nPos) {
    issues = new Uint8Array(meta.n_issues);
    for (let p = 0; p < nPos; p += 1) {
      if (pos[p] && data.pos_issue[p] >= 0) issues[data.pos_issue[p]] = 1;
    }
    if (sel.issue) meta.issues.forEach((id, i) => { if (id === sel.issue) issues[i] = 1; });
  }
  return {
    events: keep, statements: st, positions: pos, participants: part, evidence: evid,
    actors: act.subarray(0, nAct), sources: sources.subarray(0, meta.n_sources), issues,
  };
}
