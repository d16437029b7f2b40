/* factcards/fact-cards.js — the <fact-cards> element, registered on import. Hand-kept. */
export { FactCardsElement, define } from "./fact-cards-element.js";
export type * from "./fact-cards-element.js";
