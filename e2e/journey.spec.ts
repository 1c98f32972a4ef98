import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { hasChromium } from "../playwright.config";
import { message } from "./messages";

test.skip(
  !hasChromium,
  "Chromium is not installed (apt-get install chromium); browser journeys skipped",
);

const cv = readFileSync(new URL("../eval/personas/developer.md", import.meta.url));

test("a newcomer goes from the landing page to a rated, locked batch and the next one", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "The job search that learns from you",
  );
  await page.getByRole("link", { name: "Create your account" }).first().click();

  await expect(page).toHaveTitle(/Create your account/);
  await page.getByLabel("Name").fill("Rosa Newcomer");
  await page.getByLabel("E-mail").fill(`rosa-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();

  // Onboarding: one question per screen, 8 steps.
  await expect(page.getByText("Step 1 of 8")).toBeVisible();
  await page.getByLabel("Which roles are you looking for?").fill("Backend Developer");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Remove Backend Developer" })).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByText("Step 2 of 8")).toBeVisible();
  await page.getByRole("button", { name: "Senior" }).click();
  await expect(page.getByRole("button", { name: "Senior" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByRole("button", { name: "Remote" }).click();
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByLabel("Skills to look for").fill("Java");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByText("Step 5 of 8")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByText("Step 6 of 8")).toBeVisible();
  await page.getByLabel("Choose a file").setInputFiles({
    name: "developer.md",
    mimeType: "text/markdown",
    buffer: cv,
  });
  await expect(page.getByText("This is what AURA read.")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByText("Step 7 of 8")).toBeVisible();
  const slider = page.getByRole("slider", { name: "How many jobs per batch?" });
  await slider.focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByText("3 jobs per batch")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByRole("button", { name: "Weekly" }).click();
  await page.getByRole("button", { name: "Finish" }).click();

  // Processing, then the dashboard with a batch of 3.
  await expect(page.getByRole("heading", { name: "Your batch" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("0/3 rated")).toBeVisible();
  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(3);
  // Each card credits its board with a link to the original posting.
  await expect(cards.first().getByRole("link", { name: /Open the posting on/ })).toBeVisible();

  const lock = page.getByRole("button", { name: "Lock & new batch" });
  await expect(lock).toBeDisabled();

  // The first card by keyboard only: Tab from its board link into the stars, Space, arrows.
  await cards
    .first()
    .getByRole("link", { name: /Open the posting on/ })
    .focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(page.getByText("Rated 1 star")).toBeVisible();
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  await expect(cards.first().getByRole("radio", { name: "5 stars" })).toBeChecked();
  await expect(page.getByText("Rated 5 stars")).toBeVisible();
  await expect(page.getByText("1/3 rated")).toBeVisible();

  for (const [i, stars] of [
    [1, 3],
    [2, 1],
  ] as const) {
    await cards
      .nth(i)
      .getByRole("radio", { name: `${stars} star` })
      .check({ force: true });
    await expect(page.getByText(`${i + 1}/3 rated`)).toBeVisible();
    // Saved: the toast comes once the server has the rating.
    await expect(page.getByText(`Rated ${stars} star`)).toBeVisible();
  }

  // Undo takes the last rating back (its own toast's button).
  await page
    .getByRole("status")
    .locator("div", { hasText: "Rated 1 star" })
    .last()
    .getByRole("button", { name: "Undo" })
    .click();
  await expect(page.getByText("2/3 rated")).toBeVisible();
  await page.reload();
  await expect(page.getByText("2/3 rated")).toBeVisible();
  await cards.nth(2).getByRole("radio", { name: "2 stars" }).check({ force: true });
  await expect(page.getByText("3/3 rated")).toBeVisible();

  const firstTitles = await cards.getByRole("heading", { level: 2 }).allTextContents();
  await lock.click();

  // The 5-star job waits for an application: the next batch opens once one is sent.
  const en = (key: string, values?: Record<string, string>) => message("en", key, values);
  await expect(page.getByRole("heading", { name: en("dashboard.gateTitle") })).toBeVisible();
  await page.getByRole("link", { name: en("dashboard.gatePrepare") }).click();
  const favourite = firstTitles[0] ?? "";
  await prepareSendAndTrack(page, en, favourite);

  // History shows the locked batch with its ratings.
  for (const title of firstTitles) await expect(page.getByText(title).first()).toBeVisible();

  // With an application sent, the next batch opens, with jobs not seen before.
  await mainNav(page, en).getByRole("link", { name: "Dashboard" }).click();
  await page.getByRole("button", { name: "Get my batch" }).click();
  await expect(page.getByText("0/3 rated")).toBeVisible();
  const nextTitles = await cards.getByRole("heading", { level: 2 }).allTextContents();
  expect(nextTitles).toHaveLength(3);
  for (const title of nextTitles) expect(firstTitles).not.toContain(title);
});

type Messages = (key: string, values?: Record<string, string>) => string;

/** The signed-in app's own navigation (the sidebar, or the bottom bar on a phone). */
function mainNav(page: Page, m: Messages) {
  return page.getByRole("navigation", { name: m("shell.nav") });
}

/**
 * From Review: prepare the application to `favourite`, download its CV as a PDF, mark it
 * applied, move it to the first interview on the tracker by keyboard (with an undo on the way),
 * and see it counted on the History page. `m` gives the page's messages in its language.
 */
async function prepareSendAndTrack(page: Page, m: Messages, favourite: string) {
  await expect(page.getByRole("heading", { level: 1, name: m("review.title") })).toBeVisible();
  await expect(page.getByRole("heading", { name: favourite })).toBeVisible();
  await page.getByRole("checkbox", { name: favourite }).check();
  await page.getByRole("button", { name: `${m("review.prepare")} (1)` }).click();

  // The application: its CV and letter, written from the CV, ready to check and download.
  await expect(page).toHaveURL(/\/applications\?id=\d+$/);
  await expect(page.getByRole("heading", { level: 2, name: favourite })).toBeVisible();
  const cvName = m("applications.docName.cv");
  await expect(
    page.getByRole("article", { name: m("applications.previewOf", { document: cvName }) }),
  ).toBeVisible();
  await expect(page.getByRole("tab", { name: m("applications.cv") })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(page.getByRole("heading", { name: m("applications.guardTitle") })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page
    .getByRole("link", {
      name: m("applications.downloadAs", { document: cvName, format: "PDF" }),
    })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");

  await page.getByRole("button", { name: m("applications.markApplied") }).click();
  await expect(
    page.getByRole("status").getByText(m("applications.markedApplied")).first(),
  ).toBeVisible();

  // The tracker: the card under Applied moves to Interview 1 by its handle's arrow key.
  await mainNav(page, m)
    .getByRole("link", { name: m("shell.tracker") })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: m("tracker.title") })).toBeVisible();
  const column = (status: string) =>
    page.getByRole("region", { name: m(`status.${status}`), exact: true });
  const handle = page.getByRole("button", {
    name: m("tracker.handle", { title: favourite }),
    exact: true,
  });
  await expect(column("applied").getByRole("heading", { name: favourite })).toBeVisible();
  await handle.focus();
  await page.keyboard.press("ArrowRight");
  await expect(column("interview1").getByRole("heading", { name: favourite })).toBeVisible();
  const moved = m("tracker.moved", { title: favourite, status: m("status.interview1") });
  const toast = page.getByRole("status").locator("div", { hasText: moved }).last();
  await expect(toast).toBeVisible();
  // Undo puts it back; the keyboard moves it again (the handle keeps the focus).
  await toast.getByRole("button", { name: m("common.undo") }).click();
  await expect(column("applied").getByRole("heading", { name: favourite })).toBeVisible();
  await handle.focus();
  await page.keyboard.press("ArrowRight");
  await expect(column("interview1").getByRole("heading", { name: favourite })).toBeVisible();
  await expect(handle).toBeFocused();

  // The same data as a table, and back.
  await page.getByRole("button", { name: m("tracker.table") }).click();
  await expect(
    page.getByRole("combobox", { name: m("tracker.statusLabel", { title: favourite }) }),
  ).toHaveValue("interview1");
  await page.getByRole("button", { name: m("tracker.board") }).click();

  // History counts it: one application, one interview.
  await mainNav(page, m)
    .getByRole("link", { name: m("shell.history") })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: m("history.title") })).toBeVisible();
  const funnel = page.getByRole("region", { name: m("charts.funnel.title") });
  await funnel.getByText(m("charts.showNumbers")).click();
  await expect(
    funnel.getByRole("row", { name: new RegExp(`^${m("charts.funnel.interview")} 1 `) }),
  ).toBeVisible();
}

for (const locale of ["es", "pt"]) {
  test(`the first screens in ${locale}`, async ({ page }) => {
    const m = (key: string, values?: Record<string, string>) => message(locale, key, values);
    await page.goto(`/${locale}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(m("landing.headline"));
    await expect(page).toHaveTitle(m("meta.title"));
    await page.getByRole("link", { name: m("landing.primary") }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/sign-up$`));
    await page.getByLabel(m("auth.name")).fill("Lucía");
    await page.getByLabel(m("auth.email")).fill(`lucia-${locale}-${Date.now()}@example.com`);
    await page.getByLabel(m("auth.password")).fill("una contraseña larga");
    await page.getByRole("button", { name: m("auth.signUp") }).click();
    await expect(page.getByText(m("onboarding.step", { current: "1", total: "8" }))).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(m("onboarding.roles.title"));
    await page.getByRole("button", { name: m("common.next") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(m("onboarding.level.title"));
  });
}

/**
 * Signs a new person up through the API with a CV, and rates a batch of 2 (the first job 5★)
 * and locks it: the next batch now waits for an application, or a "none".
 */
async function likedAndLocked(page: Page, locale: string) {
  await page.goto(`/${locale}/sign-in`);
  const api = page.request;
  const up = await api.post("/api/auth/sign-up/email", {
    data: {
      name: "Lucía",
      email: `lucia-apply-${locale}-${Date.now()}@example.com`,
      password: "una contraseña larga",
    },
  });
  expect(up.status()).toBe(201);
  expect((await api.put("/api/preferences", { data: { batchSize: 2 } })).status()).toBe(200);
  const saved = await api.put("/api/cv", {
    multipart: { file: { name: "developer.md", mimeType: "text/markdown", buffer: cv } },
  });
  expect(saved.status()).toBe(200);
  const batch = await (await api.post("/api/batches")).json();
  const jobs = batch.jobs.map((j: { job: { id: number; title: string } }) => j.job);
  for (const [i, job] of jobs.entries()) {
    await api.post("/api/ratings", { data: { jobId: job.id, stars: i === 0 ? 5 : 2 } });
  }
  const locked = await (await api.post(`/api/batches/${batch.id}/lock?next=true`)).json();
  expect(locked.next).toBeNull();
  // Batches are named by the person's own count (the id counts everyone's): the first is 1.
  expect(batch.number).toBe(1);
  return { batchNumber: batch.number as number, favourite: jobs[0].title as string };
}

test("in Spanish, then Portuguese: an application prepared, sent and tracked; then “none”", async ({
  page,
}) => {
  const es: Messages = (key, values) => message("es", key, values);
  const { batchNumber, favourite } = await likedAndLocked(page, "es");
  await page.goto("/es/dashboard");
  await page.getByRole("button", { name: es("dashboard.newBatch") }).click();
  await expect(page.getByRole("heading", { name: es("dashboard.gateTitle") })).toBeVisible();
  await expect(
    page.getByText(es("dashboard.gateText", { number: String(batchNumber) })),
  ).toBeVisible();
  await page.getByRole("link", { name: es("dashboard.gatePrepare") }).click();
  await prepareSendAndTrack(page, es, favourite);

  // With one sent, the next batch opens; liking a job of it and locking it closes the gate
  // again, and this time the person (now in Portuguese) applies to none of them.
  const next = await (await page.request.post("/api/batches")).json();
  expect(next.jobs).toHaveLength(2);
  for (const { job } of next.jobs) {
    await page.request.post("/api/ratings", { data: { jobId: job.id, stars: 4 } });
  }
  await page.request.post(`/api/batches/${next.id}/lock`);
  const pt: Messages = (key, values) => message("pt", key, values);
  await page.goto("/pt/dashboard");
  await page.getByRole("button", { name: pt("dashboard.newBatch") }).click();
  await expect(page.getByRole("heading", { name: pt("dashboard.gateTitle") })).toBeVisible();
  await page.getByRole("button", { name: pt("dashboard.gateDecline") }).click();
  await expect(page.getByText(pt("dashboard.progress", { rated: "0", total: "2" }))).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(2);
});

test("the language and theme switch, and stay switched", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.getByRole("combobox", { name: "Language" }).selectOption("es");
  await expect(page).toHaveURL(/\/es\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iniciar sesión");
  await page.goto("/");
  await expect(page).toHaveURL(/\/es$/);
  // An unknown page says so, in the chosen language.
  const missing = await page.goto("/es/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(message("es", "notFound.title"));
  await page.goto("/");

  await expect(page.locator("html")).not.toHaveClass(/light/);
  await page.getByRole("button", { name: /Claro/i }).click();
  await expect(page.locator("html")).toHaveClass(/light/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/light/);
});

test.describe("notifications in settings", () => {
  // A browser away from UTC: its time zone replaces the default once, and is saved.
  test.use({ timezoneId: "Europe/Lisbon" });

  test("e-mail, the e-mails' language, the time zone from the browser, a refused webhook", async ({
    page,
  }) => {
    const en: Messages = (key, values) => message("en", key, values);
    await page.goto("/en/sign-in");
    const up = await page.request.post("/api/auth/sign-up/email", {
      data: { name: "Nora", email: `nora-${Date.now()}@example.com`, password: "long password 1" },
    });
    expect(up.status()).toBe(201);
    await page.goto("/en/settings");
    const section = page.getByRole("region", { name: en("notifications.title") });
    const label = (key: string) => section.getByLabel(en(key), { exact: true });
    await expect(label("notifications.email")).toBeChecked();
    await expect(label("notifications.timeZone")).toHaveValue("Europe/Lisbon");
    await expect
      .poll(async () => (await (await page.request.get("/api/notifications")).json()).timeZone)
      .toBe("Europe/Lisbon");

    await label("notifications.language").selectOption("pt");
    await label("notifications.email").uncheck();
    await expect(section.getByText(en("notifications.unsaved"))).toBeVisible();
    const save = section.getByRole("button", { name: en("notifications.save") });
    await save.click();
    await expect(section.getByText(en("notifications.saved"))).toBeVisible();
    await expect(save).toBeDisabled();

    // A webhook on this machine's own addresses is refused by the server, saying why.
    await label("notifications.webhook").fill("http://127.0.0.1:9/hook");
    await save.click();
    await expect(section.getByRole("alert")).toContainText("private or local address");

    await page.reload();
    await expect(label("notifications.language")).toHaveValue("pt");
    await expect(label("notifications.email")).not.toBeChecked();
    await expect(label("notifications.webhook")).toHaveValue("");
  });
});
