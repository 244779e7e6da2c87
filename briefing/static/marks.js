// What each mark aggregates, executed in the browser: the twin of `apply` in
// briefing/marks.py, on the rules `pack` ships (JSON + one blob of typed arrays) and the
// masks of select.js. A parity test runs both on the same selections; change both or
// neither.

const KINDS = { int8: Int8Array, int32: Int32Array, float64: Float64Array };

// {"buffer": [offset, length, dtype]} (briefing.marks.Blob) → a typed array on the blob
// (an ArrayBuffer, a typed array or the DataView a widget comm delivers)
export function reader(blob) {
  const bytes = blob instanceof ArrayBuffer ? blob : blob.buffer;
  const base = blob instanceof ArrayBuffer ? 0 : blob.byteOffset;
  return (ref) => {
    const [offset, length, dtype] = ref.buffer;
    const at = base + offset;
    // a typed array must start at a multiple of its item size in its buffer
    if (at % KINDS[dtype].BYTES_PER_ELEMENT === 0) return new KINDS[dtype](bytes, at, length);
    return new KINDS[dtype](bytes.slice(at, at + length * KINDS[dtype].BYTES_PER_ELEMENT));
  };
}

export function unpack(meta, blob) {
  const view = typeof blob === "function" ? blob : reader(blob);
  const fields = {};
  for (const [name, ref] of Object.entries(meta.fields || {})) fields[name] = view(ref);
  const bindings = meta.bindings.map((b) => {
    const values = {};
    for (const [name, v] of Object.entries(b.values)) {
      values[name] = { ...v, ptr: view(v.ptr), idx: view(v.idx) };
    }
    return { ...b, values };
  });
  return { bindings, fields, reads: meta.reads || [], picks: meta.picks || {},
           focus: unpackFocus(meta.focus, view) };
}

// actor → its events and rows (CSR arrays in the blob), read when a focus asks for them
function unpackFocus(focus, view) {
  if (!focus || !focus.actors || !focus.actors.length) return { get: () => null };
  const at = new Map(focus.actors.map((a, i) => [a, i]));
  const alias = focus.alias || {}; // an actor folded into a node: the node's
  const [ep, ei, rp, ri] = [focus.events.ptr, focus.events.idx, focus.rows.ptr,
                            focus.rows.idx].map(view);
  return {
    get(actor) {
      const k = at.get(Object.prototype.hasOwnProperty.call(alias, actor) ? alias[actor] : actor);
      if (k === undefined) return null;
      return { events: ei.subarray(ep[k], ep[k + 1]), rows: ri.subarray(rp[k], rp[k + 1]) };
    },
  };
}

function space(masks, name) {
  if (name !== "facts") return masks[name];
  const { events, statements, positions } = masks;
  const out = new Uint8Array(events.length + statements.length + positions.length);
  out.set(events, 0);
  out.set(statements, events.length);
  out.set(positions, events.length + statements.length);
  return out;
}

// A focused actor's selected events and its own participant rows (briefing.marks.focus_of)
export function focusOf(rules, masks, actor) {
  const found = actor ? rules.focus.get(actor) : null;
  if (!found) return null;
  return { events: new Set([...found.events].filter((e) => masks.events[e])),
           rows: new Set(found.rows) };
}

// briefing.marks.weighted_median
export function weightedMedian(values, weights) {
  const n = values.length;
  if (!n) return NaN;
  const order = [...Array(n).keys()].sort((a, b) => values[a] - values[b]); // stable
  let total = 0;
  const cum = order.map((i) => (total += weights[i]));
  if (!(total > 0)) {
    const v = order.map((i) => values[i]);
    return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
  const half = total / 2;
  let k = 0;
  while (k < n - 1 && cum[k] < half) k += 1;
  return values[order[k]];
}

export function valueOf(v, keep, fields, focus = null) {
  const n = v.ptr.length - 1;
  const out = new Float64Array(n);
  for (let m = 0; m < n; m += 1) {
    let count = 0;
    let sum = 0;
    let best = -Infinity;
    let newest = NaN;
    const seen = v.agg === "distinct" ? new Set() : null;
    const groups = v.agg === "wmedian" ? new Map() : null; // group → its newest row
    for (let i = v.ptr[m]; i < v.ptr[m + 1]; i += 1) {
      const r = v.idx[i];
      if (!keep[r]) continue;
      if (v.within === "focus_rows" && !(focus && focus.rows.has(r))) continue;
      if (v.within === "focus" && focus
          && !focus.events.has(v.event_of == null ? r : fields[v.event_of][r])) continue;
      count += 1;
      if (seen) seen.add(fields[v.key][r]);
      else if (groups) {
        const g = fields[v.group][r];
        if (!groups.has(g) || fields[v.order][r] >= fields[v.order][groups.get(g)]) {
          groups.set(g, r);
        }
      }
      else if (v.agg === "sum") sum += fields[v.field][r];
      else if (v.agg === "mean") {
        // NaN numbers are left out of a mean, as pandas does
        if (Number.isNaN(fields[v.field][r])) count -= 1;
        else sum += fields[v.field][r];
      }
      else if (v.agg === "newest" && fields[v.order][r] >= best) {
        best = fields[v.order][r];
        newest = v.field == null ? r : fields[v.field][r];
      }
    }
    if (v.agg === "count") out[m] = count;
    else if (v.agg === "distinct") out[m] = seen.size;
    else if (v.agg === "sum") out[m] = sum;
    else if (v.agg === "mean") out[m] = count ? sum / count : NaN;
    else if (groups) {
      const rows = [...groups.values()];
      out[m] = weightedMedian(rows.map((r) => fields[v.field][r]),
                              rows.map((r) => fields[v.weight][r]));
    }
    else out[m] = count ? newest : NaN;
  }
  return out;
}

export function number(x) {
  if (Number.isNaN(x)) return "–";
  if (Number.isInteger(x)) return String(x);
  return (Math.round(x * 10) / 10).toFixed(1);
}

function written(spec, values, marks, picks) {
  if (spec.template) {
    const chosen = spec.picks || {};
    const slot = (name, x) => {
      if (name in chosen) return Number.isNaN(x) ? "" : String(picks[chosen[name]][x]);
      return Number.isNaN(x) && "nan" in spec ? spec.nan : number(x);
    };
    // {name} is a slot, {{ and }} literal braces (briefing.marks.template)
    return spec.template.map((text, m) =>
      text.replace(/\{\{|\}\}|\{(\w+)\}/g,
        (all, name) => (name === undefined ? all[0] : slot(name, values[name][m]))));
  }
  const n = values[spec.value];
  if (spec.scale) {
    const [base, k, how, shift = 0] = spec.scale;
    return Array.from(n, (x) => (Number.isNaN(x) || (how === "sqrt" && x + shift < 0) ? null
      : base + k * (how === "sqrt" ? Math.sqrt(x + shift) : x + shift)));
  }
  if (spec.pick) {
    const chosen = picks[spec.pick];
    return Array.from(n, (x) => (Number.isNaN(x) ? (spec.else ?? null) : chosen[x]));
  }
  const out = new Array(marks);
  for (let m = 0; m < marks; m += 1) {
    if (spec.bands) {
      let at = 0;
      for (const t of spec.bands) if (t <= n[m]) at += 1;
      out[m] = spec.choices[at];
    } else {
      out[m] = Number.isNaN(n[m]) ? null : n[m];
    }
  }
  return out;
}

function node(trace, path) {
  const parts = path.split(".");
  let at = trace;
  for (const p of parts.slice(0, -1)) {
    if (!at[p] || typeof at[p] !== "object") at[p] = {};
    at = at[p];
  }
  return [at, parts[parts.length - 1]];
}

// The figure for the selection whose masks are given: `figure` (the whole-base chart,
// not changed) copied, with every bound attribute recomputed.
export function applyRules(figure, rules, masks, focusActor = null) {
  const fig = { ...figure, data: (figure.data || []).map((t) => ({ ...t })) };
  const focus = focusOf(rules, masks, focusActor);
  for (const b of rules.bindings) {
    const values = {};
    for (const [name, v] of Object.entries(b.values)) {
      values[name] = valueOf(v, space(masks, v.space), rules.fields, focus);
    }
    // copy each touched branch of the trace before writing into it
    const trace = fig.data[b.trace];
    const own = (path) => {
      const parts = path.split(".");
      let at = trace;
      for (const p of parts.slice(0, -1)) {
        at[p] = { ...(at[p] || {}) };
        at = at[p];
      }
    };
    for (const spec of b.sets) {
      own(spec.attr);
      const marks = written(spec, values, b.marks, rules.picks);
      const [at, key] = node(trace, spec.attr);
      const out = new Array(b.marks * b.points);
      for (let m = 0; m < b.marks; m += 1) {
        for (let k = 0; k < b.points; k += 1) out[m * b.points + k] = marks[m];
      }
      // a grid of marks (a heatmap's cells): rows of `columns` marks
      const cols = b.columns || 0;
      at[key] = cols ? Array.from({ length: Math.ceil(out.length / cols) },
        (_, r) => out.slice(r * cols, (r + 1) * cols)) : out;
    }
    if (b.hide) {
      const n = values[b.hide.value];
      const { ptr } = b.values[b.hide.value];
      const unfedShown = b.hide.unfed === "show";
      const gates = b.hide.band ? [].concat(b.hide.band) : [];
      const inBand = (m) => gates.every((band) => {
        let at = 0;
        for (const t of band.bands) if (t <= values[band.value][m]) at += 1;
        return at === band.equals;
      });
      for (const attr of b.hide.attrs) {
        own(attr);
        const [at, key] = node(trace, attr);
        const data = Array.from(at[key]);
        for (let m = 0; m < b.marks; m += 1) {
          const unfed = ptr[m + 1] === ptr[m];
          const empty = (Number.isNaN(n[m]) || n[m] === 0) && !(unfedShown && unfed);
          if (empty || !inBand(m)) {
            for (let k = 0; k < b.points; k += 1) data[m * b.points + k] = null;
          }
        }
        at[key] = data;
      }
    }
  }
  return fig;
}
