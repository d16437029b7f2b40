// The page in Debian Chromium (playwright-core): paste, analyze, cards, evidence, examples, XSS.
// Needs ./build.sh first (www/pkg/, www/examples/). Screenshots go to target/screenshots/.
import { test, describe, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const CHROMIUM = "/usr/bin/chromium";
const IT_TITLE = "Russia e Vietnam promettono di rafforzare i legami durante la visita di Putin";
const EN_TITLE = "Russia and Vietnam pledge to strengthen ties during Putin's visit";
const shots = join(root, "target", "screenshots");

const skip = !existsSync(CHROMIUM) && !process.env.CI
  ? `${CHROMIUM} not found (apt-get install chromium); browser tests skipped outside CI`
  : false;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, server, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`http.server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

describe("web page in Chromium", { skip }, () => {
  let server, context, page, base, profile;
  const problems = []; // console errors and page errors

  before(async () => {
    for (const f of ["www/index.html", "www/pkg/factcards.js", "www/pkg/factcards_bg.wasm",
      "www/examples/it-putin-vietnam.txt", "www/examples/en-putin-vietnam.txt"]) {
      assert.ok(existsSync(join(root, f)), `${f} is missing: run ./build.sh first`);
    }
    const port = await freePort();
    base = `http://127.0.0.1:${port}/`;
    server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", "www"],
      { cwd: root, stdio: "ignore" });
    await waitForServer(base, server);

    const { chromium } = await import("playwright-core");
    profile = mkdtempSync(join(tmpdir(), "factcards-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? await context.newPage();
    page.on("console", (msg) => { if (msg.type() === "error") problems.push(`console: ${msg.text()}`); });
    page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
    await page.goto(base);
    await page.locator("#analyze:not([disabled])").waitFor({ timeout: 15000 });
  });

  after(async () => {
    await context?.close();
    server?.kill();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  afterEach(() => {
    assert.deepEqual(problems.splice(0), [], "no console errors or page errors");
  });

  const titleIs = (title) => page.waitForFunction(
    (t) => document.querySelector("#result-title")?.textContent === t, title, { timeout: 15000 });

  test("Italian article: title, summary, numbers, quotes, evidence, screenshots", async () => {
    const text = readFileSync(join(root, "tests/fixtures/it-putin-vietnam.txt"), "utf8");
    await page.fill("#article", text);
    await page.getByRole("button", { name: "Analyze", exact: true }).click();
    await page.locator(".fact-card").first().waitFor({ timeout: 15000 });

    assert.equal(await page.locator("#result-title").textContent(), IT_TITLE);
    const summary = await page.locator(".summary-list li").allTextContents();
    assert.ok(summary.length >= 1, "at least one summary sentence");
    for (const s of summary) {
      assert.ok(!s.includes("Back to top button") && !s.includes("Ultime Notizie"), `page chrome in summary: ${s}`);
    }
    assert.ok(await page.locator(".fact-card.number", { hasText: "80" }).count() >= 1, "a number card showing 80");
    assert.ok(await page.locator(".fact-card.quote").count() >= 1, "a quote card");
    assert.equal(await page.locator("#error").isVisible(), false, "no error shown");

    const card = page.locator(".fact-card").filter({ has: page.locator("details.evidence") }).first();
    const body = card.locator(".evidence-body");
    assert.equal(await body.isVisible(), false, "evidence hidden at first");
    await card.getByText("Show evidence").click();
    await body.waitFor({ state: "visible" });
    assert.ok((await body.textContent()).trim().length > 0, "a non-empty evidence sentence");
    assert.equal(await card.locator("details.evidence").evaluate((d) => d.open), true);

    mkdirSync(shots, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, "page-desktop.png") });
    await page.screenshot({ path: join(shots, "page-desktop-full.png"), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, "page-mobile.png") });
    await page.screenshot({ path: join(shots, "page-mobile-full.png"), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 375 px (overflow ${overflow}px)`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("English example button loads and analyzes the English article", async () => {
    await page.getByRole("button", { name: "English example" }).click();
    await titleIs(EN_TITLE);
    assert.ok((await page.locator("#article").inputValue()).startsWith(EN_TITLE));
    assert.ok(await page.locator(".summary-list li").count() >= 1);
    assert.ok(await page.locator(".fact-card").count() >= 1);
    await page.screenshot({ path: join(shots, "page-desktop-en.png"), fullPage: true });
  });

  test("Italian example button", async () => {
    await page.getByRole("button", { name: "Try an example" }).click();
    await titleIs(IT_TITLE);
  });

  test("article text is rendered as text, never as HTML", async () => {
    const img = `<img src=x onerror="window.__pwned=1">`;
    const script = `"><script>window.__pwned=2</script>`;
    const text = `Il vertice di Roma <b>Mario</b> Rossi ${img}\n\n`
      + `Il presidente Mario Rossi ${img} ha incontrato Anna Bianchi${script} a Roma giovedì.\n\n`
      + `“Non accetteremo mai ${img} né ${script}”, ha detto Mario Rossi ai giornalisti.\n\n`
      + `Secondo Rossi ${script} il 45% degli elettori ha votato, e l'accordo vale 3 miliardi di euro.`;
    await page.fill("#article", text);
    await page.getByRole("button", { name: "Analyze", exact: true }).click();
    await page.locator("#result-title").waitFor();
    await page.locator("details.evidence").evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
    await page.waitForTimeout(300); // let any injected handler fire
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "no injected code ran");
    const injected = await page.locator("#output img, #output script, #output b").count();
    assert.equal(injected, 0, "no elements created from the article text");
    const shown = await page.locator("#output").textContent();
    assert.ok(shown.includes(img) || shown.includes(script), "the markup appears literally as text");
  });
});
