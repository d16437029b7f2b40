// factcards page: paste an article, get a summary and fact cards.
// Everything is rendered with DOM APIs (createElement / textContent / append):
// article text and analysis output never go through innerHTML.
import init, { analyze } from "./pkg/factcards.js";
import * as factcards from "./pkg/factcards.js";

const $ = (id) => document.getElementById(id);
const form = $("form");
const textarea = $("article");
const languageSelect = $("language");
const lengthInput = $("summary-length");
const statusLine = $("status");
const errorBox = $("error");
const output = $("output");
const buttons = [$("analyze"), $("example-it"), $("example-en")];

const EXAMPLES = {
  "example-it": "examples/it-putin-vietnam.txt",
  "example-en": "examples/en-putin-vietnam.txt",
};

const GROUPS = [
  ["meeting", "Meetings"],
  ["agreement", "Agreements"],
  ["number", "Numbers"],
  ["quote", "Quotes"],
];

const languageNames = safe(() => new Intl.DisplayNames(["en"], { type: "language" }));
const uiNumber = new Intl.NumberFormat("en");

/** Create an element. Strings among `children` become text nodes (never parsed as HTML). */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child != null && child !== false && child !== "") node.append(child);
  }
  return node;
}

function safe(fn, fallback = undefined) {
  try { return fn(); } catch { return fallback; }
}

function errorMessage(err) {
  if (err instanceof Error) return err.message || err.name;
  return typeof err === "string" ? err : String(err);
}

function showError(message) {
  errorBox.replaceChildren(el("strong", {}, "Something went wrong. "), message);
  errorBox.hidden = false;
}

function clearError() {
  errorBox.hidden = true;
  errorBox.replaceChildren();
}

function setBusy(busy) {
  for (const b of buttons) b.disabled = busy;
}

function emptyState(title, text) {
  return el("div", { class: "empty-state" }, el("p", { class: "empty-title" }, title), el("p", {}, text));
}

function languageLabel(code) {
  const name = code ? safe(() => languageNames?.of(code)) : undefined;
  return name && name !== code ? `${name} (${code})` : code || "unknown";
}

function articleLocale(code) {
  return safe(() => (Intl.NumberFormat.supportedLocalesOf([code]).length ? code : undefined));
}

function percent(x) {
  return `${Math.round(Math.max(0, Math.min(1, Number(x) || 0)) * 100)}%`;
}

const yearLike = (v) => Number.isInteger(v) && v >= 1000 && v <= 2999;

/** The number of a NumberFact, formatted for the article's language. */
function formatValue(fact, locale) {
  const v = Number(fact.value);
  return safe(() => {
    if (Array.isArray(fact.range) && fact.range.length === 2) {
      const [a, b] = fact.range;
      const nf = new Intl.NumberFormat(locale, { useGrouping: !(yearLike(a) && yearLike(b)), maximumFractionDigits: 2 });
      return `${nf.format(a)}–${nf.format(b)}`;
    }
    if (fact.category === "year" || fact.category === "date") {
      return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 2 }).format(v);
    }
    if (fact.category === "percent" || fact.unit === "%") {
      return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(v / 100);
    }
    const base = Math.abs(v) >= 1e6
      ? { notation: "compact", compactDisplay: "short", maximumFractionDigits: 1 }
      : { maximumFractionDigits: 2 };
    if (fact.category === "money" && /^[A-Z]{3}$/.test(fact.unit ?? "")) {
      return new Intl.NumberFormat(locale, { ...base, style: "currency", currency: fact.unit, currencyDisplay: "narrowSymbol" }).format(v);
    }
    const unit = intlUnit(fact.unit);
    return new Intl.NumberFormat(locale, unit ? { ...base, style: "unit", unit, unitDisplay: "long" } : base).format(v);
  }, String(fact.value));
}

/** `unit` when Intl.NumberFormat can spell it ("year", "kilometer", ...), else undefined. */
function intlUnit(unit) {
  if (!unit || !/^[a-z-]+$/.test(unit)) return undefined;
  return safe(() => (new Intl.NumberFormat("en", { style: "unit", unit }), unit));
}

const names = (refs) => (refs ?? []).map((r) => r?.name).filter(Boolean);

/** A <dl> of label/value rows, skipping empty values. */
function fields(rows) {
  const dl = el("dl", { class: "fields" });
  for (const [label, value] of rows) {
    if (value == null || value === "" || (Array.isArray(value) && !value.length)) continue;
    dl.append(el("div", { class: "field-row" }, el("dt", {}, label), el("dd", {}, String(value))));
  }
  return dl.childElementCount ? dl : null;
}

function chips(items, cls = "chip") {
  if (!items?.length) return null;
  return el("ul", { class: "chips" }, items.map((t) => el("li", { class: cls }, t)));
}

function evidenceBlock(spans, text) {
  const sentences = (spans ?? [])
    .map((s) => text.slice(s.start, s.end).trim())
    .filter(Boolean);
  if (!sentences.length) return null;
  const summary = el("summary", {}, "Show evidence");
  const details = el("details", { class: "evidence" }, summary,
    el("div", { class: "evidence-body" }, sentences.map((s) => el("blockquote", {}, s))));
  details.addEventListener("toggle", () => {
    summary.textContent = details.open ? "Hide evidence" : "Show evidence";
  });
  return details;
}

function meetingBody(f) {
  const who = names(f.participants);
  return [
    el("h4", { class: "fact-title" }, who.length ? who.join(" ↔ ") : "Meeting"),
    fields([["Type", f.type], ["Place", f.place], ["When", f.when]]),
  ];
}

function agreementBody(f) {
  return [
    el("h4", { class: "fact-title" }, f.title || "Agreement"),
    fields([["Parties", names(f.parties).join(", ")], ["Count", f.count], ["When", f.when]]),
    f.topics?.length ? el("div", { class: "topics" }, el("span", { class: "topics-label" }, "Topics"), chips(f.topics)) : null,
  ];
}

function numberBody(f, locale) {
  return [
    el("p", { class: "big-number" }, formatValue(f, locale)),
    f.about ? el("p", { class: "about" }, f.about) : null,
    el("p", { class: "as-written" }, "As written: ", el("q", {}, f.text ?? "")),
    fields([
      ["Unit", f.unit === "%" || intlUnit(f.unit) ? null : f.unit],
      ["Category", f.category],
      ["Qualifier", f.qualifier],
    ]),
  ];
}

function quoteBody(f) {
  const speaker = f.speaker?.name;
  return [
    el("blockquote", { class: "quote-text" }, el("q", {}, f.text ?? "")),
    speaker
      ? el("p", { class: "speaker" }, `— ${speaker}`)
      : el("p", { class: "speaker unknown" }, "speaker unknown"),
  ];
}

function factCard(fact, text, locale) {
  const body = {
    meeting: () => meetingBody(fact),
    agreement: () => agreementBody(fact),
    number: () => numberBody(fact, locale),
    quote: () => quoteBody(fact),
  }[fact.kind];
  if (!body) return null;
  return el("article", { class: `card fact-card ${fact.kind}`, "data-kind": fact.kind },
    el("div", { class: "card-top" },
      el("span", { class: `badge kind-${fact.kind}` }, fact.kind),
      fact.confidence != null ? el("span", { class: "confidence", title: "confidence" }, percent(fact.confidence)) : null),
    body(),
    evidenceBlock(fact.evidence, text));
}

function summaryCard(a) {
  const card = el("section", { class: "card summary-card", "aria-labelledby": "summary-heading" },
    el("h3", { id: "summary-heading" }, "Summary"));
  if (a.summary?.length) {
    card.append(el("ol", { class: "summary-list" }, a.summary.map((s) => el("li", {}, s.text))));
  } else {
    card.append(el("p", { class: "muted" }, "No summary: the text is too short or has no sentences."));
  }
  if (a.keyphrases?.length) {
    card.append(el("h4", { class: "subheading" }, "Key phrases"), chips(a.keyphrases));
  }
  return card;
}

function factsSection(a, text, locale) {
  const facts = a.facts ?? [];
  const section = el("section", { class: "facts", "aria-label": "Fact cards" });
  if (!facts.length) {
    section.append(el("div", { class: "card" }, el("p", { class: "muted" }, "No meetings, agreements, numbers or quotes found in this text.")));
    return section;
  }
  for (const [kind, label] of GROUPS) {
    const group = facts.filter((f) => f.kind === kind);
    if (!group.length) continue;
    section.append(el("section", { class: "fact-group", "data-kind": kind },
      el("h3", { class: "group-heading" }, label, el("span", { class: "count" }, String(group.length))),
      el("div", { class: "card-grid" }, group.map((f) => factCard(f, text, locale)))));
  }
  return section;
}

function entitiesCard(a) {
  const card = el("section", { class: "card entities-card", "aria-labelledby": "entities-heading" },
    el("h3", { id: "entities-heading" }, "Entities"));
  if (!a.entities?.length) {
    card.append(el("p", { class: "muted" }, "No people, places or organizations found."));
    return card;
  }
  card.append(el("ul", { class: "entity-list" }, a.entities.map((e) => {
    const extra = [e.role, e.country].filter(Boolean).join(" · ");
    const aliases = (e.aliases ?? []).filter((x) => x && x !== e.name);
    return el("li", { class: "entity", title: aliases.length ? `Also: ${aliases.join(", ")}` : null },
      el("span", { class: "entity-name" }, e.name),
      el("span", { class: `badge entity-kind kind-${e.kind}` }, e.kind),
      extra ? el("span", { class: "entity-extra" }, extra) : null);
  })));
  return card;
}

function render(a, text) {
  const locale = articleLocale(a.language);
  const stats = a.stats ?? {};
  const minutes = Math.max(1, Math.round(Number(stats.readingMinutes) || 0));
  const title = el("h2", { id: "result-title", class: a.title ? "result-title" : "result-title untitled", tabindex: "-1" },
    a.title || "Untitled text");
  const meta = el("ul", { class: "meta" },
    el("li", {}, "Language: ", el("strong", {}, languageLabel(a.language)),
      a.languageConfidence != null ? ` · ${percent(a.languageConfidence)}` : ""),
    el("li", { class: "stat-words" }, `${uiNumber.format(stats.words ?? 0)} words`),
    el("li", { class: "stat-minutes" }, `${minutes} min read`),
    stats.sentences != null ? el("li", {}, `${uiNumber.format(stats.sentences)} sentences`) : null);
  const warnings = a.warnings?.length
    ? el("div", { class: "notice", role: "status" }, el("strong", {}, "Note"),
        el("ul", {}, a.warnings.map((w) => el("li", {}, w))))
    : null;
  const root = el("div", { class: "analysis", lang: a.language || null },
    el("div", { class: "result-head" }, title, meta),
    warnings, summaryCard(a), factsSection(a, text, locale), entitiesCard(a));
  output.replaceChildren(root);
  return title;
}

function readOptions() {
  const options = {};
  if (languageSelect.value) options.language = languageSelect.value;
  const raw = lengthInput.value.trim();
  if (raw !== "") {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error("Summary length must be a whole number of at least 1.");
    options.summarySentences = n;
  }
  return options;
}

function run() {
  clearError();
  const text = textarea.value;
  if (!text.trim()) {
    output.replaceChildren(emptyState("Nothing to analyze", "Paste an article into the box first, or try an example."));
    statusLine.textContent = "";
    textarea.focus();
    return;
  }
  let analysis;
  const t0 = performance.now();
  try {
    analysis = analyze(text, readOptions());
  } catch (err) {
    output.replaceChildren(emptyState("No results", "The analysis did not complete; see the message above."));
    statusLine.textContent = "";
    showError(errorMessage(err));
    return;
  }
  const ms = performance.now() - t0;
  const title = render(analysis, text);
  statusLine.textContent = `Analyzed in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms, on this device.`;
  const narrow = window.matchMedia("(max-width: 900px)").matches;
  title.focus({ preventScroll: !narrow });
}

async function loadExample(path) {
  clearError();
  setBusy(true);
  statusLine.textContent = "Loading the example…";
  try {
    const res = await fetch(path);
    if (!res.ok) throw new Error(`Could not load the example (${res.status} ${res.statusText}).`);
    textarea.value = await res.text();
    textarea.scrollTop = 0;
    languageSelect.value = "";
  } catch (err) {
    statusLine.textContent = "";
    showError(errorMessage(err));
    return;
  } finally {
    setBusy(false);
  }
  run();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
textarea.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    if (!buttons[0].disabled) run();
  }
});
for (const [id, path] of Object.entries(EXAMPLES)) {
  $(id).addEventListener("click", () => loadExample(path));
}

try {
  await init();
  setBusy(false);
  statusLine.textContent = "Ready. Tip: Ctrl+Enter analyzes.";
  const v = safe(() => (typeof factcards.version === "function" ? factcards.version() : ""), "");
  if (v) $("version").textContent = `Version ${v}.`;
} catch (err) {
  statusLine.textContent = "";
  showError(`The analyzer could not be loaded: ${errorMessage(err)}`);
}
