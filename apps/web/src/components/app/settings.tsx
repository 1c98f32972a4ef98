"use client";

import { useTranslations } from "next-intl";
import { LanguageSwitcher } from "@/components/language-switcher";
import { CvStep } from "@/components/onboarding/cv-step";
import { PreferenceStep, STEPS, useStepTitle } from "@/components/onboarding/preference-steps";
import { LoadError } from "@/components/states";
import { ThemeToggle } from "@/components/theme-toggle";
import { ui } from "@/lib/ui";
import { usePreferences } from "@/lib/use-preferences";
import { useUser } from "./app-shell";

/** Every onboarding answer, editable (saved as changed), the CV, appearance and account. */
export function Settings() {
  const t = useTranslations("settings");
  const user = useUser();
  const title = useStepTitle();
  const { prefs, save, loadError } = usePreferences();
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section aria-labelledby="prefs" className="flex flex-col gap-4">
        <h2 id="prefs" className="text-xl font-semibold">
          {t("preferences")}
        </h2>
        {loadError ? (
          <LoadError message={loadError} />
        ) : prefs ? (
          STEPS.filter((step) => step !== "cv").map((step) => (
            <section key={step} className={ui.card} aria-label={title(step)}>
              <h3 className="mb-4 font-semibold">{title(step)}</h3>
              <PreferenceStep step={step} prefs={prefs} save={save} />
            </section>
          ))
        ) : (
          <div className="h-40 animate-pulse rounded-xl bg-surface" aria-busy="true" />
        )}
      </section>
      <section aria-labelledby="cv" className={ui.card}>
        <h2 id="cv" className="mb-4 text-xl font-semibold">
          {t("cv")}
        </h2>
        <CvStep editable />
      </section>
      <section aria-labelledby="appearance" className={ui.card}>
        <h2 id="appearance" className="mb-4 text-xl font-semibold">
          {t("appearance")}
        </h2>
        <div className="flex items-center gap-4">
          <ThemeToggle />
          <LanguageSwitcher />
        </div>
      </section>
      <section aria-labelledby="account" className={ui.card}>
        <h2 id="account" className="mb-2 text-xl font-semibold">
          {t("account")}
        </h2>
        <p className="text-muted">{t("signedInAs", { email: user.email ?? user.name })}</p>
      </section>
    </div>
  );
}
