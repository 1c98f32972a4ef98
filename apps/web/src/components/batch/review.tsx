"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { PageHeading } from "@/components/page-heading";
import { LoadError, LoadingBlock } from "@/components/states";
import { ui } from "@/lib/ui";
import { JobCard } from "./job-card";
import { useBatches } from "./use-batches";

/** Jobs rated 4★ or more, to pick for applications (which a later version prepares). */
export function Review() {
  const t = useTranslations("review");
  const tc = useTranslations("common");
  const { batches, error } = useBatches();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [asked, setAsked] = useState(false);
  if (error) return <LoadError message={error} />;
  if (!batches) return <LoadingBlock />;
  const liked = batches
    .flatMap((b) => b.jobs)
    .filter((j) => (j.rating?.stars ?? 0) >= 4)
    .filter((j, i, all) => all.findIndex((o) => o.job.id === j.job.id) === i);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={t("title")} lead={t("lead")} />
      {liked.length === 0 ? (
        <p className={ui.card}>{t("empty")}</p>
      ) : (
        <>
          <ul className="grid gap-4 xl:grid-cols-2">
            {liked.map((item) => (
              <li key={item.job.id} className="flex gap-3">
                <input
                  type="checkbox"
                  className="mt-6 h-5 w-5 accent-primary"
                  aria-label={item.job.title}
                  checked={selected.has(item.job.id)}
                  onChange={(event) => {
                    const next = new Set(selected);
                    if (event.target.checked) next.add(item.job.id);
                    else next.delete(item.job.id);
                    setSelected(next);
                  }}
                />
                <div className="min-w-0 flex-1">
                  <JobCard item={item} readOnly />
                </div>
              </li>
            ))}
          </ul>
          <div className="flex flex-col items-start gap-3">
            <button
              type="button"
              disabled={selected.size === 0}
              onClick={() => setAsked(true)}
              className={ui.button}
            >
              {t("prepare")} ({selected.size})
            </button>
            {asked ? (
              <p role="status" className="rounded-lg border border-warn/60 p-3 text-sm">
                {t("notYet")}
              </p>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
