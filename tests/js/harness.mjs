// Shared by the browser tests: a static file server on 127.0.0.1 (with the headers a test asks
// for, e.g. a strict CSP) and Debian's Chromium driven by playwright-core.
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const CHROMIUM = "/usr/bin/chromium";
export const shots = join(root, "target", "screenshots");

/** A reason to skip browser tests (outside CI, without Chromium), or false. */
export const skipBrowser = !existsSync(CHROMIUM) && !process.env.CI
  ? `${CHROMIUM} not found (apt-get install chromium); browser tests skipped outside CI`
  : false;

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".txt": "text/plain; charset=utf-8",
  ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml",
};

/**
 * Serves `dir` on a free port. `headers(path)` adds response headers, `pages` maps paths to
 * in-memory content; `log` collects every requested path. Resolves to { base, close, log }.
 */
export function serve(dir, { headers = () => ({}), pages = {} } = {}) {
  const log = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    log.push(path);
    if (Object.hasOwn(pages, path)) { // in-memory pages of a test
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "text/html", "cache-control": "no-store", ...headers(path) });
      res.end(pages[path]);
      return;
    }
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir + sep)) && file !== normalize(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
      ...headers(path),
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        base: `http://127.0.0.1:${port}/`,
        log,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
      });
    });
  });
}

/** Launches headless Chromium. Resolves to { browser, newPage(options), close }. */
export async function launch() {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  /** A fresh context and page; console errors and page errors are collected in `page.problems`. */
  async function newPage(options = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    page.problems = [];
    page.requests = []; // every URL the page asked for
    page.on("request", (r) => page.requests.push(r.url()));
    page.on("console", (m) => { if (m.type() === "error") page.problems.push(`console: ${m.text()}`); });
    page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
    await page.addInitScript(() => { // every factcards event of the page, in order
      window.__factcards = [];
      for (const type of ["factcards-analyzed", "factcards-error"]) {
        document.addEventListener(type, (e) => {
          const a = e.detail.analysis;
          window.__factcards.push(a
            ? { type, worker: e.detail.worker, ms: e.detail.ms, language: a.language, facts: a.facts.length,
              textLength: e.detail.text.length, warnings: a.warnings, id: e.target.id }
            : { type, message: e.detail.message, id: e.target.id });
        });
      }
    });
    return page;
  }
  return {
    browser,
    newPage,
    close: () => browser.close(),
  };
}

async function nextEvent(page, seen, timeout) {
  const handle = await page.waitForFunction((n) => (window.__factcards?.length ?? 0) > n, seen, { timeout });
  await handle.dispose();
  const e = await page.evaluate(() => window.__factcards.at(-1));
  if (e.type === "factcards-error") throw new Error(`factcards-error: ${e.message}`);
  return e;
}

/** Runs `action` in the page, then waits for the next factcards-analyzed (rejects on factcards-error). */
export async function cardsReady(page, action, timeout = 30000) {
  const seen = await page.evaluate(() => window.__factcards.length);
  await action();
  return nextEvent(page, seen, timeout);
}

/** Opens `url` and waits for its first factcards-analyzed. */
export async function gotoReady(page, url, timeout = 30000) {
  await page.goto(url);
  return nextEvent(page, 0, timeout);
}

/** Text colour (an SVG label's fill) against the first opaque background behind each text element of `scope`. */
export function contrastProblems(scopeSelector) {
  const parse = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let n = el; n; n = n.parentElement ?? n.getRootNode()?.host) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] >= 0.99)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const problems = [];
  const visit = (rootNode) => {
    for (const el of rootNode.querySelectorAll("*")) {
      if (el.shadowRoot) visit(el.shadowRoot);
      const svgText = el.tagName === "text" && el.closest("svg"); // the map's labels: their colour is `fill`
      if (!svgText && el.closest("svg, .vh, .visually-hidden, [hidden], template, style, script, option")) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim());
      if (!own || !el.getClientRects().length) continue;
      const fg = parse(getComputedStyle(el)[svgText ? "fill" : "color"]).slice(0, 3);
      const bg = background(el);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      if (ratio < 4.5) problems.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
    }
  };
  for (const scope of document.querySelectorAll(scopeSelector)) {
    visit(scope);
  }
  return problems;
}
