"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { routing } from "@/i18n/routing";
import { ApiError } from "@/lib/api";
import { useErrorText } from "@/lib/use-error-text";

/** The page's language, as the API's e-mail languages name it. */
export function mailLanguage(locale: string) {
  return routing.locales.find((known) => known === locale) ?? routing.defaultLocale;
}

/**
 * A failed sign-in link or password reset in words a person can act on: the server has no mail
 * (409 naming SMTP_URL), too many tries (429), a spent or expired link (400 naming the token).
 */
export function useAuthErrorText() {
  const t = useTranslations("auth");
  const errorText = useErrorText();
  return useCallback(
    (cause: unknown) => {
      if (cause instanceof ApiError) {
        if (cause.status === 409 && cause.field === "SMTP_URL") return t("noMail");
        if (cause.status === 429) return t("tooMany");
        if (cause.status === 400 && cause.field === "token") return t("badLink");
      }
      return errorText(cause);
    },
    [t, errorText],
  );
}

/** What went wrong, announced at once. */
export function AuthAlert({ children }: { children: string }) {
  return (
    <p role="alert" className="rounded-lg border border-danger/60 px-3 py-2 text-sm text-danger">
      {children}
    </p>
  );
}

/** What happened (a link sent, a password set), announced politely. */
export function AuthNotice({ children }: { children: string }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className="rounded-lg border border-success/60 px-3 py-2 text-sm"
    >
      {children}
    </p>
  );
}
