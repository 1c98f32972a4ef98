"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Link, useRouter } from "@/i18n/navigation";
import { ApiError, client, send } from "@/lib/api";
import {
  currentBatchQuery,
  notificationsQuery,
  scheduleQuery,
  statusQuery,
  useSaveNotifications,
} from "@/lib/queries";
import { ui } from "@/lib/ui";
import { useErrorText } from "@/lib/use-error-text";

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
      {stages.ranking === "done" || error ? null : <EmailWhenReady />}
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

/**
 * "E-mail me when it is ready": turns e-mail notifications on, so the person may leave; the
 * schedule prepares the batch and e-mails them. Says so plainly when no e-mail can reach them
 * (no address on the account, or a server without mail). Not offered where nothing runs by
 * itself (schedules off): the batch is made only while this page is open.
 */
function EmailWhenReady() {
  const t = useTranslations("notifications");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const { data: settings } = useQuery(notificationsQuery);
  const { data: schedule } = useQuery(scheduleQuery);
  const save = useSaveNotifications();
  if (!settings || !schedule?.scheduling) return null;
  const { emailAddress } = settings;
  const blocked =
    emailAddress === null
      ? t("noAddress")
      : settings.mailConfigured === false
        ? t("mailOff")
        : null;
  return (
    <div className={`${ui.card} flex flex-col items-start gap-3`}>
      {blocked ? (
        <p className="text-sm text-muted">{blocked}</p>
      ) : settings.email && emailAddress ? (
        <p role="status">
          <span aria-hidden="true" className="text-success">
            ✓{" "}
          </span>
          {t("emailMeOn", { address: emailAddress })}
        </p>
      ) : (
        <button
          type="button"
          onClick={() => save.mutate({ email: true })}
          disabled={save.isPending}
          className={ui.buttonQuiet}
        >
          {save.isPending ? t("emailMeSaving") : t("emailMe")}
        </button>
      )}
      {save.error ? (
        <p role="alert" className="text-danger">
          {tc("error", { message: errorText(save.error) })}
        </p>
      ) : null}
    </div>
  );
}
