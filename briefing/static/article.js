// The article as HTML with the sentences and words behind a selection marked: the twin
// of briefing/dashboard/article.py's article_html (tests/browser/test_static_page.py
// compares the two), for pages that mark the article in the browser.
//
// article: {id, title, meta, text, sentences: [[start, end, is_heading, sentence_id]],
//           evidence: [[row, evidence_id, fact_id, start, end, sentence_id]]}
// Offsets count Unicode code points, as Python's do.

const FINAL = /[.!?][”"’')\]]*\s*$/u;
// the line breaks of Python's str.splitlines
const LINE_BREAK = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/gu;

const escapeText = (text) => String(text).replace(/[&<>"']/g, (c) => ({
  "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]);

function intervals(spans) {
  const merged = [];
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

const inside = (pos, spans) => spans.some(([s, e]) => s <= pos && pos < e);

// Python's splitlines(keepends=True) over code points: [start, line with its break]
function lines(points) {
  const text = points.join("");
  const out = [];
  let at = 0; // code point offset
  let last = 0; // string offset
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    const line = Array.from(text.slice(last, m.index + m[0].length));
    out.push([at, line]);
    at += line.length;
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push([at, Array.from(text.slice(last))]);
  return out;
}

export function articleHtml(article, highlight) {
  if (!article) return "<p><i>No article.</i></p>";
  const wanted = highlight instanceof Set ? highlight : new Set(highlight || []);
  const points = Array.from(article.text);
  const ev = article.evidence.filter(([, eid, fid]) => wanted.has(eid) || wanted.has(fid));
  const quotes = intervals(ev.map(([, , , s, e]) => [s, e]));
  const markedIds = new Set(ev.map((x) => x[5]).filter((x) => x != null));
  const hit = article.sentences.filter((s) => markedIds.has(s[3]));
  const marks = intervals([...intervals(hit.map(([s, e]) => [s, e])), ...quotes]);
  const headingStarts = new Set(article.sentences.filter((s) => s[2]).map((s) => s[0]));
  const out = ['<div class="briefing-article" style="font-family: Georgia, serif; '
    + 'line-height: 1.55; max-width: 46em">',
  `<h2 style="margin-bottom: 0.2em">${escapeText(article.title)}</h2>`];
  if (article.meta) out.push(`<p style="color: #666; margin-top: 0">${escapeText(article.meta)}</p>`);
  const cutsAt = [...marks, ...quotes].flatMap(([s, e]) => [s, e]);
  for (const [start, full] of lines(points)) {
    const line = full.slice(); // line.rstrip("\r\n")
    while (line.length && (line[line.length - 1] === "\n" || line[line.length - 1] === "\r")) {
      line.pop();
    }
    const body = line.join("");
    if (!body.trim()) continue;
    const end = start + line.length;
    const lead = line.length - Array.from(body.replace(/^\s+/u, "")).length;
    const isHeading = article.sentences.length ? headingStarts.has(start + lead)
      : !FINAL.test(body);
    const cuts = [...new Set([start, end, ...cutsAt.filter((p) => start < p && p < end)])]
      .sort((a, b) => a - b);
    const pieces = [];
    let marking = false;
    for (let k = 0; k + 1 < cuts.length; k += 1) {
      const s = cuts[k];
      let chunk = escapeText(points.slice(s, cuts[k + 1]).join(""));
      if (inside(s, quotes)) chunk = `<b>${chunk}</b>`;
      if (inside(s, marks) !== marking) {
        marking = !marking;
        pieces.push(marking ? '<mark style="background: #ffe98a">' : "</mark>");
      }
      pieces.push(chunk);
    }
    if (marking) pieces.push("</mark>");
    const tag = isHeading ? "h3" : "p";
    out.push(`<${tag}>${pieces.join("")}</${tag}>`);
  }
  out.push("</div>");
  return out.join("\n");
}
