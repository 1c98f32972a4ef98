"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Link, useRouter } from "@/i18n/navigation";
import { ApiError, client, send } from "@/lib/api";
import { ui } from "@/lib/ui";
import { AuthAlert, useAuthErrorText } from "./auth-notes";

/**
 * Where an e-mailed sign-in link opens: a press of the button spends its token (so a mail
 * scanner that opens every link spends none) and goes on to the dashboard, signed in.
 */
export function SignInLink({ token }: { token: string | null }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const queryClient = useQueryClient();
  const authErrorText = useAuthErrorText();
  const [error, setError] = useState<string | null>(token ? null : t("noToken"));
  /** No token, or one the API refused: only a new link helps. */
  const [spent, setSpent] = useState(!token);
  const [busy, setBusy] = useState(false);

  const signIn = async () => {
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      await send(client.POST("/api/auth/magic-link/verify", { body: { token } }));
      // Nothing loaded for whoever used this tab before is shown to this person.
      queryClient.clear();
      router.replace("/dashboard");
    } catch (cause) {
      setSpent(cause instanceof ApiError && cause.field === "token");
      setError(authErrorText(cause));
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-4">
      {spent ? null : <p className="text-muted">{t("linkIntro")}</p>}
      {error ? <AuthAlert>{error}</AuthAlert> : null}
      {spent ? (
        <Link href="/sign-in" className="text-sm">
          {t("requestNew")}
        </Link>
      ) : (
        <button type="button" onClick={signIn} disabled={busy} className={ui.button}>
          {busy ? t("working") : t("linkButton")}
        </button>
      )}
    </div>
  );
}
