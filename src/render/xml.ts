/**
 * The one way markup is written from a DOM tree or from text: every attribute value and text node escaped, so the
 * output is well-formed XML (a standalone SVG file) and the same bytes are safe HTML (a page's inline chart).
 * linkedom's outerHTML escapes only `"` in attribute values: a name holding `><script …>` stayed markup once a
 * standalone SVG was read as XML, and code cutting tags with a regex stopped at the name's first `>`.
 */

/** Text content: `&`, `<`, `>` escaped (`>` too, so no `]]>` or tag-looking run survives). */
export const escapeText = (s: string): string => s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));

/** A double-quoted attribute value: also `"` and the line breaks XML would fold into spaces. */
export const escapeAttr = (s: string): string =>
  s.replace(/[&<>"\n\r\t]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;" })[c]!);

const ELEMENT = 1, TEXT = 3, CDATA = 4, COMMENT = 8;
const SVG_NS = "http://www.w3.org/2000/svg";
/** HTML elements with no end tag: written `<br/>`, which HTML and XML readers both accept. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** Attribute names and tag names come from code (Plot, our charts), never from data; anything else is refused. */
const NAME = /^[A-Za-z_][\w.:-]*$/;

export interface SerializeOptions {
  /** Attributes to leave out (e.g. `data-tip`, which only the page's script reads). */
  omitAttributes?: readonly string[];
}

/**
 * Serialise a DOM node (linkedom on the server, the browser's own in tests) as XML-safe markup. Comments are
 * dropped; `<style>` and `<script>` text is escaped like any other text, which CSS and SVG readers accept.
 */
export function serialize(node: Node, options: SerializeOptions = {}): string {
  return serializeTwice(node, options.omitAttributes ?? [])[1];
}

/**
 * The node's markup whole and without the attributes `omit` names, from one walk of the tree: walking a server DOM
 * costs far more than writing the text (a drawn chart is written both ways: render/chart-html.ts).
 */
export function serializeTwice(node: Node, omit: readonly string[]): [whole: string, without: string] {
  const omitted = new Set(omit);
  const whole: string[] = [];
  // Nothing left out: one text serves as both.
  const without: string[] = omitted.size ? [] : whole;
  const both = (s: string) => (whole.push(s), without !== whole && without.push(s));
  const walk = (n: Node) => {
    if (n.nodeType === TEXT || n.nodeType === CDATA) return void both(escapeText(n.nodeValue ?? ""));
    if (n.nodeType === COMMENT || n.nodeType !== ELEMENT) return;
    const el = n as Element;
    const svg = el.namespaceURI === SVG_NS;
    // SVG names are case-sensitive (clipPath); HTML ones are not.
    const tag = svg ? el.localName : el.tagName.toLowerCase();
    if (!NAME.test(tag)) throw new Error(`serialize: refusing element name ${JSON.stringify(tag)}`);
    both(`<${tag}`);
    for (const a of Array.from(el.attributes)) {
      if (!NAME.test(a.name)) throw new Error(`serialize: refusing attribute name ${JSON.stringify(a.name)}`);
      const text = ` ${a.name}="${escapeAttr(a.value)}"`;
      whole.push(text);
      if (without !== whole && !omitted.has(a.name)) without.push(text);
    }
    // An empty SVG element closes itself; an empty HTML one needs its end tag, unless it has none.
    if (!el.firstChild && (svg || VOID.has(tag))) return void both("/>");
    both(">");
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
    both(`</${tag}>`);
  };
  walk(node);
  const text = whole.join("");
  return [text, without === whole ? text : without.join("")];
}
