/** The one module that knows about linkedom: a DOM document for drawing charts at build time and in tests. */
import { parseHTML } from "linkedom";

let shared: Document | undefined;

/** One shared linkedom document; charts create their elements in it and pages serialise them with outerHTML. */
export function serverDocument(): Document {
  shared ??= parseHTML("<!doctype html><html><head></head><body></body></html>").document as unknown as Document;
  return shared;
}
