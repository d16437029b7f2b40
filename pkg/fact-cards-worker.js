// The module worker of <fact-cards> ("factcards/worker"): analyses long texts off the main thread.
// The element starts it; with esbuild, make it a second entry point named fact-cards-worker.js next
// to the bundle (the README says how). The first message carries the compiled WebAssembly.Module
// (compiled once by the page); then { id, text, options } in, { id, analysis } or { id, error } out.
import { initSync, analyze, ready } from "./factcards.js";

self.onmessage = async ({ data }) => {
  if (data.module) {
    initSync({ module: data.module, languages: [] });
    return;
  }
  try {
    await ready(data.text, data.options); // the data of the text's language, fetched once
    self.postMessage({ id: data.id, analysis: analyze(data.text, data.options) });
  } catch (err) {
    self.postMessage({ id: data.id, error: err?.message || String(err) });
  }
};
