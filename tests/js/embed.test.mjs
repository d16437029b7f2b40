// The <fact-cards> element embedded in pages served with a strict CSP (as an HTTP header):
// lazy loading, highlight, 280 px, themes, ::part, print, attributes and events, slotted text,
// the worker path with a 1 MB text, meetings/agreements and the "who met whom" map, XSS.
// Needs ./build.sh first. Screenshots go to target/screenshots/.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cardsReady, contrastProblems, gotoReady, launch, root, serve, shots, skipBrowser } from "./harness.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

// An empty page with the element's script; tests add elements with DOM APIs.
const BLANK = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,">
<script type="module" src="/pkg/fact-cards.js"></script></head><body><main id="main"></main></body></html>`;

// The class-only entry: nothing registered until the page calls define().
const CLASS_ONLY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,">
<script type="module" src="/class-only.js"></script></head><body><main id="main"></main></body></html>`;
const CLASS_ONLY_JS = `import * as element from "/pkg/fact-cards-element.js"; window.__element = element;`;

const XSS_IMG = `<img src=x onerror="window.__pwned=1">`;
const XSS_SCRIPT = `"><script>window.__pwned=2</script>`;

describe("the <fact-cards> embed in Chromium, strict CSP", { skip: skipBrowser }, () => {
  let server, chrome;

  before(async () => {
    mkdirSync(shots, { recursive: true });
    server = await serve(join(root, "www"), {
      headers: (path) => (/\.html$|\/$/.test(path) ? { "content-security-policy": CSP } : {}),
      pages: { "/blank.html": BLANK, "/class-only.html": CLASS_ONLY, "/class-only.js": CLASS_ONLY_JS },
    });
    chrome = await launch();
  });

  after(async () => {
    await chrome?.close();
    await server?.close();
  });

  /** A page that records CSP violations in window.__csp. */
  async function newPage(options) {
    const page = await chrome.newPage(options);
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    return page;
  }

  const done = async (page) => {
    assert.deepEqual(await page.evaluate(() => window.__csp), [], "no CSP violations");
    assert.deepEqual(page.problems, [], "no console errors or page errors");
    const outside = page.requests.filter((u) => !u.startsWith(server.base) && !u.startsWith("data:"));
    assert.deepEqual(outside, [], "no request left the page's origin");
    await page.context().close();
  };

  /** A blank page with one element, configured by `setup(el)` in the page. */
  async function blank(setup, arg, options) {
    const page = await newPage(options);
    await page.goto(`${server.base}blank.html`);
    await page.waitForFunction(() => customElements.get("fact-cards"));
    const ready = cardsReady(page, () => page.evaluate(setup, arg));
    return { page, ready };
  }

  test("sample news page: the .wasm loads only when the element is scrolled into view", async () => {
    const page = await newPage({ viewport: { width: 375, height: 640 } });
    server.log.length = 0;
    await page.goto(`${server.base}embed.html`);
    await page.waitForTimeout(700);
    assert.ok(server.log.includes("/pkg/fact-cards.js"), "the element script loaded");
    assert.deepEqual(server.log.filter((p) => /wasm|view|words|factcards\.js/.test(p)), [], "nothing else before the element is seen");
    assert.equal(await page.evaluate(() => document.querySelector("fact-cards").analysis), null);

    const ready = await cardsReady(page, () => page.locator("fact-cards").scrollIntoViewIfNeeded());
    assert.equal(ready.language, "en");
    assert.ok(server.log.includes("/pkg/factcards_bg.wasm"));
    assert.deepEqual(server.log.filter((p) => p.endsWith(".bin")), ["/pkg/factcards-en.bin"],
      "the data of one language: the article's");
    assert.ok(ready.facts >= 3, `${ready.facts} fact cards`);
    await page.screenshot({ path: join(shots, "embed-mobile-light.png") });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 375 px (${overflow}px)`);
    await done(page);
  });

  test("click a card: its sentence is highlighted in the article and scrolled into view", async () => {
    const page = await newPage();
    await gotoReady(page, `${server.base}embed.html`);
    await page.screenshot({ path: join(shots, "embed-desktop-light.png"), fullPage: true });
    const quote = page.locator("fact-cards article.quote").first();
    const said = (await quote.locator("blockquote").textContent()).trim();
    await quote.locator("blockquote").click(); // the card itself, not its button
    await page.waitForFunction(() => CSS.highlights.get("factcards")?.size === 1);
    const marked = await page.evaluate(() => {
      const [range] = CSS.highlights.get("factcards");
      return { text: range.toString(), inStory: document.getElementById("story").contains(range.commonAncestorContainer) };
    });
    assert.ok(marked.inStory, "highlight inside the article");
    assert.ok(marked.text.includes(said.slice(0, 20)), `the highlighted sentence contains the quote: ${marked.text}`);
    // summary sentences are buttons that do the same
    await page.locator("fact-cards .summary .sentence").nth(1).click();
    const second = await page.evaluate(() => [...CSS.highlights.get("factcards")][0].toString());
    assert.equal(second, await page.locator("fact-cards .summary .sentence").nth(1).textContent());
    await done(page);
  });

  test("280 px wide, dark theme, custom properties, ::part and print", async () => {
    const page = await newPage({ viewport: { width: 280, height: 700 } });
    await page.goto(`${server.base}embed.html`);
    await cardsReady(page, () => page.locator("fact-cards").scrollIntoViewIfNeeded());
    const widths = await page.evaluate(() => {
      const host = document.querySelector("fact-cards");
      const inner = host.shadowRoot.querySelector(".fc");
      return { host: host.clientWidth, inner: inner.scrollWidth, page: document.documentElement.scrollWidth };
    });
    assert.ok(widths.inner <= widths.host + 1 && widths.page <= 280, `fits in 280 px: ${JSON.stringify(widths)}`);
    await page.locator("fact-cards").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "embed-280.png") });

    await page.setViewportSize({ width: 1280, height: 900 });
    // The page's accent reaches the shadow DOM; ::part styles cards from outside.
    const accent = await page.evaluate(() => {
      const li = document.querySelector("fact-cards").shadowRoot.querySelector(".summary ol li");
      return getComputedStyle(li, "::before").backgroundColor;
    });
    assert.equal(accent, "rgb(179, 38, 30)", "--fc-accent from the page");
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync("fact-cards::part(card){border-left:6px solid rgb(1, 2, 3)}");
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    const border = await page.locator("fact-cards article.card").first().evaluate((c) => getComputedStyle(c).borderLeftColor);
    assert.equal(border, "rgb(1, 2, 3)", "::part(card) styles the cards");

    for (const theme of ["dark", "light"]) {
      await page.evaluate((t) => document.querySelector("fact-cards").setAttribute("theme", t), theme);
      const bg = await page.evaluate(() => getComputedStyle(document.querySelector("fact-cards")).backgroundColor);
      assert.equal(bg, theme === "dark" ? "rgb(22, 25, 30)" : "rgb(255, 255, 255)", `theme=${theme}`);
      assert.deepEqual(await page.evaluate(contrastProblems, "fact-cards"), [], `${theme}: contrast`);
      await page.locator("fact-cards").screenshot({ path: join(shots, `embed-cards-${theme}.png`) });
    }
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => {
      const r = document.querySelector("fact-cards").shadowRoot;
      return { button: getComputedStyle(r.querySelector("button.btn")).display, bg: getComputedStyle(r.querySelector(".card")).backgroundColor };
    });
    assert.deepEqual(printed, { button: "none", bg: "rgb(255, 255, 255)" }, "print: no buttons, white cards");
    await page.emulateMedia({ media: "screen" });
    await page.emulateMedia({ reducedMotion: "reduce" });
    const anim = () => page.evaluate(() => {
      const status = document.querySelector("fact-cards").shadowRoot.querySelector(".status");
      const bar = document.createElement("span");
      bar.className = "bar"; // the progress bar
      status.append(bar);
      const name = getComputedStyle(bar, "::after").animationName;
      bar.remove();
      return name;
    });
    assert.equal(await anim(), "none", "reduced motion: the progress bar does not move");
    await page.emulateMedia({ reducedMotion: "no-preference" });
    assert.equal(await anim(), "slide");
    await done(page);
  });

  test("attributes lang, kinds, summary-sentences; the text property; factcards-error", async () => {
    const text = readFileSync(join(root, "tests/fixtures/en-putin-vietnam.txt"), "utf8");
    const { page, ready } = await blank((t) => {
      const el = document.createElement("fact-cards");
      el.id = "x";
      el.setAttribute("kinds", "quote");
      el.setAttribute("summary-sentences", "1");
      el.text = t;
      document.getElementById("main").append(el);
    }, text);
    const r = await ready;
    assert.equal(r.language, "en");
    const kinds = await page.locator("#x article.card").evaluateAll((cs) => [...new Set(cs.map((c) => c.classList[1]))]);
    assert.deepEqual(kinds, ["quote"], "kinds=quote");
    assert.equal(await page.locator("#x .summary ol li").count(), 1, "summary-sentences=1");
    assert.equal(await page.locator("#x button", { hasText: "Show in article" }).count(), 0, "no article on the page, nothing to locate");

    const it = await cardsReady(page, () => page.evaluate(() => {
      const el = document.getElementById("x");
      el.removeAttribute("kinds");
      el.setAttribute("lang", "it");
      el.text = "Il ministro Paolo Neri ha incontrato ieri a Milano la collega Giulia Sala. “Lavoreremo insieme”, ha detto Neri.";
    }));
    assert.equal(it.language, "it");
    assert.deepEqual(await page.locator("#x #fc-summary").allTextContents(), ["Riassunto"]);

    const failed = await cardsReady(page, () => page.evaluate(() => document.getElementById("x").setAttribute("lang", "xx")))
      .then(() => null, (err) => err.message);
    assert.match(failed ?? "", /factcards-error: .*xx/, "an unsupported language gives factcards-error naming it");
    assert.match(await page.locator("#x [part=error]").textContent(), /xx/, "and shows the message");
    page.problems.length = 0;
    await done(page);
  });

  test("an element with no text downloads nothing and shows nothing; a text then is analysed", async () => {
    const page = await newPage();
    await page.goto(`${server.base}blank.html`);
    await page.waitForFunction(() => customElements.get("fact-cards"));
    server.log.length = 0;
    await page.evaluate(() => {
      const empty = Object.assign(document.createElement("fact-cards"), { id: "e" });
      const article = Object.assign(document.createElement("article"), { id: "blank-story" });
      const pointing = Object.assign(document.createElement("fact-cards"), { id: "f", for: "blank-story" });
      document.getElementById("main").append(empty, article, pointing);
    });
    await page.waitForFunction(() => ["e", "f"].every((id) => document.getElementById(id).state === "empty"));
    assert.equal(await page.evaluate(() => document.getElementById("e").refresh()), null, "refresh() with no text resolves null");
    await page.waitForTimeout(300);
    assert.deepEqual(server.log.filter((p) => /wasm|view|words|factcards\.js/.test(p)), [], "no .wasm, no renderer");
    const shown = await page.evaluate(() => ["e", "f"].map((id) => document.getElementById(id).shadowRoot.querySelector(".fc").textContent));
    assert.deepEqual(shown, ["", ""], "no 'English · 1 min read', no message");
    const ready = await cardsReady(page, () => page.evaluate(() => {
      document.getElementById("e").text = "Il ministro Paolo Neri ha incontrato ieri a Milano la collega Giulia Sala. “Lavoreremo insieme”, ha detto Neri.";
    }));
    assert.equal(ready.language, "it");
    assert.equal(await page.evaluate(() => document.getElementById("e").state), "ready");
    assert.ok(server.log.includes("/pkg/factcards_bg.wasm"), "the .wasm once there is a text");
    assert.deepEqual(server.log.filter((p) => /words|\.bin$/.test(p)), ["/pkg/factcards-it.bin", "/pkg/fact-cards-words-it.js"],
      "the data and words of the text's language only, though the element was given none");
    await done(page);
  });

  test("every attribute is a property: for, lang, kinds, summarySentences, theme", async () => {
    const page = await newPage();
    await page.goto(`${server.base}blank.html`);
    await page.waitForFunction(() => customElements.get("fact-cards"));
    const seen = await page.evaluate(() => {
      const el = document.createElement("fact-cards");
      const out = {};
      const attr = (name) => el.getAttribute(name);
      out.defaults = { for: el.for, kinds: el.kinds, summarySentences: el.summarySentences, theme: el.theme, lang: el.lang };
      el.for = "story"; el.lang = "it"; el.kinds = ["quote", "number"]; el.summarySentences = 2; el.theme = "dark";
      out.set = { for: attr("for"), lang: attr("lang"), kinds: attr("kinds"), summary: attr("summary-sentences"), theme: attr("theme") };
      el.setAttribute("kinds", "meeting"); el.setAttribute("summary-sentences", "4"); el.setAttribute("theme", "light"); el.setAttribute("for", "x");
      out.read = { for: el.for, kinds: el.kinds, summarySentences: el.summarySentences, theme: el.theme };
      el.setAttribute("theme", "bogus"); el.setAttribute("summary-sentences", "many");
      out.invalid = { theme: el.theme, summarySentences: el.summarySentences };
      el.for = null; el.kinds = ""; el.summarySentences = null; el.theme = "auto";
      out.removed = ["for", "kinds", "summary-sentences", "theme"].filter((a) => el.hasAttribute(a));
      return out;
    });
    assert.deepEqual(seen.defaults, { for: "", kinds: "", summarySentences: null, theme: "auto", lang: "" });
    assert.deepEqual(seen.set, { for: "story", lang: "it", kinds: "quote number", summary: "2", theme: "dark" });
    assert.deepEqual(seen.read, { for: "x", kinds: "meeting", summarySentences: 4, theme: "light" });
    assert.deepEqual(seen.invalid, { theme: "auto", summarySentences: null });
    assert.deepEqual(seen.removed, [], "null, \"\" and \"auto\" remove the attributes");

    // Properties drive the analysis like attributes do.
    const text = readFileSync(join(root, "tests/fixtures/en-putin-vietnam.txt"), "utf8");
    const ready = await cardsReady(page, () => page.evaluate((t) => {
      const el = Object.assign(document.createElement("fact-cards"), { id: "p", kinds: ["quote"], summarySentences: 1, theme: "dark" });
      el.text = t;
      document.getElementById("main").append(el);
    }, text));
    assert.equal(ready.language, "en");
    const kinds = await page.locator("#p article.card").evaluateAll((cs) => [...new Set(cs.map((c) => c.classList[1]))]);
    assert.deepEqual(kinds, ["quote"], "kinds = [\"quote\"]");
    assert.equal(await page.locator("#p .summary ol li").count(), 1, "summarySentences = 1");
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("p")).backgroundColor), "rgb(22, 25, 30)", "theme = \"dark\"");
    await done(page);
  });

  test("the class-only entry registers nothing; define(tag) does; events bind with addEventListener on the element", async () => {
    const page = await newPage();
    await page.goto(`${server.base}class-only.html`);
    await page.waitForFunction(() => window.__element);
    const registered = await page.evaluate(() => {
      const before = customElements.get("fact-cards") ?? null;
      const { define, FactCardsElement } = window.__element;
      const a = define("news-cards");
      const b = define();
      const again = define("news-cards");
      return { before, news: a === customElements.get("news-cards"), plain: b === customElements.get("fact-cards"), again: again === a,
        // the second tag gets a subclass: a constructor is registered once
        instances: ["news-cards", "fact-cards"].map((t) => document.createElement(t) instanceof FactCardsElement) };
    });
    assert.deepEqual(registered, { before: null, news: true, plain: true, again: true, instances: [true, true] });

    const events = await page.evaluate(() => new Promise((resolve) => {
      const el = document.createElement("news-cards");
      const seen = [];
      el.addEventListener("factcards-analyzed", (e) => {
        seen.push({ type: e.type, language: e.detail.analysis.language, worker: e.detail.worker, text: e.detail.text.length > 0, bubbles: e.bubbles, composed: e.composed });
        el.lang = "xx"; // an unsupported language: an error, reported as an event
      });
      el.addEventListener("factcards-error", (e) => {
        seen.push({ type: e.type, message: e.detail.message });
        resolve(seen);
      });
      el.text = "The ministers of Portugal and Brazil met in Lisbon on Monday. The fund is worth 300 million euros.";
      document.getElementById("main").append(el);
    }));
    assert.deepEqual(events[0], { type: "factcards-analyzed", language: "en", worker: false, text: true, bubbles: true, composed: true });
    assert.equal(events[1].type, "factcards-error");
    assert.match(events[1].message, /xx/);
    page.problems.length = 0;
    await done(page);
  });

  test("slotted content is analysed", async () => {
    const { page, ready } = await blank(() => {
      const el = document.createElement("fact-cards");
      const p1 = document.createElement("p");
      p1.textContent = "Lisbon hosts the ocean summit";
      const p2 = document.createElement("p");
      p2.textContent = "The ministers of Portugal and Brazil met in Lisbon on Monday. “The sea connects us”, said the Brazilian minister. The fund is worth 300 million euros.";
      el.append(p1, p2);
      document.getElementById("main").append(el);
    });
    const r = await ready;
    assert.equal(r.language, "en");
    assert.ok(r.textLength > 100 && r.facts >= 1);
    await done(page);
  });

  test("a 1 MB article is analysed in the Web Worker; the page keeps responding", async () => {
    const base = readFileSync(join(root, "tests/fixtures/en-putin-vietnam.txt"), "utf8");
    const paragraphs = base.split(/\n+/).filter(Boolean);
    const { page, ready } = await blank((paras) => {
      const article = document.createElement("article");
      article.id = "big";
      let n = 0;
      while (n < 1_000_000) {
        for (const t of paras) {
          const p = document.createElement("p");
          p.textContent = t;
          article.append(p);
          n += t.length + 2;
        }
      }
      document.getElementById("main").append(article);
      window.__gaps = [];
      let last = performance.now();
      window.__ticker = setInterval(() => { const now = performance.now(); window.__gaps.push(now - last); last = now; }, 20);
      const el = document.createElement("fact-cards");
      el.setAttribute("for", "big");
      document.getElementById("main").prepend(el);
    }, paragraphs);
    await page.waitForFunction(() => document.querySelector("fact-cards")?.shadowRoot.querySelector("[aria-busy=true] .bar"), null, { timeout: 10000 });
    const busy = await page.locator("fact-cards [part=status]").textContent();
    assert.match(busy, /Loading|Analysing/, `a progress state: ${busy}`);
    const r = await ready;
    const gaps = await page.evaluate(() => { clearInterval(window.__ticker); return window.__gaps; });
    assert.equal(r.worker, true, "analysed in the worker");
    assert.ok(r.textLength >= 1_000_000, `${r.textLength} characters`);
    const worst = Math.max(...gaps);
    console.log(`1 MB in the worker: ${Math.round(r.ms)} ms; longest main-thread gap ${Math.round(worst)} ms`);
    assert.ok(worst < 1000, `the main thread never froze for a second (worst gap ${Math.round(worst)} ms)`);
    assert.ok(server.log.includes("/pkg/fact-cards-worker.js"));
    // the cards of a huge article stay short: the first few per kind, then "Show all"
    const shown = await page.locator("fact-cards article.card").count();
    assert.ok(shown <= 24, `${shown} cards drawn`);
    await done(page);
  });

  test("meetings, agreements and the who-met-whom map from an Analysis; names are text, never HTML", async () => {
    const text = `Summit in Hanoi\n\nAnna${XSS_IMG} Rossi met Bao Tran in Hanoi on Monday. Rossi, Tran and Lena${XSS_SCRIPT} Park signed a trade pact. Park called Rossi on Friday.`;
    const span = (s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const s1 = span(`Anna${XSS_IMG} Rossi met Bao Tran in Hanoi on Monday.`);
    const s2 = span(`Rossi, Tran and Lena${XSS_SCRIPT} Park signed a trade pact.`);
    const s3 = span("Park called Rossi on Friday.");
    const person = (id, name) => ({ id, name, kind: "person", aliases: [], mentions: [], salience: 0.5 });
    const analysis = {
      schemaVersion: 1, language: "en", languageConfidence: 1, title: "Summit in Hanoi",
      summary: [{ ...s1, text: text.slice(s1.start, s1.end), index: 0, score: 1 }], keyphrases: [`trade ${XSS_IMG}`],
      entities: [person("e1", `Anna${XSS_IMG} Rossi`), person("e2", "Bao Tran"), person("e3", `Lena${XSS_SCRIPT} Park`),
        { id: "e4", name: "Vietnam", kind: "country", aliases: [], mentions: [], salience: 0.3 }],
      facts: [
        { kind: "meeting", participants: [{ id: "e1", name: `Anna${XSS_IMG} Rossi` }, { id: "e2", name: "Bao Tran" }],
          type: "talks", place: `Hanoi${XSS_SCRIPT}`, when: "on Monday", evidence: [s1], confidence: 0.9 },
        { kind: "agreement", parties: [{ id: "e1", name: "Rossi" }, { id: "e2", name: "Tran" }, { id: "e3", name: "Park" }],
          title: `trade pact ${XSS_IMG}`, topics: ["tariffs", `ports${XSS_SCRIPT}`], count: 2, evidence: [s2], confidence: 0.8 },
        { kind: "meeting", participants: [{ id: "e3", name: "Park" }, { id: "e1", name: "Rossi" }], type: "call", when: "on Friday", status: "planned", evidence: [s3], confidence: 0.7 },
        { kind: "number", text: "2 pacts", value: 2, category: "count", unit: "agreement", about: `pacts ${XSS_IMG}`, qualifier: "about", evidence: [s2], confidence: 0.5, span: s2 },
        { kind: "quote", text: `We are ${XSS_SCRIPT} partners`, speaker: { id: "e1", name: `Anna${XSS_IMG} Rossi` }, evidence: [s1], confidence: 0.6, span: s1 },
      ],
      stats: { characters: text.length, words: 30, sentences: 4, readingMinutes: 1 }, warnings: [],
    };
    const page = await newPage();
    await page.goto(`${server.base}blank.html`);
    await page.evaluate(async ([a, t]) => {
      const el = document.createElement("fact-cards");
      el.id = "m";
      document.getElementById("main").append(el);
      await el.show(a, t);
    }, [analysis, text]);
    await page.locator("#m article.meeting").first().waitFor();
    await page.locator("#m details").evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "no injected code ran");
    assert.equal(await page.locator("#m img, #m script").count(), 0, "no element made from a name");

    const meeting = await page.locator("#m article.meeting").first().textContent();
    assert.ok(meeting.includes(`Anna${XSS_IMG} Rossi ↔ Bao Tran`), meeting);
    assert.ok(meeting.includes(`talks · Hanoi${XSS_SCRIPT} · on Monday`), meeting);
    assert.ok((await page.locator("#m article.meeting").nth(1).textContent()).includes("call · on Friday · planned"), "a planned meeting says so");
    const agreement = await page.locator("#m article.agreement").textContent();
    for (const s of [`trade pact ${XSS_IMG}`, "Rossi · Tran · Park", "2 agreements", "tariffs", `ports${XSS_SCRIPT}`]) {
      assert.ok(agreement.includes(s), `agreement card shows ${s}: ${agreement}`);
    }
    const number = await page.locator("#m article.number").textContent();
    assert.ok(number.includes("about") && number.includes(`pacts ${XSS_IMG}`), number);
    assert.ok((await page.locator("#m article.quote").textContent()).includes(`— Anna${XSS_IMG} Rossi`));

    const map = page.locator("#m [part=map] svg");
    assert.equal(await map.locator("circle").count(), 3, "three actors");
    assert.equal(await map.locator("line").count(), 3, "Rossi–Tran, Rossi–Park, Tran–Park");
    assert.equal(await map.locator("line.agreement").count(), 1, "Tran–Park only signed");
    assert.equal(await map.getAttribute("role"), "img");
    assert.match(await map.locator("title").first().textContent(), /Who met whom: .*Bao Tran/);
    const labelSizes = await map.locator("text").evaluateAll((ts) => ts.map((t) => parseFloat(getComputedStyle(t).fontSize)));
    assert.ok(labelSizes.every((px) => px >= 12), `the map's labels are readable: ${labelSizes}`);
    for (const theme of ["light", "dark"]) {
      await page.evaluate((t) => { document.getElementById("m").theme = t; }, theme);
      assert.deepEqual(await page.evaluate(contrastProblems, "#m"), [], `${theme}: the map's labels and the cards meet 4.5:1`);
    }
    await page.locator("#m").screenshot({ path: join(shots, "embed-map.png") });
    await done(page);
  });
});
