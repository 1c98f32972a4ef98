// The web app in Chromium: production build time, the time from `aura start` on an empty data
// folder to the first page served (sample ingest, embedding, server start), and for the
// dashboard: largest contentful paint, JavaScript sent (compressed, as the browser received
// it) and the time from a star click to the saved rating shown (the toast after the API
// answered). Runs `next build` again (removes apps/web/.next first).
//   npm run bench -- web [--runs=10]
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { buildWeb, webDir } from "../apps/web/server.ts";
import { codeVersion, conditions, percentile, printTable } from "./shared.ts";

const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(arg("runs") ?? 10);
const PORT = 3191;
const root = fileURLToPath(new URL("..", import.meta.url));
const base = `http://localhost:${PORT}`;
const cv = readFileSync(new URL("../eval/personas/developer.md", import.meta.url), "utf8");

console.log(`AURA web bench — ${conditions()}\n${codeVersion()}`);
const rows: (string | number)[][] = [["measure", "value"]];

rmSync(join(webDir, ".next"), { recursive: true, force: true });
let t0 = performance.now();
buildWeb();
const buildSeconds = (performance.now() - t0) / 1000;
rows.push(["next build (production), s", buildSeconds.toFixed(1)]);

const dataDir = mkdtempSync(join(tmpdir(), "aura-bench-web-"));
let server: ChildProcess | null = null;
try {
  t0 = performance.now();
  server = spawn(
    "node",
    [join(root, "packages/cli/bin/aura.js"), "start", "--offline", "--port", String(PORT)],
    {
      cwd: dataDir,
      env: { ...process.env, AURA_DATA_DIR: join(dataDir, "data") },
      stdio: "ignore",
    },
  );
  for (;;) {
    const ok = await fetch(`${base}/en`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (server.exitCode !== null) throw new Error("aura start exited");
    await new Promise((r) => setTimeout(r, 250));
  }
  const firstPageSeconds = (performance.now() - t0) / 1000;
  rows.push([
    "aura start on an empty data folder → first page served, s",
    firstPageSeconds.toFixed(1),
  ]);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/en/sign-in`);
    const api = page.request;
    await api.post(`${base}/api/auth/sign-up/email`, {
      data: { name: "Bench", email: `bench-${Date.now()}@example.com`, password: "bench password" },
    });
    await api.put(`${base}/api/preferences`, { data: { batchSize: 5 } });
    await api.put(`${base}/api/cv`, {
      multipart: { file: { name: "cv.md", mimeType: "text/markdown", buffer: Buffer.from(cv) } },
    });
    await api.post(`${base}/api/batches`);

    const lcps: number[] = [];
    const jsKb: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A new page each time, caches cleared: a first visit to the dashboard.
      const fresh = await context.newPage();
      const cdp = await context.newCDPSession(fresh);
      await cdp.send("Network.clearBrowserCache");
      let jsBytes = 0;
      await cdp.send("Network.enable");
      const scripts = new Set<string>();
      cdp.on("Network.responseReceived", (e) => {
        if (e.type === "Script") scripts.add(e.requestId);
      });
      cdp.on("Network.loadingFinished", (e) => {
        if (scripts.has(e.requestId)) jsBytes += e.encodedDataLength;
      });
      await fresh.goto(`${base}/en/dashboard`);
      await fresh.getByText(/\/5 rated/).waitFor();
      await fresh.waitForLoadState("networkidle");
      const lcp = await fresh.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              resolve(entries[entries.length - 1]?.startTime ?? -1);
            }).observe({ type: "largest-contentful-paint", buffered: true });
          }),
      );
      lcps.push(lcp);
      jsKb.push(jsBytes / 1024);
      await fresh.close();
    }
    rows.push([
      `dashboard LCP, first visit, ms (p50 / max of ${RUNS})`,
      `${percentile(lcps, 50).toFixed(0)} / ${Math.max(...lcps).toFixed(0)}`,
    ]);
    rows.push(["dashboard JavaScript received (compressed), kB", percentile(jsKb, 50).toFixed(0)]);

    // A star click → the "Rated" toast, which shows once the API has stored the rating.
    await page.goto(`${base}/en/dashboard`);
    await page.getByText(/\/5 rated/).waitFor();
    const saves: number[] = [];
    for (let i = 0; i < RUNS * 2; i++) {
      const card = i % 5;
      // Each visit to a card picks another number of stars: the same one would change nothing.
      const stars = 1 + ((card + Math.floor(i / 5)) % 5);
      const ms = await page.evaluate(
        ({ card, stars }) =>
          new Promise<number>((resolve) => {
            const status = document.querySelector('[role="status"]');
            const radio = document
              .querySelectorAll("article")
              [card]?.querySelectorAll<HTMLInputElement>('input[type="radio"]')[stars - 1];
            if (!status || !radio) return resolve(-1);
            // Toasts are numbered: the one this click brings has a higher number. (No named
            // functions in here: tsx would wrap them in a helper the page does not have.)
            let before = 0;
            for (const el of status.querySelectorAll<HTMLElement>("[data-toast-id]")) {
              before = Math.max(before, Number(el.dataset.toastId));
            }
            const start = performance.now();
            const observer = new MutationObserver(() => {
              for (const el of status.querySelectorAll<HTMLElement>("[data-toast-id]")) {
                if (Number(el.dataset.toastId) > before) {
                  observer.disconnect();
                  resolve(performance.now() - start);
                  return;
                }
              }
            });
            observer.observe(status, { childList: true, subtree: true });
            radio.click();
          }),
        { card, stars },
      );
      saves.push(ms);
      await page.waitForTimeout(50);
    }
    rows.push([
      `star click → rating saved and shown, ms (p50 / p95 of ${saves.length})`,
      `${percentile(saves, 50).toFixed(0)} / ${percentile(saves, 95).toFixed(0)}`,
    ]);
  } finally {
    await browser.close();
  }
} finally {
  server?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
}
printTable(rows);
