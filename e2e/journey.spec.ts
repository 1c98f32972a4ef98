import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { hasChromium } from "../playwright.config";

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
  for (const [i, stars] of [5, 3, 1].entries()) {
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
    .getByRole("button", { name: "Undo" })
    .click();
  await expect(page.getByText("2/3 rated")).toBeVisible();
  await page.reload();
  await expect(page.getByText("2/3 rated")).toBeVisible();
  await cards.nth(2).getByRole("radio", { name: "2 stars" }).check({ force: true });
  await expect(page.getByText("3/3 rated")).toBeVisible();

  const firstTitles = await cards.getByRole("heading", { level: 2 }).allTextContents();
  await lock.click();
  await expect(page.getByText("0/3 rated")).toBeVisible();
  const nextTitles = await cards.getByRole("heading", { level: 2 }).allTextContents();
  expect(nextTitles).toHaveLength(3);

  // History shows the locked batch with its ratings.
  await page
    .getByRole("navigation", { name: "Main" })
    .first()
    .getByRole("link", { name: "History" })
    .click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  for (const title of firstTitles) await expect(page.getByText(title).first()).toBeVisible();
  expect(nextTitles.length).toBe(3);
});

test("the language and theme switch, and stay switched", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.getByRole("combobox", { name: "Language" }).selectOption("es");
  await expect(page).toHaveURL(/\/es\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iniciar sesión");
  await page.goto("/");
  await expect(page).toHaveURL(/\/es$/);

  await expect(page.locator("html")).not.toHaveClass(/light/);
  await page.getByRole("button", { name: /Claro/i }).click();
  await expect(page.locator("html")).toHaveClass(/light/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/light/);
});
