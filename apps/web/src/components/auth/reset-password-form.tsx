"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Link, useRouter } from "@/i18n/navigation";
import { ApiError, client, send } from "@/lib/api";
import { ui } from "@/lib/ui";
import { AuthAlert, useAuthErrorText } from "./auth-notes";
import { PasswordField } from "./password-field";

/** A new password with the token of an e-mailed link; then on to sign in with it. */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const authErrorText = useAuthErrorText();
  const [error, setError] = useState<string | null>(null);
  const [spent, setSpent] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!token) {
    return (
      <div className="flex flex-col gap-4">
        <AuthAlert>{t("noToken")}</AuthAlert>
        <Link href="/forgot-password" className="text-sm">
          {t("requestNew")}
        </Link>
      </div>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const newPassword = String(new FormData(event.currentTarget).get("password") ?? "");
    setBusy(true);
    setError(null);
    try {
      await send(client.POST("/api/auth/reset-password", { body: { token, newPassword } }));
      router.replace({ pathname: "/sign-in", query: { reset: "done" } });
    } catch (cause) {
      setSpent(cause instanceof ApiError && cause.field === "token");
      setError(authErrorText(cause));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <PasswordField label={t("newPassword")} purpose="new" />
      {error ? <AuthAlert>{error}</AuthAlert> : null}
      <button type="submit" disabled={busy || spent} className={ui.button}>
        {busy ? t("working") : t("savePassword")}
      </button>
      <Link href={spent ? "/forgot-password" : "/sign-in"} className="text-sm">
        {spent ? t("requestNew") : t("backToSignIn")}
      </Link>
    </form>
  );
}
