"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  useApplications,
  useErrorText,
  useGenerateApplications,
} from "@/components/applications/use-applications";
import { PageHeading } from "@/components/page-heading";
import { LoadError, LoadingBlock } from "@/components/states";
import { Link, useRouter } from "@/i18n/navigation";
import { ui } from "@/lib/ui";
import { JobCard } from "./job-card";
import { useBatches } from "./use-batches";

/** Jobs rated 4★ or more, to pick for applications: AURA writes a CV and a letter for each. */
export function Review() {
  const t = useTranslations("review");
  const tc = useTranslations("common");
  const router = useRouter();
  const errorText = useErrorText();
  const generate = useGenerateApplications();
  const { batches, error } = useBatches();
  const { list, error: listError } = useApplications();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [writing, setWriting] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  if (error || listError) return <LoadError message={error ?? listError ?? ""} />;
  if (!batches || !list) return <LoadingBlock />;
  const prepared = new Map(list.applications.map((a) => [a.jobId, a]));
  // Each liked job once, with the (person's own) number of the newest batch that showed it.
  const liked = batches
    .flatMap((b) => b.jobs.map((j) => ({ ...j, batchNumber: b.number })))
    .filter((j) => (j.rating?.stars ?? 0) >= 4)
    .filter((j, i, all) => all.findIndex((o) => o.job.id === j.job.id) === i);
  const chosen = [...selected].filter((id) => !prepared.has(id));

  const prepare = async () => {
    setWriting(chosen.length);
    setFailure(null);
    try {
      const [first] = await generate(chosen);
      router.push(first ? `/applications?id=${first.id}` : "/applications");
    } catch (cause) {
      setFailure(tc("error", { message: errorText(cause) }));
      setWriting(0);
    }
  };

  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={t("title")} lead={t("lead")} />
      {liked.length === 0 ? (
        <p className={ui.card}>{t("empty")}</p>
      ) : (
        <>
          <ul className="grid gap-4 xl:grid-cols-2">
            {liked.map((item) => {
              const application = prepared.get(item.job.id);
              return (
                <li key={item.job.id} className="flex gap-3">
                  {application ? (
                    <span aria-hidden="true" className="mt-5 w-5 text-center text-success">
                      ✓
                    </span>
                  ) : (
                    <input
                      type="checkbox"
                      className="mt-6 h-5 w-5 accent-primary"
                      aria-label={item.job.title}
                      checked={selected.has(item.job.id)}
                      disabled={writing > 0}
                      onChange={(event) => {
                        const next = new Set(selected);
                        if (event.target.checked) next.add(item.job.id);
                        else next.delete(item.job.id);
                        setSelected(next);
                      }}
                    />
                  )}
                  <div className="min-w-0 flex-1">
                    <JobCard item={item} readOnly>
                      <p className="text-sm text-muted">
                        {t("fromBatch", { number: item.batchNumber })}
                      </p>
                      {application ? (
                        <p className="flex flex-wrap items-center gap-3 border-t border-border pt-3 text-sm">
                          <span className="rounded-full bg-success px-2.5 py-0.5 text-xs font-semibold text-on-primary">
                            {t("prepared")}
                          </span>
                          <Link href={`/applications?id=${application.id}`}>
                            {t("open")}
                            <span className="sr-only">: {item.job.title}</span>
                          </Link>
                        </p>
                      ) : null}
                    </JobCard>
                  </div>
                </li>
              );
            })}
          </ul>
          <div className="flex flex-col items-start gap-3">
            {liked.every((item) => prepared.has(item.job.id)) ? (
              <p>
                {t("allPrepared")}{" "}
                <Link href="/applications" className="underline">
                  {t("toApplications")}
                </Link>
              </p>
            ) : (
              <button
                type="button"
                disabled={chosen.length === 0 || writing > 0}
                onClick={prepare}
                className={ui.button}
              >
                {t("prepare")} ({chosen.length})
              </button>
            )}
            <p role="status" aria-live="polite" className="text-sm">
              {writing > 0 ? (
                <>
                  <span
                    aria-hidden="true"
                    className="mr-2 inline-block h-3 w-3 animate-spin rounded-full border-2 border-primary border-t-transparent align-middle"
                  />
                  {t("writing", { count: writing })}
                </>
              ) : null}
            </p>
            {failure ? (
              <p role="alert" className="text-danger">
                {failure}
              </p>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
