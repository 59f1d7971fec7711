/**
 * Search: words in any order, with or without accents and type ("tp long khanh"). The localities with data are in
 * the page (the list works without JavaScript); every other unit, old or new, comes from the index files, fetched
 * only for the first two letters of the words typed (src/view/search-index.ts).
 */
import { searchMatches, searchWords, expandWords } from "../view/search-match.ts";

type Entry = [name: string, type: string, parents: string, label: string, context: string, href: string];
const LIMIT = 20;

const input = document.querySelector<HTMLInputElement>("input[data-search]");
const items = [...document.querySelectorAll<HTMLLIElement>("#locality-list li[data-key]")];
const none = document.getElementById("no-match");
const box = document.getElementById("unit-results");
const list = document.getElementById("unit-list");
const more = document.getElementById("unit-more");
const shards = new Map<string, Promise<Entry[]>>();
const split = new Set((box?.dataset.split ?? "").split(" ").filter(Boolean));
/** The file a word's units are in: its first two letters, or three where the two-letter file is crowded. */
const shardOf = (w: string) => (w.length >= 3 && split.has(w.slice(0, 2)) ? w.slice(0, 3) : w.slice(0, 2));
const load = (shard: string): Promise<Entry[]> => {
  let p = shards.get(shard);
  if (!p) {
    p = fetch(`${box!.dataset.index}${shard}.json`).then((r) => (r.ok ? r.json() : []), () => []);
    shards.set(shard, p);
  }
  return p;
};

if (input) {
  let run = 0;
  const filter = async () => {
    const q = input.value.trim();
    let shown = 0;
    const seen = new Set<string>();
    for (const li of items) {
      li.hidden = q !== "" && !searchMatches(q, { name: li.dataset.key!, type: li.dataset.type ?? "", parents: li.dataset.parents ?? "" });
      if (!li.hidden) {
        shown++;
        seen.add(li.querySelector("a")!.getAttribute("href")!);
      }
    }
    const words = expandWords(searchWords(q)).filter((w) => w.length >= 2);
    const mine = ++run;
    let hits: Entry[] = [];
    if (box && list && words.length > 0) {
      const entries = (await Promise.all([...new Set(words.map(shardOf))].map(load))).flat();
      if (mine !== run) return;
      const hrefs = new Set<string>();
      hits = entries.filter((e) => !seen.has(e[5]) && !hrefs.has(e[5]) && searchMatches(q, { name: e[0], type: e[1], parents: e[2] }) && hrefs.add(e[5]));
      list.replaceChildren(...hits.slice(0, LIMIT).map((e) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = e[5];
        a.textContent = e[3];
        li.append(a);
        if (e[4]) {
          const s = document.createElement("span");
          s.className = "small muted";
          s.textContent = ` ${e[4]}`;
          li.append(s);
        }
        return li;
      }));
      box.hidden = hits.length === 0;
      if (more) {
        more.hidden = hits.length <= LIMIT;
        more.textContent = (box.dataset.more ?? "").replace("{n}", String(hits.length - LIMIT));
      }
    } else if (box) box.hidden = true;
    if (none) none.hidden = q === "" || shown + hits.length > 0;
  };
  input.addEventListener("input", () => void filter());
  input.addEventListener("keydown", (e) => {
    const first = items.find((li) => !li.hidden)?.querySelector("a") ?? (box && !box.hidden ? list?.querySelector("a") : null);
    if (e.key === "Enter" && first) first.click();
  });
  void filter();
}
