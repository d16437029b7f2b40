/* factcards/worker — the module worker of <fact-cards>. Hand-kept. It exports nothing: the element
 * starts it (`new Worker(new URL("./fact-cards-worker.js", import.meta.url), { type: "module" })`),
 * and with esbuild it is a second entry point, output next to the bundle as fact-cards-worker.js. */
export {};
