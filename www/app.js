// The factcards page: paste, drop or open an article; the <fact-cards> element analyses the
// reading view beside it. Article text reaches the DOM only as text nodes (textContent / append).

const $ = (id) => document.getElementById(id);
const editor = $("editor");
const textarea = $("article");
const reader = $("reader");
const view = $("article-view");
const cards = $("cards");
const statusLine = $("status");
const empty = $("empty");
const actions = $("actions");
const languageSelect = $("language");
const lengthInput = $("summary-length");
const themeSelect = $("theme");

let last = null; // { analysis, text } of the cards on screen

function say(message) {
  statusLine.textContent = message;
}

// ---- Theme ------------------------------------------------------------------------------------

function setTheme(theme) {
  document.documentElement.dataset.theme = theme;
  cards.setAttribute("theme", theme);
  themeSelect.value = theme;
}
themeSelect.addEventListener("change", () => {
  setTheme(themeSelect.value);
  try { localStorage.setItem("factcards-theme", themeSelect.value); } catch { /* private mode */ }
});
setTheme((() => { try { return localStorage.getItem("factcards-theme"); } catch { return null; } })() || "auto");

// ---- The reading view and the analysis --------------------------------------------------------

const looksLikeHeadline = (line) => line.length <= 200 && !/[.!?:;…"»”]$/.test(line.trim());

/** The article as headline + paragraphs, built with text nodes only. */
function showArticle(text) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const nodes = lines.map((line, i) => {
    const node = document.createElement(i === 0 && looksLikeHeadline(line) ? "h2" : "p");
    node.textContent = line;
    return node;
  });
  view.replaceChildren(...nodes);
  editor.hidden = true;
  reader.hidden = false;
}

function analyze() {
  const text = textarea.value;
  if (!text.trim()) {
    say("Paste an article first, or try an example.");
    textarea.focus();
    return;
  }
  const lang = languageSelect.value;
  if (lang) { cards.setAttribute("lang", lang); view.lang = lang; } else { cards.removeAttribute("lang"); view.removeAttribute("lang"); }
  const n = parseInt(lengthInput.value, 10);
  if (n > 0) cards.setAttribute("summary-sentences", String(n)); else cards.removeAttribute("summary-sentences");
  showArticle(text);
  empty.hidden = true;
  cards.hidden = false;
  say("Analysing…");
  cards.refresh().catch(() => {});
}

cards.addEventListener("factcards:ready", (event) => {
  const { analysis, ms, worker } = event.detail;
  last = { analysis, text: event.detail.text, raw: textarea.value };
  if (!languageSelect.value) view.lang = analysis.language;
  actions.hidden = false;
  const where = worker ? "in a background worker" : "on this device";
  say(`Analysed ${new Intl.NumberFormat("en").format(analysis.stats?.words ?? 0)} words in ${Math.round(ms)} ms, ${where}.`);
});
cards.addEventListener("factcards:error", (event) => {
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

for (const button of document.querySelectorAll("[data-example]")) {
  button.addEventListener("click", async () => {
    say("Loading the example…");
    try {
      const res = await fetch(`examples/${button.dataset.example}.txt`);
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      textarea.value = await res.text();
      languageSelect.value = "";
      analyze();
    } catch (err) {
      say(`Could not load the example (${err.message}).`);
    }
  });
}

/** Plain text of an HTML document: its <article> (or body), blocks separated by blank lines. */
async function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, "text/html"); // inert: nothing runs or loads
  for (const junk of doc.querySelectorAll("script, style, noscript, template, nav, footer, aside, form")) junk.remove();
  const { extractText } = await import("./pkg/fact-cards-view.js");
  const root = doc.querySelector("article") ?? doc.body ?? doc.documentElement;
  return extractText(root).text.replace(/[ \u00a0]+/g, " ").replace(/ *\n */g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

async function loadFile(file) {
  if (!file) return;
  try {
    const raw = await file.text();
    const isHtml = /\.html?$/i.test(file.name) || file.type === "text/html" || /^\s*<(!doctype|html)/i.test(raw);
    textarea.value = isHtml ? await htmlToText(raw) : raw;
    say(`Loaded ${file.name}.`);
    analyze();
  } catch (err) {
    say(`Could not read ${file.name}: ${err.message}`);
  }
}

$("open-file").addEventListener("click", () => $("file").click());
$("file").addEventListener("change", (event) => loadFile(event.target.files?.[0]));
const drop = $("drop");
for (const type of ["dragenter", "dragover"]) {
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

/** The cards as Markdown, labelled in the article's language; article text escaped. */
export async function toMarkdown(analysis) {
  const v = await import("./pkg/fact-cards-view.js");
  const L = v.labels(analysis.language);
  const esc = (s) => String(s ?? "").replace(/([\\`*_{}[\]<>#|])/g, "\\$1").replace(/\s+/g, " ").trim();
  const out = [];
  if (analysis.title) out.push(`# ${esc(analysis.title)}`, "");
  if (analysis.summary?.length) {
    out.push(`## ${L.summary}`, "", ...analysis.summary.map((s) => `- ${esc(s.text)}`), "");
  }
  if (analysis.keyphrases?.length) out.push(`**${L.keyphrases}:** ${analysis.keyphrases.map(esc).join(", ")}`, "");
  for (const kind of ["meeting", "agreement", "number", "quote"]) {
    const facts = (analysis.facts ?? []).filter((f) => f.kind === kind);
    if (!facts.length) continue;
    out.push(`## ${L[kind]}`, "");
    for (const f of facts) {
      if (kind === "meeting") out.push(`- ${esc(v.meetingLine(f))}`);
      if (kind === "agreement") {
        const parties = (f.parties ?? []).map((p) => p.name).join(", ");
        out.push(`- **${esc(f.title)}**${parties ? ` — ${esc(parties)}` : ""}${f.topics?.length ? ` (${f.topics.map(esc).join(", ")})` : ""}`);
      }
      if (kind === "number") {
        const value = v.formatNumber(f, analysis.language).text;
        out.push(`- **${esc([L.qualifiers?.[f.qualifier] ?? f.qualifier, value].filter(Boolean).join(" "))}** ${esc(f.about)}`.trimEnd());
      }
      if (kind === "quote") out.push(`- “${esc(f.text)}” — ${esc(f.speaker?.name ?? L.unattributed)}`);
    }
    out.push("");
  }
  return out.join("\n").trimEnd() + "\n";
}

const b64url = {
  encode(bytes) {
    let s = "";
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  },
  decode(text) {
    const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  },
};

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

/** `#z=` deflate-raw + base64url when CompressionStream exists, else `#t=` base64url UTF-8. */
export async function permalink(text) {
  const bytes = new TextEncoder().encode(text);
  const hash = "CompressionStream" in window
    ? `#z=${b64url.encode(await pipe(bytes, new CompressionStream("deflate-raw")))}`
    : `#t=${b64url.encode(bytes)}`;
  return `${location.origin}${location.pathname}${hash}`;
}

async function fromHash(hash) {
  const m = /^#([zt])=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return null;
  const bytes = b64url.decode(m[2]);
  const raw = m[1] === "z" ? await pipe(bytes, new DecompressionStream("deflate-raw")) : bytes;
  return new TextDecoder().decode(raw);
}

$("copy-md").addEventListener("click", async () => last && copy(await toMarkdown(last.analysis), "the cards as Markdown"));
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
