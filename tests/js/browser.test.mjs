// The page (www/index.html) in Debian Chromium: examples in six languages, click-to-highlight,
// keyboard, copy as Markdown/JSON, permalink, dropped files, XSS, themes, contrast, screenshots;
// axe-core and target sizes in both themes at 1280 and 390 px, the phone layout and its jumps.
// Needs ./build.sh first. Screenshots go to target/screenshots/.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cardsReady, contrastProblems, gotoReady, launch, root, serve, shots, skipBrowser } from "./harness.mjs";

const IT_TITLE = "Russia e Vietnam promettono di rafforzare i legami durante la visita di Putin";
const AXE = readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8");

/** axe-core's violations on the page (WCAG 2.0–2.2 A and AA, and best practices), shadow roots included. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE); // through DevTools: the page's CSP allows no inline script
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return violations.map((v) => `${v.id} (${v.help}): ${v.nodes.slice(0, 4).map((n) => n.target.join(" > ")).join(" | ")}`);
  });
}

/** Every visible control of the page, shadow roots included, smaller than 24 × 24 CSS px. */
function smallControls() {
  const small = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll("*")) {
      if (el.shadowRoot) visit(el.shadowRoot);
      if (!el.matches("a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])")) continue;
      const box = el.getBoundingClientRect();
      if (!el.getClientRects().length || getComputedStyle(el).visibility === "hidden") continue;
      if (box.height < 23.99 || box.width < 23.99) {
        small.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 24)}" ${box.width.toFixed(1)}×${box.height.toFixed(1)}`);
      }
    }
  };
  visit(document);
  return small;
}

describe("the page in Chromium", { skip: skipBrowser }, () => {
  let server, chrome, page;

  before(async () => {
    for (const f of ["www/index.html", "www/pkg/factcards.js", "www/pkg/factcards_bg.wasm", "www/pkg/fact-cards.js",
      "www/examples/it-putin-vietnam.txt", "www/examples/pt-brasil-angola.txt"]) {
      assert.ok(existsSync(join(root, f)), `${f} is missing: run ./build.sh first`);
    }
    mkdirSync(shots, { recursive: true });
    server = await serve(join(root, "www"));
    chrome = await launch();
    page = await chrome.newPage({ permissions: ["clipboard-read", "clipboard-write"] });
    await page.goto(server.base);
  });

  after(async () => {
    await chrome?.close();
    await server?.close();
  });

  const shadowText = (selector) => page.locator(`#cards ${selector}`).allTextContents();
  const example = (name) => cardsReady(page, () => page.click(`[data-example="${name}"]`));
  const editMode = async () => { if (await page.locator("#edit").isVisible()) await page.click("#edit"); };
  const clean = () => assert.deepEqual(page.problems.splice(0), [], "no console errors or page errors");

  test("Italian example: summary, cards and labels in Italian, click a card to highlight its sentence", async () => {
    const ready = await example("it-putin-vietnam");
    assert.equal(ready.language, "it");
    assert.equal(ready.worker, false);
    assert.equal(await page.locator("#article-view h2").textContent(), IT_TITLE);
    assert.deepEqual(await shadowText("#fc-summary"), ["Riassunto"]);
    assert.ok((await page.locator("#cards .summary ol li").count()) >= 1, "summary sentences");
    assert.ok((await page.locator("#cards article.number", { hasText: "80" }).count()) >= 1, "a number card showing 80");
    assert.ok((await page.locator("#cards article.number .qual", { hasText: "oltre" }).count()) >= 1, "the qualifier in Italian");
    assert.ok((await page.locator("#cards article.quote").count()) >= 1, "a quote card");

    const card = page.locator("#cards article.quote").first();
    const details = card.locator("details");
    assert.equal(await details.evaluate((d) => d.open), false, "evidence hidden at first");
    await card.locator("summary").click();
    assert.equal(await details.evaluate((d) => d.open), true, "evidence on demand");
    const evidence = (await details.locator("p").first().textContent()).trim();
    assert.ok(evidence.length > 20, "a source sentence");

    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await card.locator("button", { hasText: "Mostra nell'articolo" }).click();
    await page.waitForFunction(() => CSS.highlights.get("factcards")?.size === 1);
    const marked = await page.evaluate(() => {
      const [range] = CSS.highlights.get("factcards");
      const box = range.getBoundingClientRect();
      return { text: range.toString(), inArticle: document.getElementById("article-view").contains(range.commonAncestorContainer), top: box.top };
    });
    assert.ok(marked.inArticle, "the highlight is in the article");
    assert.equal(marked.text.replace(/\s+/g, " ").trim(), evidence.replace(/\s+/g, " "), "the highlighted sentence is the evidence");
    await page.waitForFunction(() => {
      const box = [...CSS.highlights.get("factcards")][0].getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    }, null, { timeout: 5000 });
    clean();
  });

  test("examples in Spanish, French, German and Portuguese get labels in their language", async () => {
    const expect = { "es-energia-marruecos": ["es", "Resumen"], "fr-sommet-ocean": ["fr", "Résumé"],
      "de-bahn-polen": ["de", "Zusammenfassung"], "pt-brasil-angola": ["pt", "Resumo"], "en-putin-vietnam": ["en", "Summary"] };
    for (const [name, [lang, heading]] of Object.entries(expect)) {
      const ready = await example(name);
      assert.equal(ready.language, lang, name);
      assert.deepEqual(await shadowText("#fc-summary"), [heading], name);
      assert.ok(ready.facts >= 1, `${name}: at least one fact card`);
      assert.equal(await page.locator("#cards").getAttribute("lang"), null, "auto-detected, not forced");
    }
    clean();
  });

  test("keyboard: Tab reaches the cards, Enter shows a sentence in the article", async () => {
    await example("en-putin-vietnam");
    await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
    const where = () => page.evaluate(() => {
      const a = document.activeElement;
      const inner = a?.shadowRoot?.activeElement;
      return { host: a?.id ?? "", tag: (inner ?? a)?.tagName, text: (inner ?? a)?.textContent?.trim().slice(0, 40) ?? "" };
    });
    const seen = [];
    let found = null;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press("Tab");
      const w = await where();
      seen.push(`${w.host}:${w.tag}`);
      if (w.host === "cards" && w.tag === "BUTTON" && w.text === "Show in article") found = w;
    }
    assert.ok(found, `a "Show in article" button is reachable with Tab (went through ${seen.join(" ")})`);
    const firstInCards = seen.findIndex((s) => s.startsWith("cards:"));
    assert.ok(seen.slice(0, firstInCards).some((s) => s.endsWith("BUTTON")), "page controls come before the cards");
    await page.evaluate(() => CSS.highlights.delete("factcards"));
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => CSS.highlights.get("factcards")?.size === 1);
    await page.keyboard.press("Tab");
    const next = await where();
    assert.equal(next.host, "cards", "focus stays in the cards after Enter");
    clean();
  });

  test("copy the cards as Markdown and as JSON", async () => {
    await example("it-putin-vietnam");
    await page.click("#copy-md");
    await page.waitForFunction(() => /Markdown/.test(document.getElementById("status").textContent));
    const md = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(md, /^# Russia e Vietnam/m);
    assert.match(md, /^## Riassunto$/m);
    assert.match(md, /^## Numeri$/m);
    assert.match(md, /^- “.+” — /m, "quotes with their speaker");
    await page.click("#copy-json");
    await page.waitForFunction(() => /JSON/.test(document.getElementById("status").textContent));
    const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(json.schemaVersion, 1);
    assert.equal(json.language, "it");
    assert.ok(Array.isArray(json.facts) && json.facts.length > 0);
    clean();
  });

  test("permalink: the text travels compressed in the URL fragment and comes back", async () => {
    const text = readFileSync(join(root, "www/articles/fr-sommet-ocean.txt"), "utf8");
    await editMode();
    await page.fill("#article", text);
    await cardsReady(page, () => page.click("#analyze"));
    await page.click("#copy-link");
    await page.waitForFunction(() => location.hash.startsWith("#z="));
    const url = await page.evaluate(() => location.href);
    assert.ok(url.length < text.length * 1.5, `compressed (${url.length} characters for ${text.length})`);
    const other = await chrome.newPage();
    const ready = await gotoReady(other, url);
    assert.equal(ready.language, "fr");
    assert.equal(await other.locator("#article").inputValue(), text, "the same text, byte for byte");
    assert.equal(await other.locator("#article-view h2").textContent(), text.split("\n")[0]);
    assert.deepEqual(other.problems, []);
    await other.context().close();
    clean();
  });

  test("dropped .html file is stripped to text; a .txt file opens too", async () => {
    await editMode();
    const html = `<!doctype html><html><head><title>x</title><style>p{}</style><script>window.__pwned=3</script></head>
      <body><nav>Home · World</nav><article><h1>Ministers agree on a new river treaty</h1>
      <p>The foreign ministers of Peru and Bolivia met in La Paz on Friday and signed a treaty on the Titicaca basin.</p>
      <p>“Water does not stop at borders,” said the Peruvian minister.</p><img src=x onerror="window.__pwned=4"></article></body></html>`;
    const ready = await cardsReady(page, () => page.evaluate((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], "story.html", { type: "text/html" }));
      document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, html));
    assert.equal(ready.language, "en");
    const text = await page.locator("#article").inputValue();
    assert.ok(text.startsWith("Ministers agree on a new river treaty\n\nThe foreign ministers"), JSON.stringify(text.slice(0, 80)));
    assert.ok(!/[<>]|__pwned|Home · World|p\{\}/.test(text), "no markup, scripts, styles or navigation");
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    // DOMParser's inert document inherits the page's CSP, which reports (and blocks) the inline
    // <style> and onerror= while parsing; nothing runs either way.
    const blocked = page.problems.splice(0);
    assert.ok(blocked.every((p) => /Content Security Policy/.test(p)), blocked.join("\n"));

    await page.click("#edit");
    await cardsReady(page, () => page.setInputFiles("#file", {
      name: "note.txt", mimeType: "text/plain",
      buffer: Buffer.from("Il ministro Paolo Neri ha incontrato a Roma la collega Giulia Sala.\n\n“Lavoreremo insieme”, ha detto Neri."),
    }));
    assert.match(await page.locator("#article-view").textContent(), /Paolo Neri/);
    clean();
  });

  test("article text is rendered as text, never as HTML", async () => {
    const img = `<img src=x onerror="window.__pwned=1">`;
    const script = `"><script>window.__pwned=2</script>`;
    const text = `Il vertice di Roma <b>Mario</b> Rossi ${img}\n\n`
      + `Il presidente Mario Rossi${img} ha incontrato Anna Bianchi${script} a Roma giovedì.\n\n`
      + `“Non accetteremo mai ${img} né ${script}”, ha detto Mario Rossi ${script} ai giornalisti.\n\n`
      + `Secondo Rossi ${script} il 45% degli elettori ha votato, e l'accordo vale 3 miliardi di euro.`;
    await editMode();
    await page.fill("#article", text);
    await cardsReady(page, () => page.click("#analyze"));
    await page.locator("#cards details").evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
    await page.waitForTimeout(300); // let any injected handler fire
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "no injected code ran");
    assert.equal(await page.locator("#article-view img, #article-view script, #article-view b").count(), 0);
    assert.equal(await page.locator("#cards img, #cards script, #cards b").count(), 0, "nothing created from the text in the cards");
    const shown = (await page.locator("#cards blockquote, #cards details p").allTextContents()).join(" ");
    assert.ok(shown.includes(img) && shown.includes(script), "the markup appears literally as text in the cards");
    clean();
  });

  test("screenshots and layout: desktop and 375 px, light and dark; contrast ≥ 4.5:1", async () => {
    await example("it-putin-vietnam");
    const shoot = async (name) => {
      await page.evaluate(() => { window.scrollTo(0, 0); document.getElementById("cards-panel").scrollTop = 0; });
      await page.screenshot({ path: join(shots, `${name}.png`) });
    };
    for (const theme of ["light", "dark"]) {
      await page.selectOption("#theme", theme);
      const bg = await page.evaluate(() => getComputedStyle(document.getElementById("cards")).backgroundColor);
      const [r] = bg.match(/\d+/g).map(Number);
      assert.ok(theme === "dark" ? r < 60 : r > 200, `${theme} theme background of the cards: ${bg}`);
      assert.deepEqual(await page.evaluate(contrastProblems, "body"), [], `${theme}: text contrast`);
      await page.setViewportSize({ width: 1280, height: 900 });
      await shoot(`page-desktop-${theme}`);
      await page.locator("#cards .group.number").scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `page-desktop-${theme}-cards.png`) });
      await page.setViewportSize({ width: 375, height: 812 });
      await shoot(`page-mobile-${theme}`);
      await page.locator("#cards").scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `page-mobile-${theme}-cards.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `${theme}: no horizontal scrolling at 375 px (overflow ${overflow}px)`);
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await page.selectOption("#theme", "auto");
    await page.emulateMedia({ colorScheme: "dark" });
    const auto = await page.evaluate(() => getComputedStyle(document.getElementById("cards")).backgroundColor);
    assert.ok(Number(auto.match(/\d+/)[0]) < 60, `theme=auto follows prefers-color-scheme: dark (${auto})`);
    await page.emulateMedia({ colorScheme: "light" });
    clean();
  });

  test("axe-core: no violations before and after analysis, in English and Italian, light and dark, at 1280 and 390 px", async () => {
    for (const width of [1280, 390]) {
      const fresh = await chrome.newPage({ viewport: { width, height: 844 } });
      await fresh.goto(server.base);
      for (const theme of ["light", "dark"]) {
        await fresh.selectOption("#theme", theme);
        if (await fresh.locator("#edit").isVisible()) await fresh.click("#edit");
        assert.deepEqual(await axeViolations(fresh), [], `${width} px, ${theme}, before analysis`);
        for (const [name, lang] of [["en-putin-vietnam", "en"], ["it-putin-vietnam", "it"]]) {
          const ready = await cardsReady(fresh, () => fresh.click(`[data-example="${name}"]`));
          assert.equal(ready.language, lang);
          assert.deepEqual(await axeViolations(fresh), [], `${width} px, ${theme}, ${lang} cards`);
        }
      }
      assert.deepEqual(fresh.problems, []);
      await fresh.context().close();
    }
  });

  test("every control is at least 24 × 24 px, at 1280 and 390 px, cards open and closed", async () => {
    await example("it-putin-vietnam");
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      assert.deepEqual(await page.evaluate(smallControls), [], `${width} px`);
      await page.locator("#cards details").evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
      assert.deepEqual(await page.evaluate(smallControls), [], `${width} px, evidence open`);
      await page.locator("#cards details").evaluateAll((ds) => ds.forEach((d) => { d.open = false; }));
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    clean();
  });

  test("phone (390 px): header and panels keep their spacing; the cards are one tap away at the top, focus follows", async () => {
    const phone = await chrome.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(server.base);
    const box = (selector) => phone.locator(selector).evaluate((el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; });
    const brand = await box(".brand");
    const header = await box(".site-header");
    assert.ok(brand.top >= 8 && brand.left >= 8, `the title keeps off the screen's edges: ${JSON.stringify(brand)}`);
    assert.ok((await box(".article-panel")).top >= header.bottom + 8, "the article panel does not sit on the header");
    assert.equal(await phone.locator("#jumps").isVisible(), false, "no jumps before there are cards");

    await cardsReady(phone, () => phone.click('[data-example="it-putin-vietnam"]'));
    const jump = phone.locator("#jumps a", { hasText: "Fact cards" });
    assert.ok((await jump.boundingBox()).y < 160, "the jump to the cards is at the top");
    assert.ok((await box("#cards-panel")).top > 2 * 844, "the long article comes first on a phone");
    await phone.evaluate(() => window.scrollTo(0, 3000));
    assert.ok((await jump.boundingBox()).y < 12, "and stays there while reading (sticky)");
    await jump.click();
    await phone.waitForFunction(() => document.activeElement?.id === "cards-panel");
    await phone.waitForFunction(() => Math.abs(document.getElementById("cards-panel").getBoundingClientRect().top - 56) < 60);
    await phone.keyboard.press("Tab");
    const inCards = await phone.evaluate(() => document.getElementById("cards-panel").contains(document.activeElement));
    assert.ok(inCards, "Tab goes on inside the cards");
    await phone.locator("#jumps a", { hasText: "Article" }).click();
    await phone.waitForFunction(() => document.activeElement?.id === "article-panel");
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
    await phone.screenshot({ path: join(shots, "page-phone-390.png") });
    assert.deepEqual(phone.problems, []);
    await phone.context().close();
  });

  test("the page fetched only its own files", () => {
    const outside = page.requests.filter((u) => !u.startsWith(server.base) && !u.startsWith("data:"));
    assert.deepEqual(outside, [], "no request left the page's origin");
    const unknown = server.log.filter((p) => !/^\/(|index\.html|style\.css|app\.js|pkg\/[\w.-]+|examples\/[\w.-]+\.txt)$/.test(p));
    assert.deepEqual(unknown, []);
  });
});
