"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useId, useMemo, useState } from "react";
import { LanguageSwitcher } from "@/components/language-switcher";
import { CvStep } from "@/components/onboarding/cv-step";
import { PreferenceStep, STEPS, useStepTitle } from "@/components/onboarding/preference-steps";
import { LoadError, LoadingBlock } from "@/components/states";
import { ThemeToggle } from "@/components/theme-toggle";
import { localeNames, routing } from "@/i18n/routing";
import { ApiError } from "@/lib/api";
import { timeZones } from "@/lib/format";
import {
  browserTimeZone,
  type NotificationSettings,
  type NotificationSettingsInput,
  notificationsQuery,
  useGuessNotificationDefaults,
  useTestWebhook,
} from "@/lib/queries";
import { ui } from "@/lib/ui";
import { useErrorText } from "@/lib/use-error-text";
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
      <NotificationsSection />
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

type Draft = {
  email: boolean;
  language: NotificationSettings["language"];
  timeZone: string;
  webhookUrl: string;
};

const draftOf = (settings: NotificationSettings): Draft => ({
  email: settings.email,
  language: settings.language,
  timeZone: settings.timeZone,
  webhookUrl: settings.webhookUrl ?? "",
});

/**
 * How AURA tells the person a batch is ready: e-mail on or off (and whether it can reach them),
 * the e-mails' language, the time zone times are shown in, and a webhook with its signing secret
 * and a test. Edited as a form, stored by its Save button (one request, the changed keys only).
 */
function NotificationsSection() {
  const t = useTranslations("notifications");
  const tc = useTranslations("common");
  const locale = useLocale();
  const errorText = useErrorText();
  const { data: saved, error, refetch } = useQuery(notificationsQuery);
  // Once per browser, a default UTC becomes the browser's zone (and English the page's language).
  const save = useGuessNotificationDefaults(locale);
  const test = useTestWebhook();
  /** The person's edits; null: the form shows what is saved. */
  const [edits, setEdits] = useState<Partial<Draft> | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const [showSecret, setShowSecret] = useState(false);
  const ids = useId();
  const zones = useMemo(() => timeZones(saved?.timeZone, browserTimeZone()), [saved?.timeZone]);

  if (error && !saved) {
    return (
      <section aria-labelledby={`${ids}-title`} className={`${ui.card} flex flex-col gap-3`}>
        <h2 id={`${ids}-title`} className="text-xl font-semibold">
          {t("title")}
        </h2>
        <LoadError message={errorText(error)} />
        <button type="button" onClick={() => refetch()} className={`${ui.buttonQuiet} self-start`}>
          {tc("retry")}
        </button>
      </section>
    );
  }
  if (!saved) {
    return (
      <section aria-labelledby={`${ids}-title`} className={ui.card}>
        <h2 id={`${ids}-title`} className="mb-4 text-xl font-semibold">
          {t("title")}
        </h2>
        <LoadingBlock />
      </section>
    );
  }

  const draft: Draft = { ...draftOf(saved), ...edits };
  const change: NotificationSettingsInput = {};
  if (draft.email !== saved.email) change.email = draft.email;
  if (draft.language !== saved.language) change.language = draft.language;
  if (draft.timeZone !== saved.timeZone) change.timeZone = draft.timeZone;
  const url = draft.webhookUrl.trim();
  if (url !== (saved.webhookUrl ?? "")) change.webhookUrl = url === "" ? null : url;
  const dirty = Object.keys(change).length > 0;
  const browserZone = browserTimeZone();

  const edit = (patch: Partial<Draft>) => {
    setEdits((current) => ({ ...current, ...patch }));
    setJustSaved(false);
    save.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dirty || save.isPending) return;
    save.mutate(change, {
      onSuccess: () => {
        setEdits(null);
        setJustSaved(true);
        // The secret and the last test belong to the URL they were made for.
        if ("webhookUrl" in change) test.reset();
      },
    });
  };
  const failedField = save.error instanceof ApiError ? save.error.field : undefined;

  return (
    <section aria-labelledby={`${ids}-title`} className={`${ui.card} flex flex-col gap-5`}>
      <div>
        <h2 id={`${ids}-title`} className="text-xl font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-muted">{t("intro")}</p>
      </div>
      <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
        <div className="flex flex-col gap-1">
          <label className="flex items-center gap-3 font-medium">
            <input
              type="checkbox"
              checked={draft.email}
              onChange={(event) => edit({ email: event.target.checked })}
              aria-describedby={`${ids}-email-hint`}
              className="h-5 w-5 accent-primary"
            />
            {t("email")}
          </label>
          <p id={`${ids}-email-hint`} className="text-sm text-muted">
            {saved.emailAddress === null
              ? t("noAddress")
              : saved.mailConfigured === false
                ? t("mailOff")
                : t("emailTo", { address: saved.emailAddress })}
          </p>
        </div>

        <div className="grid gap-4 sm:grid-cols-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${ids}-language`} className="font-medium">
              {t("language")}
            </label>
            <select
              id={`${ids}-language`}
              value={draft.language}
              onChange={(event) =>
                edit({ language: event.target.value as NotificationSettings["language"] })
              }
              className={ui.field}
            >
              {routing.locales.map((l) => (
                <option key={l} value={l} lang={l}>
                  {localeNames[l]}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${ids}-zone`} className="font-medium">
              {t("timeZone")}
            </label>
            <select
              id={`${ids}-zone`}
              value={draft.timeZone}
              onChange={(event) => edit({ timeZone: event.target.value })}
              aria-describedby={`${ids}-zone-hint`}
              aria-invalid={failedField === "timeZone" || undefined}
              className={ui.field}
            >
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll("_", " ")}
                </option>
              ))}
            </select>
            <p id={`${ids}-zone-hint`} className="text-sm text-muted">
              {t("timeZoneHint")}
            </p>
            {browserZone && browserZone !== draft.timeZone ? (
              <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                {t("browserZone", { zone: browserZone.replaceAll("_", " ") })}
                <button
                  type="button"
                  onClick={() => edit({ timeZone: browserZone })}
                  className="font-medium text-link underline"
                >
                  {t("useBrowserZone")}
                </button>
              </p>
            ) : null}
          </div>
        </div>

        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-hook`} className="font-medium">
            {t("webhook")}
          </label>
          <input
            id={`${ids}-hook`}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://example.org/aura-hook"
            value={draft.webhookUrl}
            onChange={(event) => edit({ webhookUrl: event.target.value })}
            aria-describedby={`${ids}-hook-hint`}
            aria-invalid={failedField === "webhookUrl" || failedField === "url" || undefined}
            className={ui.field}
          />
          <p id={`${ids}-hook-hint`} className="text-sm text-muted">
            {t("webhookHint")}
          </p>
        </div>

        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" disabled={!dirty || save.isPending} className={ui.button}>
            {save.isPending ? t("saving") : t("save")}
          </button>
          <p role="status" aria-live="polite" className="text-sm text-muted">
            {save.isPending ? "" : dirty ? t("unsaved") : justSaved ? t("saved") : ""}
          </p>
        </div>
        {save.error ? (
          <p role="alert" className="text-danger">
            {failedField ? errorText(save.error) : tc("error", { message: errorText(save.error) })}
          </p>
        ) : null}
      </form>

      {saved.webhookUrl && saved.webhookSecret ? (
        <div className="flex flex-col gap-3 border-t border-border pt-4">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${ids}-secret`} className="font-medium">
              {t("secret")}
            </label>
            <div className="flex flex-wrap items-center gap-2">
              <input
                id={`${ids}-secret`}
                type="text"
                readOnly
                spellCheck={false}
                value={showSecret ? saved.webhookSecret : `whsec_${"•".repeat(24)}`}
                onFocus={(event) => event.target.select()}
                className={`${ui.field} max-w-md font-mono text-sm`}
              />
              <button
                type="button"
                onClick={() => setShowSecret((shown) => !shown)}
                aria-pressed={showSecret}
                className="text-sm font-medium text-link underline"
              >
                {showSecret ? t("hide") : t("show")}
              </button>
            </div>
            <p className="text-sm text-muted">{t("signature")}</p>
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <button
              type="button"
              onClick={() => test.mutate()}
              disabled={test.isPending || "webhookUrl" in change}
              aria-describedby={"webhookUrl" in change ? `${ids}-test-first` : undefined}
              className={ui.buttonQuiet}
            >
              {test.isPending ? t("sending") : t("sendTest")}
            </button>
            {"webhookUrl" in change ? (
              <p id={`${ids}-test-first`} className="text-sm text-muted">
                {t("testSaveFirst")}
              </p>
            ) : null}
          </div>
          <div aria-live="polite">
            {test.data ? (
              test.data.delivered ? (
                <p role="status">
                  <span aria-hidden="true" className="text-success">
                    ✓{" "}
                  </span>
                  {t("testDelivered", { status: test.data.status ?? 0 })}
                </p>
              ) : (
                <p role="alert" className="text-danger">
                  {t("testFailed", {
                    reason: (test.data.reason ?? "").replace(/\.$/, ""),
                  })}
                </p>
              )
            ) : test.error ? (
              <p role="alert" className="text-danger">
                {tc("error", { message: errorText(test.error) })}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
