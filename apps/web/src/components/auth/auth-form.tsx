"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Link, useRouter } from "@/i18n/navigation";
import { ApiError, client, send } from "@/lib/api";
import { ui } from "@/lib/ui";

/** Sign in or sign up with e-mail and password (the API's accounts). */
export function AuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
  const t = useTranslations("auth");
  const tc = useTranslations("common");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
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
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate={false}>
      {mode === "sign-up" ? (
        <label className="flex flex-col gap-1.5">
          <span className="text-sm font-medium">{t("name")}</span>
          <input name="name" required autoComplete="name" maxLength={120} className={ui.field} />
        </label>
      ) : null}
      <label className="flex flex-col gap-1.5">
        <span className="text-sm font-medium">{t("email")}</span>
        <input name="email" type="email" required autoComplete="email" className={ui.field} />
      </label>
      <label className="flex flex-col gap-1.5">
        <span className="text-sm font-medium">{t("password")}</span>
        <input
          name="password"
          type="password"
          required
          minLength={8}
          maxLength={128}
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          aria-describedby={mode === "sign-up" ? "password-hint" : undefined}
          className={ui.field}
        />
        {mode === "sign-up" ? (
          <span id="password-hint" className="text-sm text-muted">
            {t("passwordHint")}
          </span>
        ) : null}
      </label>
      {error ? (
        <p
          role="alert"
          className="rounded-lg border border-danger/60 px-3 py-2 text-sm text-danger"
        >
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className={ui.button}>
        {busy ? t("working") : mode === "sign-up" ? t("signUp") : t("signIn")}
      </button>
      <Link href={mode === "sign-up" ? "/sign-in" : "/sign-up"} className="text-sm">
        {mode === "sign-up" ? t("toSignIn") : t("toSignUp")}
      </Link>
    </form>
  );
}
