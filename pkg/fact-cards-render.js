// The renderer of <fact-cards> and what a page needs around it (the public entry is factcards/view,
// fact-cards-view.js, which gives it every language). It reads the article's text from the page,
// draws the cards and the "who met whom" map, highlights evidence in the article, writes the cards
// as Markdown, and says numbers the article's way (the words are data, made from
// data/<lang>/render_words.txt, which the CLI reads too). It knows the languages it is given
// (`addLanguage`): the element gives it the article's language (English too, when it cannot tell
// the language before a long text is analysed), each a module of its own
// (fact-cards-words-<lang>.js). Every string from the article or the Analysis goes into the DOM as
// a text node.

/** Words and labels by language code: what `addLanguage` was given. */
const WORDS = {};
const LABELS = {};

/** Makes a language's words (fact-cards-words.js) and labels (factcards-labels.js) known. */
export function addLanguage(code, words, labels) {
  WORDS[code] = words;
  LABELS[code] = labels;
}

/** Whether a language's words and labels are known. */
export function hasLanguage(code) {
  return code in LABELS;
}

const SVG = "http://www.w3.org/2000/svg";
const KINDS = ["meeting", "agreement", "number", "quote"];
const FIRST = 6; // cards shown per kind before "Show all"

/** The labels for a language code ("it", "pt-BR", …), English when factcards has none. */
export function labels(lang) {
  return LABELS[String(lang ?? "").slice(0, 2).toLowerCase()] ?? LABELS.en;
}

/** One label, with {n} formatted for the language. */
export function label(lang, key, n) {
  const text = labels(lang)?.[key] ?? LABELS.en?.[key] ?? key;
  return n == null ? text : text.replace("{n}", digits(numberWords(lang), n, true));
}

// ---- Reading the article from the page -------------------------------------------------------

const BLOCK = new Set(["ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DETAILS", "DIV", "DL", "DT",
  "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI",
  "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TD", "TH", "TR", "UL"]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "SVG", "svg",
  "CANVAS", "VIDEO", "AUDIO", "SELECT", "TEXTAREA", "BUTTON", "FACT-CARDS"]);

/**
 * The text of `root` as a reader sees its blocks: paragraphs and headings separated by a blank line,
 * `<br>` as a line break, whitespace inside a paragraph kept one-for-one (so offsets stay simple).
 * Returns `{ text, map }`: `map` turns UTF-16 offsets of `text` back into DOM positions.
 */
export function extractText(root) {
  const parts = [];
  const starts = []; // offset in `text` where each text node begins
  const nodes = [];
  let length = 0;
  let pending = ""; // the separator owed before the next text
  const win = root.ownerDocument?.defaultView;
  const walk = (parent, pre) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const data = n.data;
        if (!data) continue;
        if (pending) {
          if (length) { parts.push(pending); length += pending.length; }
          pending = "";
        }
        starts.push(length);
        nodes.push(n);
        parts.push(pre ? data : data.replace(/[\t\n\r\f]/g, " "));
        length += data.length;
      } else if (n.nodeType === 1) {
        const tag = n.tagName;
        if (SKIP.has(tag) || n.hidden || n.getAttribute("aria-hidden") === "true") continue;
        if (tag === "BR") { if (!pending) pending = "\n"; continue; }
        const block = BLOCK.has(tag);
        if (block) pending = "\n\n";
        let keep = pre || tag === "PRE";
        if (!keep && win && n.isConnected) {
          keep = /^pre/.test(win.getComputedStyle(n).whiteSpace ?? "");
        }
        walk(n, keep);
        if (block) pending = "\n\n";
      }
    }
  };
  walk(root, false);
  return { text: parts.join(""), map: { starts, nodes, length } };
}

function locate(map, offset, isEnd) {
  const { starts, nodes } = map;
  let lo = 0, hi = starts.length - 1;
  if (hi < 0) return null;
  while (lo < hi) { // the last node starting at or before `offset`
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  const node = nodes[lo];
  const local = offset - starts[lo];
  if (local <= node.data.length) return [node, Math.max(0, local)];
  // `offset` is in a separator between two nodes: end of this node, or start of the next
  if (isEnd || lo + 1 >= nodes.length) return [node, node.data.length];
  return [nodes[lo + 1], 0];
}

/** A Range over `span` of the extracted text, or null when the page changed since. */
export function rangeOf(map, span) {
  if (!map || !span || !map.nodes.every((n) => n.isConnected)) return null;
  const a = locate(map, span.start, false);
  const b = locate(map, span.end, true);
  if (!a || !b) return null;
  const range = new Range();
  try {
    range.setStart(a[0], a[1]);
    range.setEnd(b[0], b[1]);
  } catch {
    return null;
  }
  return range;
}

/** The text to analyse: the `text` property, else the `for=` element, else the light DOM. */
export function readSource(host, text, target) {
  if (text != null) return { text, map: null };
  if (target) return extractText(target);
  return { text: extractText(host).text, map: null }; // slotted content is not displayed
}

// ---- Highlighting evidence in the article ---------------------------------------------------

let pageSheet;
let marked = null; // the <mark> of browsers without the CSS Highlight API

function clearMark() {
  if (!marked) return;
  const parent = marked.parentNode;
  if (parent) marked.replaceWith(...marked.childNodes);
  marked = null;
}

/** Highlights `range` in the page and scrolls it into view. */
export function highlight(range, doc) {
  const reduce = doc.defaultView?.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
  const target = range.startContainer.parentElement;
  if (globalThis.CSS?.highlights && globalThis.Highlight) {
    if (!pageSheet) {
      pageSheet = new CSSStyleSheet();
      pageSheet.replaceSync("::highlight(factcards){background-color:var(--fc-highlight,#ffe27a);color:#111}");
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, pageSheet];
    }
    CSS.highlights.set("factcards", new Highlight(range));
  } else {
    clearMark();
    const mark = doc.createElement("mark");
    mark.setAttribute("data-factcards", "");
    try {
      range.surroundContents(mark); // only when the range sits in one text node's parent
      marked = mark;
    } catch { /* spans several elements: scroll only */ }
  }
  target?.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
}

// ---- Cards ------------------------------------------------------------------------------------

/** Create an element; strings among `children` become text nodes (never parsed as HTML). */
function h(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v == null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "part") node.part = v;
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c != null && c !== false && c !== "") node.append(c);
  return node;
}

const names = (refs) => (refs ?? []).map((r) => r?.name).filter(Boolean);
const yearLike = (v) => Number.isInteger(v) && v >= 1000 && v <= 2999;

function safe(fn, fallback) {
  try { return fn(); } catch { return fallback; }
}

// ---- Numbers in the article's language (the same rules as the CLI's src/render.rs) -------------

/** The number words of a language code ("it", "pt-PT", …), English when factcards has none. */
function numberWords(lang) {
  return WORDS[String(lang ?? "").slice(0, 2).toLowerCase()] ?? WORDS.en;
}

/** A text without its typography (curly apostrophes, no-break spaces): to compare what is said. */
const plain = (s) => String(s).replace(/’/g, "'").replace(/[\u00a0\u202f]/g, " ");

const singular = (w, n) => (w.singularBelowTwo ? Math.abs(n) < 2 : n === 1);

/** `v` with the language's decimal mark and grouping, at most 3 decimals. */
function digits(w, v, grouped) {
  const [int, frac = ""] = Math.abs(v).toFixed(3).split(".");
  const decimals = frac.replace(/0+$/, "");
  const group = grouped && int.length >= w.groupFrom;
  let out = v < 0 ? "-" : "";
  for (let i = 0; i < int.length; i++) {
    if (group && i > 0 && (int.length - i) % 3 === 0) out += w.group;
    out += int[i];
  }
  return decimals ? out + w.decimal + decimals : out;
}

/** "4,5 miliardi" for a round number of millions, billions…; plain digits otherwise. */
function scaled(w, v) {
  const scale = [...w.scales].reverse().find(([value]) => Math.abs(v) >= value);
  const hundredths = scale ? (v / scale[0]) * 100 : NaN;
  if (!scale || Math.abs(hundredths - Math.round(hundredths)) >= 1e-6) return { number: digits(w, v, true), scaled: false };
  const m = v / scale[0];
  return { number: `${digits(w, m, true)} ${singular(w, m) ? scale[1] : scale[2]}`, scaled: true };
}

/** The words for a currency or unit after the number `v` (after a scale word when `isScaled`). */
function counted(w, [one, many, afterScale], v, isScaled) {
  if (isScaled) return afterScale ?? (w.link ? `${w.link} ${many}` : many);
  return singular(w, v) ? one : many;
}

/** A number card's value without its qualifier: "4,5 miliardi di dollari", "$4.5 billion", "24 anni". */
export function numberValue(f, lang) {
  const w = numberWords(lang);
  const unit = f.unit ?? null;
  const v = Number(f.value);
  const percent = f.category === "percent" || unit === "%" || unit === "percent";
  if (Array.isArray(f.range) && f.range.length === 2) {
    const [a, b] = f.range.map(Number);
    const years = unit == null && yearLike(a) && yearLike(b);
    const both = `${digits(w, a, !years)}–${digits(w, b, !years)}`;
    if (percent) return w.percent.replace("{n}", both);
    if (unit == null) return both;
    const c = w.currencies[unit] ?? w.units[unit];
    return `${both} ${c ? c[1] : unit}`;
  }
  if (f.category === "year" || f.category === "date") return digits(w, v, false);
  if (percent) return w.percent.replace("{n}", digits(w, v, true));
  const { number, scaled: isScaled } = scaled(w, v);
  if (unit == null) return number;
  const currency = w.currencies[unit];
  if (currency) {
    if (w.moneySymbol && w.symbols[unit]) return w.moneySymbol.replace("{sym}", w.symbols[unit]).replace("{n}", number);
    return w.money.replace("{n}", number).replace("{cur}", counted(w, currency, v, isScaled));
  }
  const words = w.units[unit];
  return `${number} ${words ? counted(w, words, v, isScaled) : unit}`; // an ISO code or symbol with no words
}

/** The qualifier of a number card in the article's language ("oltre", "more than"), or "". */
export function numberQualifier(f, lang) {
  return f.qualifier ? numberWords(lang).qualifiers[f.qualifier] ?? f.qualifier : "";
}

/** A number card's value as the article's language says it, qualifier included: "oltre 80%". */
export function formatNumber(f, lang) {
  const q = numberQualifier(f, lang);
  const value = numberValue(f, lang);
  return q ? `${q} ${value}` : value;
}

/** "planned" (a meeting) or "to be signed" (an agreement) in the card's language, when it is to come. */
function planned(f, L) {
  return f.status === "planned" ? L.planned[f.kind] : null;
}

/** One line for a meeting: "A ↔ B · place · when", and "planned" in `lang` when it is to come. */
export function meetingLine(f, lang) {
  return [names(f.participants).join(" ↔ "), f.place, f.when, planned(f, labels(lang))].filter(Boolean).join(" · ");
}

function evidence(f, text, L) {
  const sentences = (f.evidence ?? []).map((s) => text.slice(s.start, s.end).trim()).filter(Boolean);
  if (!sentences.length) return null;
  return h("details", { part: "evidence" }, h("summary", null, L.evidence), sentences.map((s) => h("p", null, s)));
}

function cardBody(f, L, lang) {
  switch (f.kind) {
    case "meeting": {
      const who = names(f.participants);
      return [
        h("h4", null, who.length ? who.join(" ↔ ") : L.types[f.type] ?? L.types.meeting),
        h("p", { class: "line" }, [f.type ? L.types[f.type] ?? f.type : null, f.place, f.when, planned(f, L)].filter(Boolean).join(" · ")),
      ];
    }
    case "agreement":
      return [
        h("h4", null, f.title || L.one.agreement),
        names(f.parties).length ? h("p", { class: "line" }, names(f.parties).join(" · ")) : null,
        f.count > 1 || f.when || f.status === "planned"
          ? h("p", { class: "line" }, [f.count > 1 ? L.count.replace("{n}", f.count) : null, f.when, planned(f, L)].filter(Boolean).join(" · "))
          : null,
        f.topics?.length ? h("ul", { class: "chips", "aria-label": L.topics }, f.topics.map((t) => h("li", null, t))) : null,
      ];
    case "number":
      return [
        f.qualifier ? h("p", { class: "qual" }, numberQualifier(f, lang)) : null,
        h("p", { class: "big", part: "value" }, numberValue(f, lang)),
        f.about ? h("p", { class: "about" }, f.about) : null,
        f.text && plain(f.text) !== plain(formatNumber(f, lang)) ? h("p", { class: "line" }, `${L.written}: “${f.text}”`) : null,
      ];
    case "quote":
      return [
        h("blockquote", null, String(f.text ?? "").replace(/[\s,;:]+$/, "")),
        h("p", { class: "speaker" }, f.speaker?.name ? `— ${f.speaker.name}` : L.unattributed),
      ];
    default:
      return null;
  }
}

function card(f, ctx) {
  const { L, lang, text, locateSpan } = ctx;
  const body = cardBody(f, L, lang);
  if (!body) return null;
  const span = f.evidence?.[0];
  const canLocate = locateSpan && span;
  const node = h("article", { class: `card ${f.kind}${canLocate ? " locatable" : ""}`, part: `card ${f.kind}` },
    h("div", { class: "top" }, h("span", { class: "kind" }, L.one[f.kind]),
      canLocate ? h("button", { class: "btn small", type: "button", part: "button" }, L.locate) : null),
    body,
    evidence(f, text, L));
  if (canLocate) {
    node.addEventListener("click", (e) => {
      if (e.target.closest("summary, details p, a")) return;
      locateSpan(span);
    });
  }
  return h("li", null, node);
}

function group(kind, facts, ctx) {
  const { L } = ctx;
  const id = `fc-${kind}`;
  const list = h("ul", { class: "grid", "aria-labelledby": id, role: "list" });
  const add = (from, to) => list.append(...facts.slice(from, to).map((f) => card(f, ctx)).filter(Boolean));
  add(0, FIRST);
  const section = h("section", { class: `group ${kind}`, part: `group ${kind}` },
    h("h3", { id }, L[kind], h("span", { class: "count" }, String(facts.length))), list);
  if (facts.length > FIRST) {
    const more = h("button", { class: "btn", type: "button", part: "button" }, L.all.replace("{n}", facts.length));
    more.addEventListener("click", () => {
      add(FIRST, facts.length);
      list.children[FIRST]?.querySelector("button, summary")?.focus();
      more.remove();
    });
    section.append(h("div", { class: "actions" }, more));
  }
  return section;
}

// ---- The "who met whom" map -------------------------------------------------------------------

/** People and countries as nodes, meetings and agreements as edges; null below three actors. */
export function actorGraph(analysis) {
  const entities = new Map((analysis.entities ?? []).map((e) => [e.id, e]));
  const nodes = new Map();
  const edges = new Map();
  const node = (ref) => {
    const e = ref?.id ? entities.get(ref.id) : undefined;
    const name = e?.name ?? ref?.name;
    if (!name) return null;
    const key = e?.id ?? name.toLowerCase();
    if (!nodes.has(key)) nodes.set(key, { key, name, kind: e?.kind ?? "other", degree: 0 });
    return nodes.get(key);
  };
  for (const f of analysis.facts ?? []) {
    const refs = f.kind === "meeting" ? f.participants : f.kind === "agreement" ? f.parties : null;
    if (!refs) continue;
    const ends = [...new Set(refs.map(node).filter(Boolean))];
    for (let i = 0; i < ends.length; i++) {
      for (let j = i + 1; j < ends.length; j++) {
        const [a, b] = [ends[i], ends[j]].sort((x, y) => (x.key < y.key ? -1 : 1));
        const key = `${a.key}|${b.key}`;
        if (!edges.has(key)) {
          edges.set(key, { a, b, kind: f.kind });
          a.degree++;
          b.degree++;
        } else if (f.kind === "meeting") edges.get(key).kind = "meeting";
      }
    }
  }
  const top = [...nodes.values()].filter((n) => n.degree > 0)
    .sort((x, y) => y.degree - x.degree || x.name.localeCompare(y.name)).slice(0, 10);
  if (top.length < 3) return null;
  const kept = new Set(top);
  return { nodes: top, edges: [...edges.values()].filter((e) => kept.has(e.a) && kept.has(e.b)) };
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text != null) node.textContent = text;
  return node;
}

function actorMap(graph, L) {
  const W = 360, H = 240, cx = W / 2, cy = H / 2, rx = 110, ry = 78;
  const pos = new Map(graph.nodes.map((n, i) => {
    const t = (2 * Math.PI * i) / graph.nodes.length - Math.PI / 2;
    return [n, { x: cx + rx * Math.cos(t), y: cy + ry * Math.sin(t), t }];
  }));
  const described = graph.edges.map((e) => `${e.a.name} ↔ ${e.b.name}`).join(", ");
  const titleId = "fc-map-title";
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": titleId });
  root.append(svg("title", { id: titleId }, `${L.map}: ${described}`));
  for (const e of graph.edges) {
    const a = pos.get(e.a), b = pos.get(e.b);
    const line = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: e.kind });
    line.append(svg("title", {}, `${e.a.name} ↔ ${e.b.name} (${L.one[e.kind]})`));
    root.append(line);
  }
  for (const n of graph.nodes) {
    const { x, y, t } = pos.get(n);
    const cos = Math.cos(t);
    const anchor = Math.abs(cos) < 0.3 ? "middle" : cos > 0 ? "start" : "end";
    const dy = Math.sin(t) < -0.5 ? -12 : Math.sin(t) > 0.5 ? 20 : 4;
    const dx = anchor === "start" ? 10 : anchor === "end" ? -10 : 0;
    const name = n.name.length > 24 ? `${n.name.slice(0, 23)}…` : n.name;
    root.append(svg("circle", { cx: x, cy: y, r: 6 + Math.min(4, n.degree), class: n.kind === "person" ? "person" : "other" }),
      svg("text", { x: x + dx, y: y + dy, "text-anchor": anchor }, name));
  }
  return h("section", { class: "card map", part: "map", "aria-labelledby": "fc-map-h" },
    h("h3", { id: "fc-map-h" }, L.map), root,
    h("p", { class: "legend", "aria-hidden": "true" }, h("span", null, `—— ${L.one.meeting}`), h("span", null, `- - ${L.one.agreement}`)));
}

// ---- The whole view ---------------------------------------------------------------------------

/** Renders `analysis` of `text` into the element; `map` (from extractText) enables highlighting. */
export function render(host, analysis, text, map) {
  const root = host.shadowRoot.querySelector(".fc");
  const status = root.firstElementChild;
  const lang = analysis.language || host.getAttribute("lang") || "en";
  const L = labels(lang);
  const locateSpan = map ? (span) => {
    const range = rangeOf(map, span);
    if (range) highlight(range, host.ownerDocument);
  } : null;
  const ctx = { L, lang, text, locateSpan };

  const parts = [];
  const stats = analysis.stats ?? {};
  const minutes = Math.max(1, Math.round(Number(stats.readingMinutes) || 0));
  parts.push(h("header", { class: "meta", part: "header" },
    h("h2", { class: "vh" }, L.cards),
    h("span", null, safe(() => { const n = new Intl.DisplayNames([lang], { type: "language" }).of(lang); return n[0].toLocaleUpperCase(lang) + n.slice(1); }, lang)),
    h("span", null, L.read.replace("{n}", minutes))));
  for (const w of analysis.warnings ?? []) parts.push(h("p", { class: "meta", role: "note" }, w));

  const summary = analysis.summary ?? [];
  if (summary.length || analysis.keyphrases?.length) {
    const items = summary.map((s) => {
      if (!locateSpan) return h("li", null, s.text);
      const b = h("button", { class: "sentence", type: "button", title: L.locate }, s.text);
      b.addEventListener("click", () => locateSpan(s));
      return h("li", null, b);
    });
    parts.push(h("section", { class: "card summary", part: "card summary", "aria-labelledby": "fc-summary" },
      h("h3", { id: "fc-summary" }, L.summary),
      summary.length ? h("ol", { role: "list" }, items) : null,
      analysis.keyphrases?.length ? h("h4", { class: "sub" }, L.keyphrases) : null,
      analysis.keyphrases?.length ? h("ul", { class: "chips", "aria-label": L.keyphrases }, analysis.keyphrases.map((k) => h("li", null, k))) : null));
  }

  const graph = actorGraph(analysis);
  if (graph) parts.push(actorMap(graph, L));

  const facts = analysis.facts ?? [];
  for (const kind of KINDS) {
    const of = facts.filter((f) => f.kind === kind);
    if (of.length) parts.push(group(kind, of, ctx));
  }
  if (!facts.length) parts.push(h("p", { class: "meta" }, text.trim() ? L.none : L.empty));

  if (host.getAttribute("aria-label") === host.dataset.fcLabel) { // ours, not the page's
    host.setAttribute("aria-label", L.cards);
    host.dataset.fcLabel = L.cards;
  }
  root.replaceChildren(status, ...parts);
  status.replaceChildren();
  root.setAttribute("lang", lang);
}

// ---- Markdown ----------------------------------------------------------------------------------

/** Markdown of the cards, labelled in the article's language; the article's text is escaped. */
export function toMarkdown(analysis) {
  const lang = analysis.language;
  const L = labels(lang);
  const esc = (s) => String(s ?? "").replace(/([\\`*_{}[\]<>#|])/g, "\\$1").replace(/\s+/g, " ").trim();
  const out = [];
  if (analysis.title) out.push(`# ${esc(analysis.title)}`, "");
  if (analysis.summary?.length) {
    out.push(`## ${L.summary}`, "", ...analysis.summary.map((s) => `- ${esc(s.text)}`), "");
  }
  if (analysis.keyphrases?.length) out.push(`**${L.keyphrases}:** ${analysis.keyphrases.map(esc).join(", ")}`, "");
  for (const kind of KINDS) {
    const facts = (analysis.facts ?? []).filter((f) => f.kind === kind);
    if (!facts.length) continue;
    out.push(`## ${L[kind]}`, "");
    for (const f of facts) {
      if (kind === "meeting") out.push(`- ${esc(meetingLine(f, lang))}`);
      if (kind === "agreement") {
        const parties = names(f.parties).join(", ");
        const to = planned(f, L);
        out.push(`- **${esc(f.title)}**${parties ? ` — ${esc(parties)}` : ""}${f.topics?.length ? ` (${f.topics.map(esc).join(", ")})` : ""}${to ? ` · ${to}` : ""}`);
      }
      if (kind === "number") out.push(`- **${esc(formatNumber(f, lang))}**${f.about ? ` ${esc(f.about)}` : ""}`);
      if (kind === "quote") out.push(`- “${esc(f.text)}” — ${esc(f.speaker?.name ?? L.unattributed)}`);
    }
    out.push("");
  }
  return out.join("\n").trimEnd() + "\n";
}
