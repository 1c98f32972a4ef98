"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { Link, useRouter } from "@/i18n/navigation";
import { ApiError, client, send } from "@/lib/api";
import { ui } from "@/lib/ui";
import { AuthAlert, AuthNotice, mailLanguage, useAuthErrorText } from "./auth-notes";
import { PasswordField } from "./password-field";

/**
 * Sign in or sign up with e-mail and password (the API's accounts). Signing in also offers a
 * link by e-mail instead of the password, and a way to a new password.
 */
export function AuthForm({
  mode,
  notice = null,
}: {
  mode: "sign-in" | "sign-up";
  /** Said above the form, e.g. that a new password is set. */
  notice?: string | null;
}) {
  const t = useTranslations("auth");
  const tc = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const queryClient = useQueryClient();
  const authErrorText = useAuthErrorText();
  const emailField = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState<"password" | "link" | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy("password");
    setError(null);
    setSent(null);
    try {
      if (mode === "sign-up") {
        await send(
          client.POST("/api/auth/sign-up/email", {
            body: {
              name: String(form.get("name") ?? ""),
              email: String(form.get("email") ?? ""),
              password: String(form.get("password") ?? ""),
            },
          }),
        );
      } else {
        await send(
          client.POST("/api/auth/sign-in/email", {
            body: {
              email: String(form.get("email") ?? ""),
              password: String(form.get("password") ?? ""),
            },
          }),
        );
      }
      // Nothing loaded for whoever used this tab before is shown to this person.
      queryClient.clear();
      router.push(mode === "sign-up" ? "/onboarding" : "/dashboard");
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 401) setError(t("wrong"));
      else if (cause instanceof ApiError && cause.status === 409) setError(t("taken"));
      else if (cause instanceof ApiError && cause.code === "offline") setError(tc("offline"));
      else setError(cause instanceof Error ? cause.message : String(cause));
      setBusy(null);
    }
  };

  /** A sign-in link to the address in the e-mail field; the password is not needed. */
  const emailLink = async () => {
    const field = emailField.current;
    setError(null);
    setSent(null);
    if (!field?.value.trim()) {
      setError(t("emailNeeded"));
      field?.focus();
      return;
    }
    if (!field.reportValidity()) return;
    const email = field.value.trim();
    setBusy("link");
    try {
      await send(
        client.POST("/api/auth/sign-in/magic-link", {
          body: { email, language: mailLanguage(locale) },
        }),
      );
      setSent(t("linkSent", { email }));
    } catch (cause) {
      setError(authErrorText(cause));
    }
    setBusy(null);
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate={false}>
      {notice ? <AuthNotice>{notice}</AuthNotice> : null}
      {mode === "sign-up" ? (
        <label className="flex flex-col gap-1.5">
          <span className="text-sm font-medium">{t("name")}</span>
          <input name="name" required autoComplete="name" maxLength={120} className={ui.field} />
        </label>
      ) : null}
      <label className="flex flex-col gap-1.5">
        <span className="text-sm font-medium">{t("email")}</span>
        <input
          ref={emailField}
          name="email"
          type="email"
          required
          autoComplete="email"
          className={ui.field}
        />
      </label>
      <PasswordField label={t("password")} purpose={mode === "sign-up" ? "new" : "current"} />
      {mode === "sign-in" ? (
        <Link href="/forgot-password" className="-mt-2 self-start text-sm">
          {t("forgot")}
        </Link>
      ) : null}
      {error ? <AuthAlert>{error}</AuthAlert> : null}
      {sent ? <AuthNotice>{sent}</AuthNotice> : null}
      <button type="submit" disabled={busy !== null} className={ui.button}>
        {busy === "password" ? t("working") : mode === "sign-up" ? t("signUp") : t("signIn")}
      </button>
      {mode === "sign-in" ? (
        <>
          <div className="flex items-center gap-3 text-sm text-muted" aria-hidden="true">
            <span className="h-px flex-1 bg-border" />
            {t("or")}
            <span className="h-px flex-1 bg-border" />
          </div>
          <button
            type="button"
            onClick={emailLink}
            disabled={busy !== null}
            className={ui.buttonQuiet}
          >
            {busy === "link" ? t("working") : t("emailLink")}
          </button>
        </>
      ) : null}
      <Link href={mode === "sign-up" ? "/sign-in" : "/sign-up"} className="text-sm">
        {mode === "sign-up" ? t("toSignIn") : t("toSignUp")}
      </Link>
    </form>
  );
}
