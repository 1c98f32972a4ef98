"use client";

import { useTranslations } from "next-intl";
import type { Job } from "@/lib/api";

/**
 * The board a job came from, credited and linked ("via Remotive ↗"), as its terms ask
 * wherever a job is shown. Nothing when the job has no board link.
 */
export function BoardLink({ job }: { job: Pick<Job, "sources"> }) {
  const t = useTranslations("job");
  const source = job.sources[0];
  if (!source) return null;
  return (
    <a
      href={source.url}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={t("open", { board: source.label })}
    >
      {t("via", { board: source.label })} ↗
    </a>
  );
}
