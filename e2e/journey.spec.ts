import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
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
  await expect(page.getByText("0/3 rated")).toBeVisible();
  const nextTitles = await cards.getByRole("heading", { level: 2 }).allTextContents();
  expect(nextTitles).toHaveLength(3);
  for (const title of nextTitles) expect(firstTitles).not.toContain(title);

  // Review: the 5-star job, selectable; applications are honestly not built yet.
  await page.getByRole("link", { name: "Review your favourites" }).click();
  await expect(page.getByRole("heading", { name: "Your favourites" })).toBeVisible();
  const favourite = firstTitles[0] ?? "";
  await expect(page.getByRole("heading", { name: favourite })).toBeVisible();
  await page.getByRole("checkbox", { name: favourite }).check();
  await page.getByRole("button", { name: /Prepare applications/ }).click();
  await expect(page.getByText(/not built yet/)).toBeVisible();

  // History shows the locked batch with its ratings.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "History" })
    .click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  for (const title of firstTitles) await expect(page.getByText(title).first()).toBeVisible();
});

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
