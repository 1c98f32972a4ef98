// Takes the landing page's screenshots from a running AURA (npm start, then
// `npx tsx scripts/capture-screenshots.ts [URL]`): a demo account with a real CV, its first
// batch partly rated; then its applications (a generated CV and the tracker) into
// docs/screenshots/. They are real pages of the app, so retake them when the pages change.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://localhost:3000";
const out = new URL("../apps/web/public/screenshots/", import.meta.url);
const cv = readFileSync(new URL("../eval/personas/developer.md", import.meta.url), "utf8");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const call = (path: string, init: { method: string; json?: unknown }) =>
    page.evaluate(
      async ({ path, init }) => {
        const r = await fetch(`/api${path}`, {
          method: init.method,
          headers: init.json ? { "content-type": "application/json" } : {},
          body: init.json ? JSON.stringify(init.json) : undefined,
        });
        return r.json();
      },
      { path, init },
    );
  await page.goto(`${base}/en`);
  await call("/auth/sign-up/email", {
    method: "POST",
    json: {
      name: "Sam Demo",
      email: `demo-${Date.now()}@example.com`,
      password: "demo password 1",
    },
  });
  await call("/preferences", {
    method: "PUT",
    json: { roles: ["Backend Developer"], locationModes: ["remote"], batchSize: 4 },
  });
  await page.evaluate(async (text) => {
    const form = new FormData();
    form.set("file", new File([text], "cv.md", { type: "text/markdown" }));
    await fetch("/api/cv", { method: "PUT", body: form });
  }, cv);
  const batch = (await call("/batches", { method: "POST" })) as { jobs: { job: { id: number } }[] };
  const [first, second] = batch.jobs;
  if (first) await call("/ratings", { method: "POST", json: { jobId: first.job.id, stars: 5 } });
  if (second) await call("/ratings", { method: "POST", json: { jobId: second.job.id, stars: 3 } });
  await page.goto(`${base}/en/dashboard`);
  await page.getByText("2/4 rated").waitFor();
  await page.screenshot({ path: new URL("dashboard.png", out).pathname });
  console.log(`saved ${new URL("dashboard.png", out).pathname}`);

  // The rest of the batch rated and locked, applications prepared and moved on the tracker.
  for (const [i, item] of batch.jobs.slice(2).entries()) {
    await call("/ratings", {
      method: "POST",
      json: { jobId: item.job.id, stars: i === 0 ? 4 : 2 },
    });
  }
  const batchId = (batch as unknown as { id: number }).id;
  await call(`/batches/${batchId}/lock`, { method: "POST" });
  const { applications } = (await call("/applications/generate", { method: "POST", json: {} })) as {
    applications: { id: number }[];
  };
  const [applied, interviewing] = applications;
  if (applied)
    await call(`/applications/${applied.id}`, { method: "PUT", json: { status: "applied" } });
  if (interviewing) {
    await call(`/applications/${interviewing.id}`, { method: "PUT", json: { status: "applied" } });
    await call(`/applications/${interviewing.id}`, {
      method: "PUT",
      json: { status: "interview1" },
    });
  }
  const docs = new URL("../docs/screenshots/", import.meta.url);
  mkdirSync(docs, { recursive: true });
  await page.goto(`${base}/en/tracker`);
  await page.getByRole("heading", { name: "Interview 1" }).waitFor();
  await page.screenshot({ path: new URL("tracker.png", docs).pathname, fullPage: true });
  if (applied) {
    await page.goto(`${base}/en/applications?id=${applied.id}`);
    await page.getByText("Download the CV").waitFor();
    await page.screenshot({ path: new URL("applications.png", docs).pathname, fullPage: true });
    const pdf = await page.request.get(`${base}/api/applications/${applied.id}/cv.pdf`);
    const file = new URL("generated-cv.pdf", docs).pathname;
    writeFileSync(file, await pdf.body());
    // Page 1 as a picture, when poppler's pdftoppm is installed.
    const png = spawnSync("pdftoppm", [
      "-png",
      "-r",
      "70",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      file,
      file.replace(/\.pdf$/, ""),
    ]);
    if (png.status !== 0) console.log("pdftoppm not found: the CV stays a PDF");
  }
  console.log(`saved ${docs.pathname}tracker.png, applications.png and generated-cv.pdf`);
} finally {
  await browser.close();
}
