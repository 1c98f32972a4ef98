"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SiteHeader } from "@/components/site-header";
import { LoadError } from "@/components/states";
import { useRouter } from "@/i18n/navigation";
import { ui } from "@/lib/ui";
import { usePreferences } from "@/lib/use-preferences";
import { PreferenceStep, STEPS, useStepTitle } from "./preference-steps";

/** One question per screen, each answer saved as it is given; back, next and where you are. */
export function OnboardingWizard() {
  const t = useTranslations("onboarding");
  const tc = useTranslations("common");
  const router = useRouter();
  const title = useStepTitle();
  const { prefs, save, loadError } = usePreferences();
  const [index, setIndex] = useState(0);
  const step = STEPS[index] ?? "roles";
  const last = index === STEPS.length - 1;

  return (
    <>
      <SiteHeader width="max-w-3xl" />
      <main id="main" className="mx-auto flex w-full max-w-3xl flex-col gap-8 px-6 pb-16">
        <div className="flex flex-col gap-3">
          <p className="text-sm text-muted">
            {t("step", { current: index + 1, total: STEPS.length })}
          </p>
          <ol className="flex gap-1.5" aria-hidden="true">
            {STEPS.map((s, i) => (
              <li
                key={s}
                className={`h-1.5 flex-1 rounded-full ${i <= index ? "bg-primary" : "bg-surface-2"}`}
              />
            ))}
          </ol>
          <h1 className="text-3xl font-bold">{title(step)}</h1>
        </div>
        {loadError ? (
          <LoadError message={loadError} />
        ) : prefs ? (
          <section className={ui.card}>
            <PreferenceStep step={step} prefs={prefs} save={save} />
          </section>
        ) : (
          <div className="h-48 animate-pulse rounded-xl bg-surface" aria-busy="true" />
        )}
        <nav className="flex justify-between gap-3">
          <button
            type="button"
            onClick={() => setIndex((i) => Math.max(0, i - 1))}
            disabled={index === 0}
            className={ui.buttonQuiet}
          >
            {tc("back")}
          </button>
          <button
            type="button"
            onClick={() => (last ? router.push("/processing") : setIndex((i) => i + 1))}
            className={ui.button}
          >
            {last ? tc("finish") : tc("next")}
          </button>
        </nav>
      </main>
    </>
  );
}
