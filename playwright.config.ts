import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// The browser journeys drive Debian's Chromium (never a downloaded one) against `aura start`
// on a fresh embedded database with the bundled sample: the app as a newcomer meets it.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(chromium);
const port = Number(process.env.E2E_PORT ?? 3170);
const dataDir = mkdtempSync(join(tmpdir(), "aura-e2e-"));

export default defineConfig({
  testDir: "e2e",
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    },
    locale: "en-US",
    trace: "off",
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
    {
      name: "phone",
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
      // The phone walks the journey; the other checks need one screen size.
      testMatch: /journey\.spec\.ts/,
    },
  ],
  webServer: hasChromium
    ? {
        command: `node packages/cli/bin/aura.js start --offline --port ${port}`,
        url: `http://localhost:${port}/api/healthz`,
        // First start: sample ingest, embedding (~1 min on 2 cores) and the web build.
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "ignore",
        stderr: "pipe",
        // Every spec signs people up: more than one person a minute may (the default limit is 10).
        env: {
          AURA_DATA_DIR: dataDir,
          AURA_AUTH_SECRET: "kQ7v2Xp9LmZr4TfW8bNc1YhJ6dGs3EaU",
          AURA_SIGN_IN_LIMIT_PER_MINUTE: "60",
          // The journeys drive every batch themselves: no sweep lands in the middle of one.
          AURA_SCHEDULE: "off",
        },
      }
    : undefined,
});
