// Details and the article, read in the browser: the twins of Dashboard._show,
// Dashboard._show_source, Dashboard._clicked's Details and _render's highlight, from the
// reading data (briefing/dashboard/reading.py). Used by the live selection (live.js) on
// the Voilà page and by the static page; articleHtml and escapeText come from article.js,
// which is loaded with this file.
//
// sinks: detail(html) and article(html) show HTML; choose(articleId) shows the article's
// title in the Read control; current() is the article the Read control shows.

const MAX_CARDS = 12; // facts shown at once (Dashboard._show)

// Selection.filters_facts
export function filtersFacts(sel) {
  return !!(sel.actors.length || sel.articles.length || sel.event_types.length
    || sel.statuses.length || sel.date_from !== null || sel.date_to !== null
    || sel.min_reliability !== "F" || sel.focus_events.length);
}

// A large static briefing keeps cards and article texts in files beside the page
// (`data.card_chunks`: id → file number; an article with `file` and no `text`), fetched
// when first shown; a small one, and the Voilà page, have them all inline.
function fetchJson(path) {
  return fetch(path).then((r) => {
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    return r.json();
  });
}

export function readingOf(data, sinks) {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const has = (table, key) => Object.prototype.hasOwnProperty.call(table, key);
  let highlight = new Set();
  let detailTurn = 0; // a later request wins over an earlier one still loading
  let articleTurn = 0;
  const loading = new Map(); // file → its promise

  const load = (path) => {
    if (!loading.has(path)) loading.set(path, fetchJson(`${data.files || ""}${path}`));
    return loading.get(path);
  };
  const ensureCards = async (ids) => {
    if (!data.card_chunks) return;
    const files = new Set(ids.filter((i) => !has(data.cards, i) && has(data.card_chunks, i))
      .map((i) => data.card_chunks[i]));
    const got = await Promise.all([...files].map((k) => load(`cards-${k}.json`)));
    for (const cards of got) Object.assign(data.cards, cards);
  };
  const ensureArticle = async (article) => {
    if (!article || article.text !== undefined || article.file === undefined) return article;
    Object.assign(article, await load(`article-${article.file}.json`));
    return article;
  };

  const draw = async () => {
    const turn = ++articleTurn;
    const article = await ensureArticle(articles.get(sinks.current()) || data.articles[0]);
    if (turn === articleTurn) sinks.article(articleHtml(article, highlight));
  };
  const read = (id) => {
    if (!id || !articles.has(id)) return;
    if (sinks.current() !== id) sinks.choose(id);
    draw().catch(failed);
  };
  const placeholder = () => {
    detailTurn += 1;
    sinks.detail(data.placeholder);
  };
  const failed = (err) => {
    console.error("briefing: Details or the article could not be loaded", err);
    sinks.detail("<p class='briefing-error'>This part of the briefing could not be loaded "
      + "from the server. Reload the page to try again.</p>");
  };

  // the facts' cards, and the article they come from with their evidence marked
  const show = async (ids, article = null) => {
    const turn = ++detailTurn;
    const unique = [...new Set(ids)];
    await ensureCards(unique);
    if (turn !== detailTurn) return;
    const cards = unique.filter((i) => has(data.cards, i)).slice(0, MAX_CARDS);
    const more = unique.length - MAX_CARDS;
    sinks.detail(cards.map((i) => data.cards[i]).join("")
      + (more > 0 ? `<p class='briefing-note'>and ${more} more</p>` : "") || data.placeholder);
    const wanted = new Set(unique);
    let from = article;
    let first = Infinity;
    const evidence = [];
    for (const a of data.articles) {
      for (const [row, id, fact] of a.evidence) {
        if (!wanted.has(fact)) continue;
        evidence.push(id);
        if (article === null && row < first) [first, from] = [row, a.id];
      }
    }
    if (from !== null) {
      highlight = new Set(evidence);
      read(from);
    }
  };

  // a source and the events in view that rest on it
  const source = (id, masks) => {
    detailTurn += 1;
    const src = data.sources[id];
    if (!src) { placeholder(); return; }
    const shown = masks ? src.events.filter((r) => masks.events[r]) : src.events;
    const items = shown.slice(0, data.source_events_listed)
      .map((r) => `<li>${escapeText(data.summaries[r])}</li>`).join("");
    sinks.detail(`${src.head}<p>${shown.length} events in view rest on it:</p>`
      + `<ul>${items}</ul></div>`);
  };

  return {
    show: (ids, article = null) => { show(ids, article).catch(failed); },
    source,
    placeholder,
    // a click's Details: [kind, ids] as clickedIds (live.js) resolved them
    clicked(kind, ids, masks) {
      if (kind === "source") source(ids[0], masks);
      else if (kind === "state") placeholder();
      else if (ids.length) show(ids).catch(failed);
    },
    // the selection's evidence marks the article; a chosen article not among the
    // selection's articles gives way to the first of them
    follow(sel, masks) {
      const ev = new Set();
      if (filtersFacts(sel)) {
        for (const a of data.articles) {
          for (const e of a.evidence) if (masks.evidence[e[0]]) ev.add(e[1]);
        }
      }
      highlight = ev;
      const chosen = sel.articles;
      if (chosen.length && !chosen.includes(sinks.current())) read([...chosen].sort()[0]);
      else draw().catch(failed);
    },
    // the Read control chose another article: it is shown with the current highlight
    draw: () => { draw().catch(failed); },
  };
}
