"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Link, useRouter } from "@/i18n/navigation";
import { ApiError, client, send } from "@/lib/api";
import { currentBatchQuery, statusQuery } from "@/lib/queries";
import { ui } from "@/lib/ui";

type StageState = "waiting" | "running" | "done" | "failed";

/**
 * The real stages of a first batch: the jobs AURA holds, how many the encoder has read (polled
 * until all are), then the ranking that makes the batch (POST /api/batches).
 */
export function ProcessingStages() {
  const t = useTranslations("processing");
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: status, error: statusError } = useQuery({
    ...statusQuery,
    // Polled until the encoder has read every job.
    refetchInterval: (query) => {
      const current = query.state.data;
      return current && current.embedded >= current.jobs ? false : 1500;
    },
  });
  const ready = status !== undefined && status.embedded >= status.jobs;

  const ranking = useMutation({
    mutationFn: async () => {
      try {
        return await send(client.POST("/api/batches"));
      } catch (cause) {
        // 409 with no unrated jobs left is not a failure of this page: the dashboard says it.
        if (cause instanceof ApiError && cause.status === 409) return null;
        throw cause;
      }
    },
    onSuccess: (batch) => {
      if (batch) queryClient.setQueryData(currentBatchQuery.queryKey, batch);
    },
  });
  const { mutate: rank } = ranking;
  const started = useRef(false);
  useEffect(() => {
    if (!ready || started.current) return;
    started.current = true;
    rank(undefined, { onSuccess: () => router.push("/dashboard") });
  }, [ready, rank, router]);

  const failure = statusError ?? ranking.error;
  const signedOut = failure instanceof ApiError && failure.status === 401;
  useEffect(() => {
    if (signedOut) router.push("/sign-in");
  }, [signedOut, router]);
  const error = failure && !signedOut ? failure.message : null;

  const stateOf = (done: boolean, running: boolean): StageState =>
    done ? "done" : running ? (error ? "failed" : "running") : "waiting";
  const stages: Record<"gathering" | "embedding" | "ranking", StageState> = {
    gathering: stateOf(status !== undefined, true),
    embedding: stateOf(ready, status !== undefined),
    ranking: stateOf(ranking.isSuccess, ready),
  };

  const detail = {
    gathering: status ? t("jobs", { count: status.jobs }) : "",
    embedding: status ? t("embedded", { done: status.embedded, total: status.jobs }) : "",
    ranking: stages.ranking === "done" ? t("ranked") : "",
  };
  return (
    <div className="flex flex-col gap-6">
      <ol className="flex flex-col gap-4">
        {(["gathering", "embedding", "ranking"] as const).map((stage, i) => (
          <li key={stage} className={`${ui.card} flex items-center gap-4`}>
            <span
              aria-hidden="true"
              className={`flex h-9 w-9 shrink-0 items-center justify-center rounded-full text-sm font-bold ${
                stages[stage] === "done"
                  ? "bg-success text-on-primary"
                  : stages[stage] === "failed"
                    ? "bg-danger text-on-primary"
                    : stages[stage] === "running"
                      ? "animate-pulse bg-primary text-on-primary"
                      : "bg-surface-2 text-muted"
              }`}
            >
              {stages[stage] === "done" ? "✓" : i + 1}
            </span>
            <div className="flex flex-col">
              <span className="font-semibold">{t(stage)}</span>
              <span className="text-sm text-muted" aria-live="polite">
                {stages[stage] === "waiting" ? t("waiting") : detail[stage]}
              </span>
            </div>
          </li>
        ))}
      </ol>
      {error ? (
        <div role="alert" className="flex flex-col gap-3">
          <p className="text-danger">{t("failed", { message: error })}</p>
          <Link href="/dashboard" className={ui.buttonQuiet}>
            {t("toDashboard")}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
