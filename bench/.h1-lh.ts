// temp: one Lighthouse run on one page of the existing dist (not committed)
import { cpSync, mkdtempSync, realpathSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { startPreview } from "./lib/server.ts";
import { runLighthouse, figures, measurePage } from "./lib/lighthouse.ts";
