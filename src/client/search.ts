/** Locality search: words in any order, with or without accents and type ("tp long khanh"). The list works without it. */
import { searchMatches } from "../lib/search-match.ts";

const input = document.querySelector<HTMLInputElement>("input[data-search]");
const items = [...document.querySelectorAll<HTMLLIElement>("#locality-list li[data-key]")];
const none = document.getElementById("no-match");
if (input) {
  const filter = () => {
    const q = input.value.trim();
    let shown = 0;
    for (const li of items) {
      li.hidden = q !== "" && !searchMatches(q, { name: li.dataset.key!, type: li.dataset.type ?? "", parents: li.dataset.parents ?? "" });
      if (!li.hidden) shown++;
    }
    if (none) none.hidden = shown > 0;
  };
  input.addEventListener("input", filter);
  input.addEventListener("keydown", (e) => {
    const first = items.find((li) => !li.hidden)?.querySelector("a");
    if (e.key === "Enter" && first) first.click();
  });
  filter();
}
