// factcards/view: the renderer of <fact-cards> and what a page needs around it, in every language.
// It reads the article's text from the page, draws the cards and the "who met whom" map, highlights
// evidence in the article, writes the cards as Markdown, and says numbers the article's way (the
// words are data: fact-cards-words.js, made from data/<lang>/render_words.txt, which the CLI reads
// too). The code is fact-cards-render.js; <fact-cards> loads it with the article's language alone.
import { WORDS } from "./fact-cards-words.js";
import { LABELS } from "./factcards-labels.js"; // generated from data/<lang>/language.txt
import { addLanguage } from "./fact-cards-render.js";

for (const code of Object.keys(LABELS)) addLanguage(code, WORDS[code], LABELS[code]);

export {
  labels, label, extractText, rangeOf, readSource, highlight, numberValue, numberQualifier, formatNumber,
  meetingLine, actorGraph, render, toMarkdown,
} from "./fact-cards-render.js";
