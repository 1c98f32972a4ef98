"use client";

import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Link } from "@/i18n/navigation";
import { client, send } from "@/lib/api";
import { ui } from "@/lib/ui";
import { AuthAlert, AuthNotice, mailLanguage, useAuthErrorText } from "./auth-notes";

/**
 * Asks for a link to choose a new password. The answer is the same whether or not the address
 * has an account, and so is what this says.
 */
export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const locale = useLocale();
  const authErrorText = useAuthErrorText();
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      await send(
        client.POST("/api/auth/request-password-reset", {
          body: { email, language: mailLanguage(locale) },
        }),
      );
      setSent(t("resetSent", { email }));
    } catch (cause) {
      setError(authErrorText(cause));
    }
    setBusy(false);
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <p className="text-muted">{t("forgotIntro")}</p>
      <label className="flex flex-col gap-1.5">
        <span className="text-sm font-medium">{t("email")}</span>
        <input name="email" type="email" required autoComplete="email" className={ui.field} />
      </label>
      {error ? <AuthAlert>{error}</AuthAlert> : null}
      {sent ? <AuthNotice>{sent}</AuthNotice> : null}
      <button type="submit" disabled={busy} className={ui.button}>
        {busy ? t("working") : t("sendLink")}
      </button>
      <Link href="/sign-in" className="text-sm">
        {t("backToSignIn")}
      </Link>
    </form>
  );
}
