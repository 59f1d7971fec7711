/**
 * The locator: where a province from 1 July 2025 lies on the map of Vietnam. One static SVG per province
 * (/maps/locator-<code>.svg), and what a page needs to show it: its address, size, alt text and the province a
 * locality lies in.
 */
import { locatorMap } from "../charts/map.ts";
import type { Locale } from "../i18n/format.ts";
import { t } from "../i18n/paths.ts";
import { locatorTopology, newProvincesOf, unitIndex } from "../view/province-map-data.ts";
import type { UnitRow } from "../domain/schema.ts";
import { serverDocument } from "./server-dom.ts";
import { loadUnits, nationalLists, siteIndex, type SiteData } from "../load/site-data.ts";
import { serialize } from "./xml.ts";

/** Width in px a locator is drawn at (and shown at, at most). */
export const LOCATOR_WIDTH = 200;

/** Address of a province's locator. */
export const locatorPath = (code: string) => `/maps/locator-${code}.svg`;

/** The standalone SVG file of a province's locator. */
export function locatorSvg(code: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(locatorMap(locatorTopology(), code, { document: serverDocument(), width: LOCATOR_WIDTH }))}\n`;
}

/** Height of the locators (all share the one outline), read from a drawing's viewBox once. */
let height: number | undefined;
export function locatorHeight(): number {
  return (height ??= Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(locatorSvg("01"))![1]));
}

/** The province from 1 July 2025 a unit of that period lies in (a province is its own). */
export function provinceUnit(code: string, units: readonly UnitRow[] = loadUnits()): UnitRow | undefined {
  const { after } = unitIndex(units);
  const own = after.get(code);
  return own && after.get(own.province);
}

/** The new province(s) a locality of the dataset lies in (a unit divided in 2025 may lie in two). */
export function localityProvinces(localityId: string, data: SiteData = nationalLists()): string[] {
  const l = siteIndex(data).locality.get(localityId);
  return l ? newProvincesOf(l, data, loadUnits()) : [];
}

/** The alt text of a province's locator, in the reader's language. */
export function locatorAlt(locale: Locale, name: string): string {
  return t(locale, "locator_alt", { name });
}
