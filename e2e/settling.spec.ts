import { readFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { hasChromium } from "../playwright.config";
import { message } from "./messages";

test.skip(
  !hasChromium,
  "Chromium is not installed (apt-get install chromium); browser journeys skipped",
);

// What a person hit while the web client was rebuilt: ratings saved and told once they settle,
// the account menu, batches numbered per person, a first load without errors, toasts that
// leave the buttons free on a phone.

const cv = readFileSync(new URL("../eval/personas/developer.md", import.meta.url));
const en = (key: string, values?: Record<string, string>) => message("en", key, values);
/** "1 star", "4 stars" (the catalogue's plural, which `message` does not read). */
const starsName = (stars: number) => `${stars} ${stars === 1 ? "star" : "stars"}`;
const rated = (stars: number) => `Rated ${starsName(stars)}`;

/** Signs a new person up through the API (with a CV unless told, and a batch size), no batch. */
async function newPerson(page: Page, batchSize = 3, withCv = true) {
  await page.goto("/en/sign-in");
  const api = page.request;
  const name = `Sam ${Date.now()}`;
  const up = await api.post("/api/auth/sign-up/email", {
    data: { name, email: `settle-${Date.now()}@example.com`, password: "a long enough password" },
  });
  expect(up.status()).toBe(201);
  expect((await api.put("/api/preferences", { data: { batchSize } })).status()).toBe(200);
  if (!withCv) return name;
  const saved = await api.put("/api/cv", {
    multipart: { file: { name: "developer.md", mimeType: "text/markdown", buffer: cv } },
  });
  expect(saved.status()).toBe(200);
  return name;
}

/** The rating the API stores for a job of the newest batch. */
async function storedRating(page: Page, jobId: number) {
  const body = await (await page.request.get("/api/batches?limit=1")).json();
  const item = body.batches[0].jobs.find((j: { job: { id: number } }) => j.job.id === jobId);
  return item?.rating ?? null;
}

/** The job id of a card (its heading's id is `job-<id>`). */
async function jobIdOf(card: Locator) {
  const id = await card.getByRole("heading", { level: 2 }).getAttribute("id");
  return Number(id?.replace("job-", ""));
}

/** Counts POST /api/ratings made by the page (not by page.request). */
function countRatingSaves(page: Page) {
  const seen = { posts: 0 };
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/ratings") {
      seen.posts++;
    }
  });
  return seen;
}

/** Every toast message shown from now on, in order (a toast gone already still counts). */
async function recordToasts(page: Page) {
  await page.addInitScript(() => {
    const shown: string[] = [];
    Object.assign(window, { shownToasts: shown });
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLElement && node.dataset.toastId) {
            shown.push(node.querySelector("span")?.textContent ?? "");
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { shownToasts: string[] }).shownToasts);
}

/** The star of a card as a person clicks it (the visible star, not the hidden radio). */
function star(card: Locator, stars: number) {
  return card.locator("label", {
    has: card.page().getByRole("radio", { name: starsName(stars) }),
  });
}

test("a first dashboard without a batch loads without errors, and the first batch is batch 1", async ({
  page,
}) => {
  await newPerson(page);
  const problems: string[] = [];
  page.on("console", (entry) => {
    if (entry.type() === "error") problems.push(`console: ${entry.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto("/en/dashboard");
  await expect(page.getByRole("heading", { name: en("dashboard.emptyTitle") })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);

  // Every signed-in page's first load, for a person with no batch: no error either (a 4xx
  // answer is logged by the browser as an error).
  for (const path of [
    "/en/onboarding",
    "/en/history",
    "/en/review",
    "/en/skills",
    "/en/applications",
    "/en/tracker",
    "/en/settings",
    // Not an admin: the page says so, without asking the API for a 403.
    "/en/admin",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  expect(problems).toEqual([]);

  await page.goto("/en/dashboard");
  await page.getByRole("button", { name: en("dashboard.newBatch") }).click();
  await expect(page.getByText(en("dashboard.progress", { rated: "0", total: "3" }))).toBeVisible();
  await expect(page.getByText(en("dashboard.batchNumber", { number: "1" }))).toBeVisible();
  await page.goto("/en/history");
  await expect(
    page.getByRole("heading", { level: 2, name: en("history.batch", { number: "1" }) }),
  ).toBeVisible();
  expect(problems).toEqual([]);
});

test("keyboard rating from 1 to 4 stars is one save and one toast; details and a comment too", async ({
  page,
}) => {
  await newPerson(page);
  const toasts = await recordToasts(page);
  const saves = countRatingSaves(page);
  await page.goto("/en/dashboard");
  await page.getByRole("button", { name: en("dashboard.newBatch") }).click();
  const card = page.getByRole("article").first();
  const jobId = await jobIdOf(card);

  // One star by keyboard (Space chooses at once), then three arrow presses in a row.
  const one = card.getByRole("radio", { name: starsName(1) });
  await one.focus();
  await page.keyboard.press("Space");
  await expect(page.getByText(rated(1))).toBeVisible();
  expect(saves.posts).toBe(1);

  // The focused star shows a ring in the primary colour (the radio itself is hidden).
  const ring = (stars: number) =>
    star(card, stars)
      .locator("span")
      .evaluate((el) => {
        const style = getComputedStyle(el);
        return { width: style.outlineWidth, style: style.outlineStyle, color: style.outlineColor };
      });
  const primaryRing = { width: "2px", style: "solid", color: "rgb(91, 140, 255)" };
  expect(await ring(1)).toEqual(primaryRing);

  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await expect(card.getByRole("radio", { name: starsName(4) })).toBeChecked();
  expect(await ring(4)).toEqual(primaryRing);
  expect((await ring(1)).width).not.toBe("2px");
  await expect(page.getByText(rated(4))).toBeVisible();
  // Time for any stray save or toast to show up.
  await page.waitForTimeout(1500);
  expect(saves.posts).toBe(2);
  expect(await toasts()).toEqual([rated(1), rated(4)]);
  expect((await storedRating(page, jobId))?.stars).toBe(4);

  // A detail slider moved quickly: the last value is the one stored, in one save.
  await card.getByText(en("job.details")).click();
  const fit = card.getByRole("slider").first();
  await fit.focus();
  for (const key of ["ArrowRight", "ArrowRight", "ArrowRight", "ArrowRight", "ArrowLeft"]) {
    await page.keyboard.press(key);
  }
  await expect(fit).toHaveValue("8");
  await expect(page.getByText(en("dashboard.detailsSavedToast"))).toBeVisible();
  await expect.poll(async () => (await storedRating(page, jobId))?.fit).toBe(8);
  expect(saves.posts).toBe(3);

  // A comment says the comment was saved, not "Rated 4 stars" again.
  await card.getByRole("textbox", { name: en("job.comment") }).fill("Good team, long commute");
  await page.keyboard.press("Tab");
  await expect(page.getByText(en("dashboard.commentSavedToast"))).toBeVisible();
  const stored = await storedRating(page, jobId);
  expect(stored).toMatchObject({ stars: 4, fit: 8, comment: "Good team, long commute" });
  await page.waitForTimeout(800);
  expect(saves.posts).toBe(4);
  expect((await toasts()).slice(2)).toEqual([
    en("dashboard.detailsSavedToast"),
    en("dashboard.commentSavedToast"),
  ]);
});

test("the account menu closes on Escape and on a click outside it", async ({ page }) => {
  const name = await newPerson(page);
  await page.goto("/en/dashboard");
  const button = page.getByRole("button", { name: en("shell.userMenu", { name }) });
  const menu = page.getByRole("menu");

  await button.click();
  await expect(menu).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute("aria-expanded", "false");

  await button.click();
  await expect(menu).toBeVisible();
  // A click in the menu keeps it open; one outside closes it.
  await menu.getByText(/@example\.com/).click();
  await expect(menu).toBeVisible();
  await page.getByRole("heading", { level: 1 }).click();
  await expect(menu).toBeHidden();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("“Lock & new batch” and “Review your favourites” are free right after the last rating", async ({
    page,
  }) => {
    await newPerson(page);
    const name = await page.evaluate(async () => {
      const session = await (await fetch("/api/auth/session")).json();
      return session.user.name as string;
    });
    await page.goto("/en/dashboard");
    await page.getByRole("button", { name: en("dashboard.newBatch") }).click();
    const cards = page.getByRole("article");
    await expect(cards).toHaveCount(3);
    const lock = page.getByRole("button", { name: en("dashboard.lock") });
    const review = page.getByRole("link", { name: en("dashboard.review") });

    for (const [i, stars] of [3, 2].entries()) {
      await star(cards.nth(i), stars).tap();
      await expect(
        page.getByText(en("dashboard.progress", { rated: String(i + 1), total: "3" })),
      ).toBeVisible();
    }
    // The buttons sit just above the bottom bar, where a person about to press them sees them.
    await lock.evaluate((el) => {
      window.scrollBy(0, el.getBoundingClientRect().bottom - (window.innerHeight - 80));
    });
    await star(cards.nth(2), 3).tap();
    const toast = page.getByRole("status").getByText(rated(3));
    await expect(toast).toBeVisible();

    // Nothing of the toast lies over the buttons or the bottom bar.
    const box = async (locator: Locator) => {
      const found = await locator.boundingBox();
      if (!found) throw new Error("not on screen");
      return found;
    };
    const toastBox = await box(page.locator("[data-toast-id]").last());
    const navBox = await box(page.getByRole("navigation", { name: en("shell.nav") }));
    for (const other of [await box(lock), await box(review), navBox]) {
      const apart =
        toastBox.x + toastBox.width <= other.x ||
        other.x + other.width <= toastBox.x ||
        toastBox.y + toastBox.height <= other.y ||
        other.y + other.height <= toastBox.y;
      expect(apart, JSON.stringify({ toastBox, other })).toBe(true);
    }
    // The taps land at once (the toast stays for seconds: waiting it out would time out).
    await review.click({ trial: true, timeout: 1_000 });
    await lock.click({ timeout: 1_000 });
    await expect(
      page.getByText(en("dashboard.progress", { rated: "0", total: "3" })),
    ).toBeVisible();
    await expect(page.getByText(en("dashboard.batchNumber", { number: "2" }))).toBeVisible();

    // The account menu (the way to Settings here) closes on a tap outside it.
    const button = page.getByRole("button", { name: en("shell.userMenu", { name }) });
    await button.tap();
    await expect(page.getByRole("menuitem", { name: en("shell.settings") })).toBeVisible();
    await page.getByRole("heading", { level: 1 }).tap();
    await expect(page.getByRole("menu")).toBeHidden();
  });
});

test("marking an application as applied is announced once", async ({ page }) => {
  await newPerson(page, 2);
  const batch = await (await page.request.post("/api/batches")).json();
  const [first] = batch.jobs;
  await page.request.post("/api/ratings", { data: { jobId: first.job.id, stars: 5 } });
  const made = await page.request.post("/api/applications/generate", {
    data: { jobIds: [first.job.id] },
  });
  expect(made.status()).toBe(201);
  const [application] = (await made.json()).applications;
  await page.goto(`/en/applications?id=${application.id}`);
  await page.getByRole("button", { name: en("applications.markApplied") }).click();
  const said = page.getByText(en("applications.markedApplied"));
  await expect(said.first()).toBeVisible();
  await expect(said).toHaveCount(1);
});

test("the CV upload is one control, named once", async ({ page }) => {
  await newPerson(page, 3, false);
  await page.goto("/en/settings");
  // The file input is the one control named "Choose a file" (its label drawn as a button);
  // once a CV is read, the same control says "Replace the file".
  for (const [name, next] of [
    [en("onboarding.cv.choose"), en("onboarding.cv.replace")],
    [en("onboarding.cv.replace"), en("onboarding.cv.replace")],
  ] as const) {
    await expect(page.getByRole("button", { name })).toHaveCount(1);
    await expect(page.getByLabel(name)).toHaveCount(1);
    await page.getByLabel(name).setInputFiles({
      name: "developer.md",
      mimeType: "text/markdown",
      buffer: cv,
    });
    await expect(page.getByText(en("onboarding.cv.parsed"))).toBeVisible();
    await expect(page.getByRole("button", { name: next })).toHaveCount(1);
  }
});
