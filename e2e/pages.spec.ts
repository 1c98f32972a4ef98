import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { hasChromium } from "../playwright.config";

test.skip(
  !hasChromium,
  "Chromium is not installed (apt-get install chromium); browser checks skipped",
);

const cv = readFileSync(new URL("../eval/personas/data-science.md", import.meta.url), "utf8");

/** Signs a new person up through the API, with a CV and an open batch (one job rated). */
async function signedInWithBatch(page: Page) {
  await page.goto("/en/sign-in");
  const api = page.request;
  const up = await api.post("/api/auth/sign-up/email", {
    data: {
      name: "Axe Person",
      email: `axe-${Date.now()}@example.com`,
      password: "long password 1",
    },
  });
  expect(up.status()).toBe(201);
  expect((await api.put("/api/preferences", { data: { batchSize: 2 } })).status()).toBe(200);
  const cvSaved = await api.put("/api/cv", {
    multipart: { file: { name: "cv.md", mimeType: "text/markdown", buffer: Buffer.from(cv) } },
  });
  expect(cvSaved.status()).toBe(200);
  const batch = await api.post("/api/batches");
  expect(batch.status()).toBe(201);
  const jobs = (await batch.json()).jobs.map((j: { job: { id: number } }) => j.job.id);
  await api.post("/api/ratings", { data: { jobId: jobs[0], stars: 4 } });
  return jobs as number[];
}

/** signedInWithBatch, plus applications to both jobs: one sent (on the tracker), one a draft. */
async function signedInWithApplications(page: Page) {
  const jobs = await signedInWithBatch(page);
  const made = await page.request.post("/api/applications/generate", { data: { jobIds: jobs } });
  expect(made.status()).toBe(201);
  const [sent] = (await made.json()).applications;
  const moved = await page.request.put(`/api/applications/${sent.id}`, {
    data: { status: "applied" },
  });
  expect(moved.status()).toBe(200);
}

const publicPages = ["/en", "/en/sign-in", "/en/sign-up"];
const signedInPages = [
  "/en/onboarding",
  "/en/dashboard",
  "/en/review",
  "/en/history",
  "/en/skills",
  "/en/settings",
  "/en/applications",
  "/en/tracker",
  // A person who is not an admin: the page says it is only for admins.
  "/en/admin",
];

async function setTheme(page: Page, theme: "dark" | "light") {
  await page.evaluate((value) => localStorage.setItem("aura-theme", value), theme);
  await page.reload();
  await page.waitForLoadState("networkidle");
}

/** Serious and critical accessibility violations on the page as it is now (WCAG 2 A and AA). */
async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("every page passes an axe scan in both themes, and is saved as a screenshot", async ({
  page,
}, info) => {
  test.setTimeout(240_000);
  const check = async (path: string) => {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("main")).toBeVisible();
    for (const theme of ["dark", "light"] as const) {
      await setTheme(page, theme);
      expect(await seriousViolations(page), `${path} (${theme})`).toEqual([]);
      const name = `${path.replaceAll("/", "_").replace(/^_/, "")}-${theme}.png`;
      await page.screenshot({ path: info.outputPath(name), fullPage: true });
    }
  };
  for (const path of publicPages) await check(path);
  await signedInWithApplications(page);
  for (const path of signedInPages) await check(path);
});

test("settings: the CV's text can be corrected and saved", async ({ page }) => {
  await signedInWithBatch(page);
  await page.goto("/en/settings");
  const text = page.getByRole("textbox", { name: "Your CV's text (you can correct it)" });
  await expect(text).toHaveValue(/Data/);
  const corrected = `${await text.inputValue()}\nCertifications: AWS Certified Data Engineer`;
  await text.fill(corrected);
  await page.getByRole("button", { name: "Save the corrected text" }).click();
  await expect(page.getByRole("button", { name: "Save the corrected text" })).toBeDisabled();
  await page.reload();
  await expect(text).toHaveValue(/AWS Certified Data Engineer/);
});
