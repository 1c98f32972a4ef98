"use client";

import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { PageHeading } from "@/components/page-heading";
import { LoadError, LoadingBlock } from "@/components/states";
import type { Batch } from "@/lib/api";
import { ui } from "@/lib/ui";
import { useBatches } from "./use-batches";

// The charts (recharts) draw in the browser only, and load after the page.
const SearchProgress = dynamic(
  () => import("@/components/charts/search-charts").then((m) => m.SearchProgress),
  { ssr: false, loading: () => <LoadingBlock /> },
);

function stats(batch: Batch) {
  const stars = batch.jobs.flatMap((j) => (j.rating ? [j.rating.stars] : []));
  const average = stars.length ? stars.reduce((a, b) => a + b, 0) / stars.length : null;
  const high = stars.length ? stars.filter((s) => s >= 4).length / stars.length : null;
  return { average, high };
}

/** How the search is going (charts), then past batches with their ratings and a stars filter. */
export function History() {
  const t = useTranslations("history");
  const locale = useLocale();
  const { batches, error } = useBatches();
  const [minStars, setMinStars] = useState(0);
  if (error) return <LoadError message={error} />;
  if (!batches) return <LoadingBlock />;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={t("title")} lead={t("lead")} />
      {batches.length === 0 ? (
        <p className={ui.card}>{t("empty")}</p>
      ) : (
        <>
          <SearchProgress />
          <label className="flex items-center gap-3 text-sm">
            {t("minStars")}
            <select
              value={minStars}
              onChange={(event) => setMinStars(Number(event.target.value))}
              className="rounded-md border border-border bg-surface px-2 py-1.5"
            >
              <option value={0}>{t("any")}</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {"★".repeat(n)}
                </option>
              ))}
            </select>
          </label>
          <ol className="flex flex-col gap-4">
            {batches.map((batch) => {
              const s = stats(batch);
              const jobs = batch.jobs.filter((j) => (j.rating?.stars ?? 0) >= minStars);
              return (
                <li key={batch.id} className={ui.card}>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h2 className="font-semibold">
                      {t("batch", { number: batch.number })} ·{" "}
                      <span className="text-muted">
                        {batch.status === "open"
                          ? t("open")
                          : t("locked", {
                              date: date.format(new Date(batch.lockedAt ?? batch.createdAt)),
                            })}
                      </span>
                    </h2>
                    <dl className="flex gap-4 text-sm">
                      <div className="flex gap-1">
                        <dt className="text-muted">{t("average")}</dt>
                        <dd>{s.average?.toFixed(1) ?? "–"}</dd>
                      </div>
                      <div className="flex gap-1">
                        <dt className="text-muted">{t("shareHigh")}</dt>
                        <dd>{s.high === null ? "–" : `${Math.round(s.high * 100)}%`}</dd>
                      </div>
                    </dl>
                  </div>
                  <ul className="mt-3 flex flex-col gap-1 text-sm">
                    {jobs.map((j) => (
                      <li key={j.job.id} className="flex justify-between gap-3">
                        <span className="truncate">
                          {j.job.title} — <span className="text-muted">{j.job.company}</span>
                        </span>
                        {j.rating ? (
                          <span className="text-warn">
                            <span aria-hidden="true">{"★".repeat(j.rating.stars)}</span>
                            <span className="sr-only">{j.rating.stars}/5</span>
                          </span>
                        ) : (
                          <span className="text-muted">{t("notRated")}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
