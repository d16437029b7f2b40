// The <fact-cards> element, registered: the file a page loads with
//   <script type="module" src="/factcards/fact-cards.js"></script>
// (or `import "factcards/fact-cards.js"` in a bundle). The class alone, with `define(tag)`, is
// "factcards/element" (fact-cards-element.js).
import { FactCardsElement, define } from "./fact-cards-element.js";

define();

export { FactCardsElement, define };
