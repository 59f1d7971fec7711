/** Accent-insensitive locality search: "phan rang" and "pho minh" find theirs. The list works without it. */
import { foldAccents } from "../lib/fold.ts";

const input = document.querySelector<HTMLInputElement>("input[data-search]");
const items = [...document.querySelectorAll<HTMLLIElement>("#locality-list li[data-key]")];
const none = document.getElementById("no-match");
if (input) {
  const filter = () => {
    const q = foldAccents(input.value);
    let shown = 0;
    for (const li of items) {
      li.hidden = q !== "" && !li.dataset.key!.includes(q);
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
