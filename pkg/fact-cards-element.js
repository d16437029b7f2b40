// <fact-cards>: summary and fact cards for an article on the page. Plain JS, Shadow DOM.
// This module defines the class and `define(tag)` and registers nothing by itself
// (`import { define } from "factcards/element"; define();`); fact-cards.js, the file a page loads
// with a <script> tag, imports it and registers <fact-cards>.
//
// This file is all a page loads up front. The analyzer (factcards.js + factcards_bg.wasm) and the
// renderer (fact-cards-render.js) load when the element first becomes visible with a text to analyse,
// and the renderer's words and labels of English and of the article's language alone
// (fact-cards-words-<lang>.js). Article text reaches the DOM only through text nodes: nothing here
// or in the renderer uses innerHTML.

const Base = globalThis.HTMLElement ?? class {};
const WORKER_THRESHOLD = 100_000; // UTF-16 code units; longer texts are analysed off the main thread

// Colours meet 4.5:1 on their surfaces in both themes. The page can override every --fc-* property.
const LIGHT = `--_bg:var(--fc-bg,#fff);--_surface:var(--fc-surface,#f6f7f9);--_text:var(--fc-text,#1a1d21);
--_muted:var(--fc-muted,#4f5863);--_border:var(--fc-border,#d5d9df);--_accent:var(--fc-accent,#1d5bbf);
--_on-accent:var(--fc-on-accent,#fff);--_chip:var(--fc-chip,#e8ecf1);--_meeting:#1d5bbf;--_agreement:#126e47;
--_number:#9a430a;--_quote:#6531bd;--_error:#a32020;color-scheme:light;`;
const DARK = `--_bg:var(--fc-bg,#16191e);--_surface:var(--fc-surface,#1e232a);--_text:var(--fc-text,#e8eaed);
--_muted:var(--fc-muted,#aab2bd);--_border:var(--fc-border,#343b45);--_accent:var(--fc-accent,#7eb0ff);
--_on-accent:var(--fc-on-accent,#0b1220);--_chip:var(--fc-chip,#2a313a);--_meeting:#8ab8ff;--_agreement:#62d6a3;
--_number:#f5a86a;--_quote:#c7abff;--_error:#ff9c9c;color-scheme:dark;`;

const CSS = `
:host{${LIGHT}display:block;container-type:inline-size;font-family:var(--fc-font,system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif);
font-size:var(--fc-font-size,1rem);line-height:1.5;color:var(--_text);background:var(--_bg);border-radius:var(--fc-radius,12px);min-width:0}
:host([theme=dark]){${DARK}}
@media (prefers-color-scheme:dark){:host(:not([theme=light])){${DARK}}}
:host([hidden]){display:none}
*{box-sizing:border-box}
h2,h3,h4,p,ul,ol,dl,dd,blockquote{margin:0;padding:0}
ul,ol{list-style:none}
.fc{padding:var(--fc-padding,1rem);display:grid;gap:1rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.status{display:flex;align-items:center;gap:.75rem;color:var(--_muted);font-size:.9rem}
.status:empty{display:none}
.bar{flex:0 0 5rem;height:4px;border-radius:2px;background:var(--_chip);overflow:hidden;position:relative}
.bar::after{content:"";position:absolute;inset:0;width:40%;background:var(--_accent);border-radius:2px;animation:slide 1.1s ease-in-out infinite alternate}
@keyframes slide{from{transform:translateX(-100%)}to{transform:translateX(250%)}}
.error{color:var(--_error);font-weight:600}
.meta{color:var(--_muted);font-size:.85rem;text-transform:none;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
.card{background:var(--_surface);border:1px solid var(--_border);border-radius:var(--fc-radius,12px);padding:.9rem 1rem;min-width:0;display:grid;gap:.5rem;align-content:start}
.card.locatable{cursor:pointer}
.card.locatable:hover{border-color:var(--_accent)}
h3{font-size:1rem;font-weight:700;display:flex;align-items:center;gap:.5rem}
h4{font-size:1rem;font-weight:650;overflow-wrap:anywhere}
h4.sub{font-size:.85rem;color:var(--_muted);margin-top:.25rem}
.count{font-size:.75rem;font-weight:600;background:var(--_chip);border-radius:999px;padding:0 .5rem;color:var(--_text)}
.summary ol li{position:relative;padding-left:1.1rem;margin:.35rem 0}
.summary ol li::before{content:"";position:absolute;left:0;top:.6em;width:.4rem;height:.4rem;border-radius:50%;background:var(--_accent)}
.sentence{all:unset;cursor:pointer;border-radius:4px}
.sentence:hover{text-decoration:underline;text-decoration-color:var(--_accent)}
.chips{display:flex;flex-wrap:wrap;gap:.35rem}
.chips li{background:var(--_chip);border-radius:999px;padding:.1rem .6rem;font-size:.85rem;overflow-wrap:anywhere}
.grid{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,15rem),1fr))}
.kind{font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.06em}
.meeting .kind{color:var(--_meeting)}.agreement .kind{color:var(--_agreement)}.number .kind{color:var(--_number)}.quote .kind{color:var(--_quote)}
.card.meeting{border-top:3px solid var(--_meeting)}.card.agreement{border-top:3px solid var(--_agreement)}
.card.number{border-top:3px solid var(--_number)}.card.quote{border-top:3px solid var(--_quote)}
.line{color:var(--_muted);font-size:.9rem;overflow-wrap:anywhere}
.big{font-size:1.5rem;font-weight:750;line-height:1.15;letter-spacing:-.01em;overflow-wrap:anywhere}
.qual{color:var(--_muted);font-size:.85rem}
.about{font-weight:600;overflow-wrap:anywhere}
blockquote{font-size:1.02rem;font-style:italic;overflow-wrap:anywhere}
blockquote::before{content:"“"}blockquote::after{content:"”"}
.speaker{color:var(--_muted);font-size:.9rem}
details{font-size:.88rem;color:var(--_muted)}
summary{cursor:pointer;width:fit-content;border-radius:4px;line-height:24px}
details p{margin-top:.35rem;padding:.4rem .6rem;border-left:3px solid var(--_border);color:var(--_text);overflow-wrap:anywhere}
.top{display:flex;justify-content:space-between;align-items:center;gap:.5rem;min-height:1.6rem}
button.small{font-size:.78rem;padding:.1rem .55rem;min-height:24px;min-width:24px}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
button.btn{font:inherit;font-size:.85rem;border:1px solid var(--_border);background:var(--_bg);color:var(--_text);border-radius:8px;padding:.25rem .7rem;cursor:pointer}
button.btn:hover{border-color:var(--_accent);color:var(--_accent)}
:focus-visible{outline:3px solid var(--_accent);outline-offset:2px}
.map svg{width:100%;height:auto;max-height:22rem;display:block}
.map line{stroke:var(--_muted);stroke-width:1.6}
.map line.agreement{stroke:var(--_agreement);stroke-dasharray:5 4}
.map circle{stroke:var(--_bg);stroke-width:2}
.map circle.person{fill:var(--_meeting)}.map circle.other{fill:var(--_quote)}
.map text{fill:var(--_text);font-size:13px;font-family:inherit}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.8rem;color:var(--_muted)}
@container (max-width:24rem){.fc{padding:.75rem;gap:.75rem}.card{padding:.75rem}.big{font-size:1.3rem}}
@media (prefers-reduced-motion:reduce){.bar::after{animation:none;width:100%;opacity:.6}}
@media print{:host{${LIGHT}background:#fff;color:#000}.card{break-inside:avoid;background:#fff}
button.btn,.status,.sentence::after{display:none}details{display:none}}
`;

let sheet;
function styles(root) {
  try {
    sheet ??= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet]; // not an inline <style>: works under a strict style-src CSP
  } catch {
    const style = document.createElement("style");
    style.textContent = CSS;
    root.append(style);
  }
}

let engine; // Promise<{ view, glue, module }>, shared by every element on the page
let renderer; // Promise<{ view, modules }>: the renderer and each language's module of words

function loadRenderer() {
  renderer ??= Promise.all([import("./fact-cards-render.js"), import("./fact-cards-languages.js")])
    .then(([view, { MODULES }]) => ({ view, modules: MODULES }));
  renderer.catch(() => { renderer = undefined; });
  return renderer;
}

/** The renderer, with the words and labels of `lang` (of English, what it falls back on, when
 * `lang` is none it knows). */
async function loadView(lang) {
  const { view, modules } = await loadRenderer();
  let code = String(lang ?? "").slice(0, 2).toLowerCase();
  if (!Object.hasOwn(modules, code)) code = "en";
  if (!view.hasLanguage(code)) {
    const { WORDS, LABELS } = await modules[code]();
    view.addLanguage(code, WORDS, LABELS);
  }
  return view;
}

/**
 * The one place where the analyzer is loaded and initialised: the .wasm is fetched and compiled
 * once (its download starts first), the JS glue is initialised with it on the main thread, and the
 * same compiled module is handed to the worker (see `getWorker`). The renderer loads alongside.
 */
function loadEngine(cls) {
  engine ??= (async () => {
    const wasm = fetch(cls.wasmUrl).then(async (res) => {
      if (!res.ok) throw new Error(`factcards: ${res.status} loading ${res.url}`);
      try {
        return await WebAssembly.compileStreaming(res.clone());
      } catch {
        return WebAssembly.compile(await res.arrayBuffer()); // served with a wrong MIME type
      }
    });
    const [{ view }, glue, module] = await Promise.all([loadRenderer(), import("./factcards.js"), wasm]);
    await glue.default({ module_or_path: module, languages: [] }); // each language when a text needs it
    return { view, glue, module };
  })();
  engine.catch(() => { engine = undefined; });
  return engine;
}

/**
 * The module worker for long texts. Written as `new Worker(new URL("./…", import.meta.url),
 * { type: "module" })` so that bundlers (Vite, webpack, Parcel, Rollup plugins) find the worker
 * and bundle it with its imports; `FactCardsElement.workerUrl` points elsewhere when it is set.
 */
function startWorker(url) {
  if (url) return new Worker(url, { type: "module" });
  return new Worker(new URL("./fact-cards-worker.js", import.meta.url), { type: "module" });
}

let worker; // { post(text, options) → Promise<Analysis> }, or null when workers are unavailable

function getWorker(url, module) {
  if (worker !== undefined) return worker;
  const fallBack = (why) => {
    worker = null; // the main thread from now on
    console.warn(`factcards: the worker could not start (${why}); long texts are analysed on the main thread`);
  };
  try {
    const w = startWorker(url);
    const pending = new Map();
    let next = 0;
    const fail = (message) => {
      for (const { reject } of pending.values()) reject(new Error(message));
      pending.clear();
      fallBack(message);
      w.terminate();
    };
    w.onmessage = ({ data }) => {
      const job = pending.get(data.id);
      if (!job) return;
      pending.delete(data.id);
      if (data.error) job.reject(new Error(data.error)); else job.resolve(data.analysis);
    };
    w.onerror = (e) => { e.preventDefault?.(); fail(e.message || "it did not load"); };
    w.postMessage({ module });
    worker = {
      post: (text, options) => new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve, reject });
        w.postMessage({ id, text, options });
      }),
    };
  } catch (err) {
    fallBack(err?.message || String(err)); // e.g. the element is served from another origin
  }
  return worker;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

/** An attribute as a string property: "" when absent; null or "" removes it. */
function reflect(el, name, value) {
  if (value == null || value === "") el.removeAttribute(name);
  else el.setAttribute(name, String(value));
}

export class FactCardsElement extends Base {
  static observedAttributes = ["for", "lang", "kinds", "summary-sentences"];
  /** Where the .wasm is; set it before the first element becomes visible (e.g. a CDN URL). */
  static wasmUrl = new URL("./factcards_bg.wasm", import.meta.url);
  /** The module worker for texts over `workerThreshold` characters; null: the one next to this file. */
  static workerUrl = null;
  static workerThreshold = WORKER_THRESHOLD;

  #text = null;
  #analysis = null;
  #source = null; // { text, map } of the last analysis
  #state = "idle";
  #visible = false;
  #observer = null;
  #run = 0;
  #queued = false;
  #shown = false;
  #status;
  #body;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    styles(root);
    this.#status = document.createElement("div");
    this.#status.className = "status";
    this.#status.setAttribute("role", "status");
    this.#status.part = "status";
    this.#body = document.createElement("div");
    this.#body.className = "fc"; // the view renders into it, after the status line
    this.#body.part = "root";
    this.#body.append(this.#status);
    root.append(this.#body);
  }

  connectedCallback() {
    if (!this.hasAttribute("role")) this.setAttribute("role", "region");
    if (!this.hasAttribute("aria-label")) { // localized by the view once the language is known
      this.setAttribute("aria-label", "Fact cards");
      this.dataset.fcLabel = "Fact cards";
    }
    if (this.#visible || !("IntersectionObserver" in globalThis)) {
      this.#visible = true;
      this.#schedule();
      return;
    }
    this.#observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.#observer.disconnect();
      this.#visible = true;
      this.#schedule();
    }, { rootMargin: "200px" });
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
  }

  attributeChangedCallback() {
    this.#schedule();
  }

  /** The id of the article element (the `for` attribute). */
  get for() { return this.getAttribute("for") ?? ""; }
  set for(value) { reflect(this, "for", value); }

  /** Which cards, space-separated (the `kinds` attribute); "" is all. An array is joined. */
  get kinds() { return this.getAttribute("kinds") ?? ""; }
  set kinds(value) { reflect(this, "kinds", Array.isArray(value) ? value.join(" ") : value); }

  /** The length of the summary (the `summary-sentences` attribute); null is automatic. */
  get summarySentences() {
    const n = parseInt(this.getAttribute("summary-sentences") ?? "", 10);
    return n > 0 ? n : null;
  }
  set summarySentences(value) { reflect(this, "summary-sentences", value); }

  /** "light", "dark" or "auto" (the `theme` attribute; "auto" follows prefers-color-scheme). */
  get theme() {
    const t = this.getAttribute("theme");
    return t === "light" || t === "dark" ? t : "auto";
  }
  set theme(value) { reflect(this, "theme", value === "auto" ? null : value); }

  /** The text to analyse; takes precedence over `for=` and slotted content. */
  get text() { return this.#text; }
  set text(value) {
    this.#text = value == null ? null : String(value);
    if (this.#shown) this.#visible = true; // after show(): a new text is analysed
    this.#shown = false;
    this.#schedule();
  }

  /** The last Analysis (null before the first one). */
  get analysis() { return this.#analysis; }

  /** "idle", "empty" (no text: nothing loaded), "loading", "analysing", "ready" or "error". */
  get state() { return this.#state; }

  /** Analyse now, visible or not. Resolves with the Analysis, or null when there is no text. */
  async refresh() {
    this.#visible = true;
    this.#observer?.disconnect();
    return this.#analyze();
  }

  /** Render an Analysis computed elsewhere (e.g. by the CLI) for `text`; loads no .wasm. */
  async show(analysis, text = "") {
    this.#observer?.disconnect(); // shown, not analysed: until refresh() or a new text
    this.#visible = false;
    this.#shown = true;
    this.#run++;
    const view = await loadView(analysis?.language);
    this.#analysis = analysis;
    this.#source = { text, map: null };
    view.render(this, analysis, text, null);
    this.#state = "ready";
  }

  #schedule() {
    if (!this.#visible || this.#queued) return;
    this.#queued = true;
    const run = this.#run;
    queueMicrotask(() => {
      this.#queued = false;
      if (run !== this.#run) return; // refresh() ran meanwhile
      this.#analyze().catch(() => {}); // reported through factcards-error
    });
  }

  #options() {
    const options = {};
    const lang = this.getAttribute("lang");
    if (lang) options.language = lang.trim().toLowerCase().slice(0, 2);
    const kinds = this.kinds.trim();
    if (kinds) options.kinds = kinds.split(/[\s,]+/);
    if (this.summarySentences) options.summarySentences = this.summarySentences;
    return options;
  }

  /** The article element of `for=`; throws when the page has none with that id. */
  #target() {
    const id = this.getAttribute("for");
    if (!id) return null;
    const target = this.getRootNode().getElementById?.(id) ?? this.ownerDocument.getElementById(id);
    if (!target) throw new Error(`factcards: no element with id "${id}" on the page`);
    return target;
  }

  /** Whether there is anything to analyse, without loading the renderer or the .wasm. */
  #hasText() {
    if (this.#text != null) return this.#text.trim() !== "";
    return ((this.#target() ?? this).textContent ?? "").trim() !== "";
  }

  #progress(message) {
    const bar = document.createElement("span");
    bar.className = "bar";
    bar.setAttribute("aria-hidden", "true");
    this.#status.replaceChildren(bar, message);
    this.#body.setAttribute("aria-busy", "true");
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  async #analyze() {
    const run = ++this.#run;
    const t0 = performance.now();
    try {
      if (!this.#hasText()) { // nothing to say: no download, no cards, no status
        this.#analysis = null;
        this.#source = null;
        this.#body.replaceChildren(this.#status);
        this.#status.replaceChildren();
        this.#body.removeAttribute("aria-busy");
        this.#state = "empty";
        return null;
      }
      this.#state = "loading";
      if (!engine) this.#progress("Loading the analyzer…");
      const { view, glue, module } = await loadEngine(this.constructor);
      const source = view.readSource(this, this.#text, this.#target());
      if (run !== this.#run) return this.#analysis;
      const options = this.#options();
      const big = source.text.length > this.constructor.workerThreshold;
      this.#state = "analysing";
      // The progress in the article's language: the one it is given, else the one it is in (its
      // data is fetched now, as it would be before analysing on this thread); English when a long
      // text goes to the worker undetected.
      const lang = options.language ?? (big ? undefined : await glue.ready(source.text, options));
      await loadView(lang);
      if (run !== this.#run) return this.#analysis;
      this.#progress(view.label(lang, "analysing", source.text.length));
      let analysis, inWorker = false;
      const w = big ? getWorker(this.constructor.workerUrl, module) : null;
      if (w) {
        try {
          analysis = await w.post(source.text, options);
          inWorker = true;
        } catch (err) {
          if (worker !== null) throw err; // an analysis error, not a worker failure
        }
      }
      if (!analysis) {
        await glue.ready(source.text, options); // the data of the text's language, fetched once
        await frame(); // let the progress state paint first
        if (run !== this.#run) return this.#analysis;
        analysis = glue.analyze(source.text, options);
      }
      await loadView(analysis.language);
      if (run !== this.#run) return this.#analysis;
      this.#analysis = analysis;
      this.#source = source;
      view.render(this, analysis, source.text, source.map);
      this.#body.removeAttribute("aria-busy");
      this.#state = "ready";
      this.#emit("factcards-analyzed", { analysis, text: source.text, ms: performance.now() - t0, worker: inWorker });
      return analysis;
    } catch (error) {
      if (run !== this.#run) return this.#analysis;
      const message = error?.message || String(error);
      const p = document.createElement("p");
      p.className = "error";
      p.part = "error";
      p.textContent = message;
      this.#status.replaceChildren(p);
      this.#body.removeAttribute("aria-busy");
      this.#state = "error";
      this.#emit("factcards-error", { error, message });
      throw error;
    }
  }
}

/**
 * Registers the element as `tag` (default "fact-cards"); does nothing when the tag is taken or
 * there is no custom element registry (Node). Returns the class registered under the tag.
 */
export function define(tag = "fact-cards", registry = globalThis.customElements) {
  if (!registry) return FactCardsElement;
  if (!registry.get(tag)) {
    try {
      registry.define(tag, FactCardsElement);
    } catch { // registered under another tag already: a constructor is registered once
      registry.define(tag, class extends FactCardsElement {});
    }
  }
  return registry.get(tag);
}
