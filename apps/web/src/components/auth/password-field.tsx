"use client";

import { useTranslations } from "next-intl";
import { ui } from "@/lib/ui";

/**
 * The account forms' password field, within the API's bounds (8 to 128 characters). A new
 * password (signing up, choosing one from a reset link) is offered to the password manager as
 * new and says the rule under the field; the current one (signing in) does neither.
 */
export function PasswordField({ label, purpose }: { label: string; purpose: "new" | "current" }) {
  const t = useTranslations("auth");
  const isNew = purpose === "new";
  return (
    <label className="flex flex-col gap-1.5">
      <span className="text-sm font-medium">{label}</span>
      <input
        name="password"
        type="password"
        required
        minLength={8}
        maxLength={128}
        autoComplete={isNew ? "new-password" : "current-password"}
        aria-describedby={isNew ? "password-hint" : undefined}
        className={ui.field}
      />
      {isNew ? (
        <span id="password-hint" className="text-sm text-muted">
          {t("passwordHint")}
        </span>
      ) : null}
    </label>
  );
}
