// Static output only: every page is drawn at build time; the browser adds pointer work.
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "static",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  i18n: { defaultLocale: "vi", locales: ["vi", "en"], routing: { prefixDefaultLocale: false } },
  devToolbar: { enabled: false },
  compressHTML: true,
});
