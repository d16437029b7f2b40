// The factcards page: paste, drop or open an article; the <fact-cards> element analyses the
// reading view beside it. Article text reaches the DOM only as text nodes (textContent / append).
// It uses the package's public API only: the element's properties and events, and "factcards/view"
// (mapped to ./pkg/ by the import map in index.html) for the article's text and the Markdown.
// @ts-check

/** @typedef {import("factcards/element").FactCardsElement} FactCardsElement */

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const editor = $("editor");
const textarea = /** @type {HTMLTextAreaElement} */ ($("article"));
const reader = $("reader");
const view = $("article-view");
const cards = /** @type {FactCardsElement} */ ($("cards"));
const statusLine = $("status");
const empty = $("empty");
const actions = $("actions");
const jumps = $("jumps");
const languageSelect = /** @type {HTMLSelectElement} */ ($("language"));
const lengthInput = /** @type {HTMLInputElement} */ ($("summary-length"));
const themeSelect = /** @type {HTMLSelectElement} */ ($("theme"));

/** @type {{ analysis: import("factcards").Analysis, raw: string } | null} */
let last = null; // the cards on screen and the text they were read from

/** @param {string} message */
function say(message) {
  statusLine.textContent = message;
}

// ---- Theme ------------------------------------------------------------------------------------

/** @param {string} theme */
function setTheme(theme) {
  document.documentElement.dataset.theme = theme;
  cards.theme = theme === "light" || theme === "dark" ? theme : "auto";
  themeSelect.value = theme;
}
themeSelect.addEventListener("change", () => {
  setTheme(themeSelect.value);
  try { localStorage.setItem("factcards-theme", themeSelect.value); } catch { /* private mode */ }
});
setTheme((() => { try { return localStorage.getItem("factcards-theme"); } catch { return null; } })() || "auto");

// ---- The reading view and the analysis --------------------------------------------------------

/**
 * The article as paragraphs, built with text nodes only; the headline is marked once the core has
 * read it (markHeadline).
 * @param {string} text
 */
function showArticle(text) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  view.replaceChildren(...lines.map((line) => {
    const p = document.createElement("p");
    p.textContent = line;
    return p;
  }));
  editor.hidden = true;
  reader.hidden = false;
}

/**
 * The first paragraph becomes the headline when the Analysis has that title. Its text node moves
 * into the <h2> unchanged, so the element's links to sentences stay valid.
 * @param {string | null} title
 */
function markHeadline(title) {
  const first = view.firstElementChild;
  if (!title || first?.tagName !== "P" || first.textContent?.trim() !== title.trim()) return;
  const h2 = document.createElement("h2");
  h2.append(...first.childNodes);
  first.replaceWith(h2);
}

function analyze() {
  const text = textarea.value;
  if (!text.trim()) {
    say("Paste an article first, or try an example.");
    textarea.focus();
    return;
  }
  const lang = languageSelect.value;
  for (const el of [cards, view]) {
    if (lang) el.lang = lang; else el.removeAttribute("lang");
  }
  const n = parseInt(lengthInput.value, 10);
  cards.summarySentences = n > 0 ? n : null;
  showArticle(text);
  empty.hidden = true;
  cards.hidden = false;
  jumps.hidden = false;
  say("Analysing…");
  cards.refresh().catch(() => {});
}

cards.addEventListener("factcards-analyzed", (event) => {
  const { analysis, ms, worker } = event.detail;
  last = { analysis, raw: textarea.value };
  if (!languageSelect.value) view.lang = analysis.language;
  markHeadline(analysis.title);
  actions.hidden = false;
  const where = worker ? "in a background worker" : "on this device";
  say(`Analysed ${new Intl.NumberFormat("en").format(analysis.stats?.words ?? 0)} words in ${Math.round(ms)} ms, ${where}.`);
});
cards.addEventListener("factcards-error", (event) => {
  say(`The analysis failed: ${event.detail.message}`);
});

editor.addEventListener("submit", (event) => {
  event.preventDefault();
  analyze();
});
textarea.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    analyze();
  }
});
$("edit").addEventListener("click", () => {
  reader.hidden = true;
  editor.hidden = false;
  textarea.focus();
});

// ---- Examples, files, drag and drop -----------------------------------------------------------

/** @param {unknown} err */
const reason = (err) => (err instanceof Error ? err.message : String(err));

for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll("[data-example]"))) {
  button.addEventListener("click", async () => {
    say("Loading the example…");
    try {
      const res = await fetch(`examples/${button.dataset.example}.txt`);
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      textarea.value = await res.text();
      languageSelect.value = "";
      analyze();
    } catch (err) {
      say(`Could not load the example (${reason(err)}).`);
    }
  });
}

/**
 * Plain text of an HTML document: its <article> (or body), blocks separated by blank lines.
 * @param {string} html
 */
async function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, "text/html"); // inert: nothing runs or loads
  for (const junk of doc.querySelectorAll("script, style, noscript, template, nav, footer, aside, form")) junk.remove();
  const { extractText } = await import("factcards/view");
  const root = doc.querySelector("article") ?? doc.body ?? doc.documentElement;
  return extractText(root).text.replace(/[ \u00a0]+/g, " ").replace(/ *\n */g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

/** @param {File | undefined} file */
async function loadFile(file) {
  if (!file) return;
  try {
    const raw = await file.text();
    const isHtml = /\.html?$/i.test(file.name) || file.type === "text/html" || /^\s*<(!doctype|html)/i.test(raw);
    textarea.value = isHtml ? await htmlToText(raw) : raw;
    say(`Loaded ${file.name}.`);
    analyze();
  } catch (err) {
    say(`Could not read ${file.name}: ${reason(err)}`);
  }
}

const fileInput = /** @type {HTMLInputElement} */ ($("file"));
$("open-file").addEventListener("click", () => fileInput.click());
fileInput.addEventListener("change", () => loadFile(fileInput.files?.[0]));
const drop = $("drop");
for (const type of /** @type {const} */ (["dragenter", "dragover"])) {
  drop.addEventListener(type, (event) => {
    if (![...(event.dataTransfer?.types ?? [])].includes("Files")) return;
    event.preventDefault();
    drop.classList.add("dragging");
  });
}
drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
drop.addEventListener("drop", (event) => {
  const file = event.dataTransfer?.files?.[0];
  drop.classList.remove("dragging");
  if (!file) return;
  event.preventDefault();
  loadFile(file);
});

// ---- Copy as Markdown / JSON, permalink -------------------------------------------------------

/**
 * @param {string} text
 * @param {string} what
 */
async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = Object.assign(document.createElement("textarea"), { value: text });
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  say(`Copied ${what} to the clipboard.`);
}

const b64url = {
  /** @param {Uint8Array} bytes */
  encode(bytes) {
    let s = "";
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  },
  /** @param {string} text */
  decode(text) {
    const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  },
};

/**
 * @param {Uint8Array} bytes
 * @param {CompressionStream | DecompressionStream} stream
 */
async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([/** @type {BlobPart} */ (bytes)]).stream().pipeThrough(stream)).arrayBuffer());
}

/**
 * `#z=` deflate-raw + base64url when CompressionStream exists, else `#t=` base64url UTF-8.
 * @param {string} text
 */
export async function permalink(text) {
  const bytes = new TextEncoder().encode(text);
  const hash = "CompressionStream" in window
    ? `#z=${b64url.encode(await pipe(bytes, new CompressionStream("deflate-raw")))}`
    : `#t=${b64url.encode(bytes)}`;
  return `${location.origin}${location.pathname}${hash}`;
}

/** @param {string} hash */
async function fromHash(hash) {
  const m = /^#([zt])=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return null;
  const bytes = b64url.decode(m[2]);
  const raw = m[1] === "z" ? await pipe(bytes, new DecompressionStream("deflate-raw")) : bytes;
  return new TextDecoder().decode(raw);
}

$("copy-md").addEventListener("click", async () => {
  if (!last) return;
  const { toMarkdown } = await import("factcards/view");
  await copy(toMarkdown(last.analysis), "the cards as Markdown");
});
$("copy-json").addEventListener("click", () => last && copy(JSON.stringify(last.analysis, null, 2), "the Analysis JSON"));
$("copy-link").addEventListener("click", async () => {
  if (!last) return;
  const url = await permalink(last.raw);
  history.replaceState(null, "", url);
  await copy(url, `a link (${new Intl.NumberFormat("en").format(url.length)} characters) that contains the text`);
});

async function openHash() {
  try {
    const text = await fromHash(location.hash);
    if (text == null) return;
    textarea.value = text;
    analyze();
  } catch {
    say("The link is damaged: its text could not be read.");
  }
}
window.addEventListener("hashchange", openHash);
openHash();
