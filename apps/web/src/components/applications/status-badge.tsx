"use client";

import { useTranslations } from "next-intl";
import type { ApplicationStatus } from "@/lib/api";

/** Every stage an application can be in, in the order of a journey. */
export const APPLICATION_STATUSES = [
  "draft",
  "applied",
  "interview1",
  "interview2",
  "offer",
  "rejected",
  "no_response",
  "accepted",
] as const satisfies readonly ApplicationStatus[];

const TONE: Record<ApplicationStatus, string> = {
  draft: "border-border text-muted",
  applied: "border-link text-link",
  interview1: "border-link text-link",
  interview2: "border-link text-link",
  offer: "border-success text-text",
  accepted: "border-success text-text",
  rejected: "border-border text-muted",
  no_response: "border-border text-muted",
};

/** Where an application stands, as a small pill. */
export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const t = useTranslations("status");
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full border px-2.5 py-0.5 text-xs font-semibold ${TONE[status]}`}
    >
      {t(status)}
    </span>
  );
}

/** The "Follow up" badge of an application waiting too long on the employer. */
export function FollowUpBadge() {
  const t = useTranslations("tracker");
  return (
    <span className="inline-flex shrink-0 items-center rounded-full bg-warn px-2.5 py-0.5 text-xs font-semibold text-on-primary">
      {t("followUp")}
    </span>
  );
}
