import { defineConfig } from "@playwright/test";

// Browser tests run on Debian's chromium (test tools cannot download browsers here) against `astro preview`.
const port = Number(process.env.PPT_PORT ?? 4329);
export default defineConfig({
  testDir: "./browser",
  timeout: 30_000,
  workers: 2,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: `astro preview --host 127.0.0.1 --port ${port}`,
    cwd: "..",
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
