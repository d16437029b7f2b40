// <fact-cards>: summary and fact cards for an article on the page. Plain JS, Shadow DOM.
//
//   <script type="module" src="/factcards/fact-cards.js"></script>
//   <fact-cards for="article-id"></fact-cards>
//
// This file is all a page loads up front. The analyzer (factcards.js + factcards_bg.wasm) and the
// renderer (fact-cards-view.js) load when the element first becomes visible. Article text reaches
// the DOM only through text nodes: nothing here or in the view uses innerHTML.

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
.big{font-size:1.75rem;font-weight:750;line-height:1.15;letter-spacing:-.01em;overflow-wrap:anywhere}
.qual,.unit{color:var(--_muted);font-size:.85rem}
.about{font-weight:600;overflow-wrap:anywhere}
blockquote{font-size:1.02rem;font-style:italic;overflow-wrap:anywhere}
blockquote::before{content:"“"}blockquote::after{content:"”"}
.speaker{color:var(--_muted);font-size:.9rem}
details{font-size:.88rem;color:var(--_muted)}
summary{cursor:pointer;width:fit-content;border-radius:4px}
details p{margin-top:.35rem;padding:.4rem .6rem;border-left:3px solid var(--_border);color:var(--_text);overflow-wrap:anywhere}
.top{display:flex;justify-content:space-between;align-items:center;gap:.5rem;min-height:1.6rem}
button.small{font-size:.78rem;padding:.1rem .55rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
button.btn{font:inherit;font-size:.85rem;border:1px solid var(--_border);background:var(--_bg);color:var(--_text);border-radius:8px;padding:.25rem .7rem;cursor:pointer}
button.btn:hover{border-color:var(--_accent);color:var(--_accent)}
:focus-visible{outline:3px solid var(--_accent);outline-offset:2px}
.map svg{width:100%;height:auto;max-height:22rem;display:block}
.map line{stroke:var(--_muted);stroke-width:1.6}
.map line.agreement{stroke:var(--_agreement);stroke-dasharray:5 4}
.map circle{stroke:var(--_bg);stroke-width:2}
.map circle.person{fill:var(--_meeting)}.map circle.other{fill:var(--_quote)}
.map text{fill:var(--_text);font-size:11px;font-family:inherit}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.8rem;color:var(--_muted)}
@container (max-width:24rem){.fc{padding:.75rem;gap:.75rem}.card{padding:.75rem}.big{font-size:1.45rem}}
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

/** Loads the analyzer and the renderer once (in parallel: the .wasm download starts first). */
function loadEngine(element) {
  engine ??= (async () => {
    const cls = element.constructor;
    const wasm = fetch(cls.wasmUrl).then(async (res) => {
      if (!res.ok) throw new Error(`factcards: ${res.status} loading ${res.url}`);
      try {
        return await WebAssembly.compileStreaming(res.clone());
      } catch {
        return WebAssembly.compile(await res.arrayBuffer()); // served with a wrong MIME type
      }
    });
    const [view, glue, module] = await Promise.all([
      import("./fact-cards-view.js"), import("./factcards.js"), wasm]);
    await glue.default({ module_or_path: module, languages: [] }); // each language when a text needs it
    return { view, glue, module };
  })();
  engine.catch(() => { engine = undefined; });
  return engine;
}

let worker; // { post(text, options) → Promise<Analysis> }, or null when workers are unavailable

function getWorker(url, module) {
  if (worker !== undefined) return worker;
  try {
    const w = new Worker(url, { type: "module" });
    const pending = new Map();
    let next = 0;
    const fail = (message) => {
      for (const { reject } of pending.values()) reject(new Error(message));
      pending.clear();
      worker = null; // fall back to the main thread from now on
      w.terminate();
    };
    w.onmessage = ({ data }) => {
      const job = pending.get(data.id);
      if (!job) return;
      pending.delete(data.id);
      if (data.error) job.reject(new Error(data.error)); else job.resolve(data.analysis);
    };
    w.onerror = (e) => { e.preventDefault?.(); fail("factcards: the worker could not start"); };
    w.postMessage({ module });
    worker = {
      post: (text, options) => new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve, reject });
        w.postMessage({ id, text, options });
      }),
    };
  } catch {
    worker = null; // e.g. the element is served from another origin
  }
  return worker;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

export class FactCardsElement extends Base {
  static observedAttributes = ["for", "lang", "kinds", "summary-sentences"];
  /** Where the .wasm is; set it before the first element becomes visible (e.g. a CDN URL). */
  static wasmUrl = new URL("./factcards_bg.wasm", import.meta.url);
  /** The module worker used for texts over `workerThreshold` characters. */
  static workerUrl = new URL("./fact-cards-worker.js", import.meta.url);
  static workerThreshold = WORKER_THRESHOLD;

  #text = null;
  #analysis = null;
  #source = null; // { text, map } of the last analysis
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

  /** Analyse now, visible or not. Resolves with the Analysis. */
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
    const view = await import("./fact-cards-view.js");
    this.#analysis = analysis;
    this.#source = { text, map: null };
    view.render(this, analysis, text, null);
  }

  #schedule() {
    if (!this.#visible || this.#queued) return;
    this.#queued = true;
    const run = this.#run;
    queueMicrotask(() => {
      this.#queued = false;
      if (run !== this.#run) return; // refresh() ran meanwhile
      this.#analyze().catch(() => {}); // reported through factcards:error
    });
  }

  #options() {
    const options = {};
    const lang = this.getAttribute("lang");
    if (lang) options.language = lang.trim().toLowerCase().slice(0, 2);
    const kinds = this.getAttribute("kinds");
    if (kinds && kinds.trim()) options.kinds = kinds.trim().split(/[\s,]+/);
    const n = parseInt(this.getAttribute("summary-sentences") ?? "", 10);
    if (n > 0) options.summarySentences = n;
    return options;
  }

  #progress(message) {
    const bar = document.createElement("span");
    bar.className = "bar";
    bar.setAttribute("aria-hidden", "true");
    this.#status.replaceChildren(bar, message);
    this.#body.setAttribute("aria-busy", "true");
  }

  async #analyze() {
    const run = ++this.#run;
    const t0 = performance.now();
    try {
      if (!engine) this.#progress("Loading the analyzer…");
      const { view, glue, module } = await loadEngine(this);
      const source = view.readSource(this, this.#text);
      if (run !== this.#run) return this.#analysis;
      const options = this.#options();
      const big = source.text.length > this.constructor.workerThreshold;
      this.#progress(view.label(options.language, "analysing", source.text.length));
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
      if (run !== this.#run) return this.#analysis;
      this.#analysis = analysis;
      this.#source = source;
      view.render(this, analysis, source.text, source.map);
      this.#body.removeAttribute("aria-busy");
      this.dispatchEvent(new CustomEvent("factcards:ready", {
        bubbles: true, composed: true,
        detail: { analysis, text: source.text, ms: performance.now() - t0, worker: inWorker },
      }));
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
      this.dispatchEvent(new CustomEvent("factcards:error", {
        bubbles: true, composed: true, detail: { error, message },
      }));
      throw error;
    }
  }
}

if (globalThis.customElements && !customElements.get("fact-cards")) {
  customElements.define("fact-cards", FactCardsElement);
}
