"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useCallback, useEffect, useReducer, useRef, useState } from "react";
import { useToast } from "@/components/toast";
import { Link } from "@/i18n/navigation";
import { ApiError, type Batch, client, type Rating, send } from "@/lib/api";
import { dateTimeIn, timeIn } from "@/lib/format";
import {
  batchesQuery,
  currentBatchQuery,
  queryKeys,
  scheduleQuery,
  useAskForBatch,
  useGuessNotificationDefaults,
} from "@/lib/queries";
import { ui } from "@/lib/ui";
import { useErrorText } from "@/lib/use-error-text";
import { JobCard } from "./job-card";
import { useRatingSaves } from "./use-rating-saves";

/** What stands in for the batch after an action: why there is no next one, or what failed. */
type Interruption =
  | { kind: "exhausted"; message: string }
  /** The last batch had liked jobs and no application sent yet: the next waits for that. */
  | { kind: "gate"; batchId: number; number: number }
  | { kind: "error"; message: string };

type State =
  | { kind: "loading" }
  | { kind: "none" }
  | Interruption
  | { kind: "batch"; batch: Batch };

/**
 * The current batch: rate each job (shown at once, saved once the person settles on it, rolled
 * back if the save fails, with undo), then lock and get the next.
 */
export function Dashboard() {
  const t = useTranslations("dashboard");
  const tc = useTranslations("common");
  const toast = useToast();
  const failed = useErrorText();
  const queryClient = useQueryClient();
  const current = useQuery(currentBatchQuery);
  const [interruption, setInterruption] = useState<Interruption | null>(null);
  const [busy, setBusy] = useState(false);
  // The newest undo of each job's rating: an older undo's failure never replaces a newer one.
  const latestUndo = useRef(new Map<number, number>());

  /** Makes `batch` the one shown (null: none open); a load still under way cannot replace it. */
  const show = useCallback(
    (batch: Batch | null) => {
      void queryClient.cancelQueries({ queryKey: currentBatchQuery.queryKey });
      queryClient.setQueryData(currentBatchQuery.queryKey, batch);
    },
    [queryClient],
  );
  /** What the other pages show of batches is out of date. */
  const batchesChanged = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.batchLists });
    void queryClient.invalidateQueries({ queryKey: queryKeys.metrics });
    void queryClient.invalidateQueries({ queryKey: queryKeys.schedule });
  }, [queryClient]);

  /** Reads the open batch again; one that arrived replaces whatever stands in for it. */
  const { refetch: refetchCurrent } = current;
  const refreshBatch = useCallback(async () => {
    const { data: batch } = await refetchCurrent();
    if (batch) {
      setInterruption(null);
      batchesChanged();
    }
  }, [refetchCurrent, batchesChanged]);
  // After "Ask for one now" the batch is prepared in the background: the schedule (which says
  // when one waits) and the open batch are read again a few times.
  const askTimers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => askTimers.current.forEach(clearTimeout), []);
  const batchAsked = useCallback(() => {
    askTimers.current.forEach(clearTimeout);
    askTimers.current = [10_000, 30_000, 60_000, 120_000, 240_000].map((delay) =>
      setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.schedule });
        void refreshBatch();
      }, delay),
    );
  }, [queryClient, refreshBatch]);
  /** A page with the schedule under it ("Your next batch is due …", "Ask for one now"). */
  const withSchedule = (page: ReactNode, openBatch: boolean) => (
    <div className="flex flex-col gap-6">
      {page}
      <SchedulePanel openBatch={openBatch} onQueued={batchAsked} onBatchWaiting={refreshBatch} />
    </div>
  );

  // A query's subscribers hear of a change on the next task; the stars and sliders must show
  // it in this event's own render, or React puts a controlled input back to its old value and a
  // second key pressed quickly starts from there: the page is rendered at once from the cache.
  const [, renderNow] = useReducer((n: number) => n + 1, 0);

  /** Puts one job's rating into the batch shown (null takes it away). */
  const setRating = (jobId: number, rating: Rating | null) => {
    void queryClient.cancelQueries({ queryKey: currentBatchQuery.queryKey });
    queryClient.setQueryData(currentBatchQuery.queryKey, (batch) => {
      if (!batch) return batch;
      const jobs = batch.jobs.map((j) => (j.job.id === jobId ? { ...j, rating } : j));
      return { ...batch, jobs, complete: jobs.every((j) => j.rating !== null) };
    });
    renderNow();
  };
  const ratingOf = (jobId: number) =>
    queryClient.getQueryData(currentBatchQuery.queryKey)?.jobs.find((j) => j.job.id === jobId)
      ?.rating ?? null;

  const load = () => {
    setInterruption(null);
    void current.refetch();
  };

  const opening = useMutation({ mutationFn: () => send(client.POST("/api/batches")) });
  const locking = useMutation({
    mutationFn: (id: number) =>
      send(
        client.POST("/api/batches/{id}/lock", {
          params: { path: { id }, query: { next: "true" } },
        }),
      ),
  });
  const declining = useMutation({
    mutationFn: (id: number) =>
      send(client.POST("/api/batches/{id}/no-applications", { params: { path: { id } } })),
  });

  /** The gate for the newest batch (the locked one whose applications are awaited). */
  const gate = async () => {
    const [newest] = await queryClient.fetchQuery(batchesQuery(1));
    if (newest) setInterruption({ kind: "gate", batchId: newest.id, number: newest.number });
    else {
      setInterruption(null);
      show(null);
    }
  };

  const newBatch = async () => {
    setBusy(true);
    try {
      show(await opening.mutateAsync());
      setInterruption(null);
      batchesChanged();
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409 && cause.field === "applications") {
        await gate().catch((failure) =>
          setInterruption({ kind: "error", message: failed(failure) }),
        );
      } else if (cause instanceof ApiError && cause.status === 409) {
        setInterruption({ kind: "exhausted", message: cause.message });
      } else setInterruption({ kind: "error", message: failed(cause) });
    } finally {
      setBusy(false);
    }
  };

  /** What a stored round of changes is told as: new stars, a comment, or the details. */
  const savedMessage = (saved: Rating, before: Rating | null) => {
    if (!before || saved.stars !== before.stars) return t("ratedToast", { stars: saved.stars });
    const aspects = (["fit", "interest", "prestige", "location"] as const).every(
      (aspect) => saved[aspect] === before[aspect],
    );
    return aspects ? t("commentSavedToast") : t("detailsSavedToast");
  };

  /**
   * Ratings: on screen at once, saved once settled (a click at once, arrow keys and sliders
   * when they stop), one save at a time per job so the last value is the one stored; one toast
   * for what was stored, with undo; taken back (and the failure told) if the save fails.
   */
  const saves = useRatingSaves({
    ratingOf,
    show: setRating,
    onSaved: (saved, before) => {
      batchesChanged();
      toast({
        message: savedMessage(saved, before),
        action: { label: tc("undo"), run: () => restoring.mutate(before ?? saved.jobId) },
      });
    },
    onFailed: (cause) => toast({ message: tc("error", { message: failed(cause) }) }),
  });

  /** Undo: the rating the job had before (a job id alone: it had none). */
  const restoring = useMutation({
    mutationFn: (before: Rating | number) =>
      typeof before === "number"
        ? send(client.DELETE("/api/ratings/{jobId}", { params: { path: { jobId: before } } }))
        : send(
            client.POST("/api/ratings", {
              body: {
                jobId: before.jobId,
                stars: before.stars,
                fit: before.fit,
                interest: before.interest,
                prestige: before.prestige,
                location: before.location,
                comment: before.comment,
              },
            }),
          ),
    onMutate: (before) => {
      const jobId = typeof before === "number" ? before : before.jobId;
      // The undo replaces any change still waiting to be saved.
      saves.cancel(jobId);
      const undo = (latestUndo.current.get(jobId) ?? 0) + 1;
      latestUndo.current.set(jobId, undo);
      const shown = ratingOf(jobId);
      setRating(jobId, typeof before === "number" ? null : before);
      return { jobId, undo, shown };
    },
    onSuccess: batchesChanged,
    onError: (cause, _before, context) => {
      // Back to what was shown, unless a newer undo of the job came meanwhile.
      if (context && latestUndo.current.get(context.jobId) === context.undo) {
        setRating(context.jobId, context.shown);
      }
      toast({ message: tc("error", { message: failed(cause) }) });
    },
  });

  const lock = async (batch: Batch) => {
    setBusy(true);
    try {
      // Ratings still waiting to settle are saved first; one that failed leaves the batch open.
      await saves.settle();
      if (!queryClient.getQueryData(currentBatchQuery.queryKey)?.complete) return;
      const result = await locking.mutateAsync(batch.id);
      batchesChanged();
      // No next batch while this one's liked jobs wait for an application (or a "none").
      if (result.next) show(result.next);
      else {
        show(null);
        setInterruption({ kind: "gate", batchId: result.batch.id, number: result.batch.number });
      }
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409) {
        setInterruption({ kind: "exhausted", message: cause.message });
      } else toast({ message: tc("error", { message: failed(cause) }) });
    } finally {
      setBusy(false);
    }
  };

  /** "I'm not applying to any of them": the next batch may open. */
  const decline = async (batchId: number) => {
    setBusy(true);
    try {
      await declining.mutateAsync(batchId);
    } catch (cause) {
      toast({ message: tc("error", { message: failed(cause) }) });
      setBusy(false);
      return;
    }
    await newBatch();
  };

  const cached = queryClient.getQueryData(currentBatchQuery.queryKey);
  const data = cached !== undefined ? cached : current.data;
  const state: State = interruption
    ? interruption
    : data !== undefined
      ? data === null
        ? { kind: "none" }
        : { kind: "batch", batch: data }
      : current.error && !current.isFetching
        ? { kind: "error", message: failed(current.error) }
        : { kind: "loading" };

  if (state.kind === "loading") {
    return (
      <section aria-busy="true" aria-label={tc("loading")} className="grid gap-4 xl:grid-cols-2">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-56 animate-pulse rounded-xl bg-surface" />
        ))}
      </section>
    );
  }
  if (state.kind === "error") {
    return (
      <section className={`${ui.card} flex flex-col items-start gap-3`} role="alert">
        <h1 className="text-xl font-semibold">{t("errorTitle")}</h1>
        <p className="text-muted">{state.message}</p>
        <button type="button" onClick={load} className={ui.button}>
          {tc("retry")}
        </button>
      </section>
    );
  }
  if (state.kind === "gate") {
    return withSchedule(
      <section
        aria-labelledby="gate-title"
        className={`${ui.card} flex max-w-2xl flex-col items-start gap-3`}
      >
        <h1 id="gate-title" className="text-xl font-semibold">
          {t("gateTitle")}
        </h1>
        <p>{t("gateText", { number: state.number })}</p>
        <p className="text-sm text-muted">{t("gateWhy")}</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/review" className={`${ui.button} no-underline`}>
            {t("gatePrepare")}
          </Link>
          <button
            type="button"
            onClick={() => decline(state.batchId)}
            disabled={busy}
            className={ui.buttonQuiet}
          >
            {t("gateDecline")}
          </button>
        </div>
        <p role="status" aria-live="polite" className="text-sm text-muted">
          {busy ? t("gateOpening") : ""}
        </p>
      </section>,
      false,
    );
  }
  if (state.kind === "none" || state.kind === "exhausted") {
    const none = state.kind === "none";
    return withSchedule(
      <section className={`${ui.card} flex flex-col items-start gap-3`}>
        <h1 className="text-xl font-semibold">{none ? t("emptyTitle") : t("noJobsTitle")}</h1>
        <p className="text-muted">{none ? t("emptyText") : t("noJobsText")}</p>
        {none ? (
          <button type="button" onClick={newBatch} disabled={busy} className={ui.button}>
            {t("newBatch")}
          </button>
        ) : (
          <p className="text-sm text-muted">{state.message}</p>
        )}
      </section>,
      false,
    );
  }

  const { batch } = state;
  const rated = batch.jobs.filter((j) => j.rating !== null).length;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-sm text-muted">
            {t("batchNumber", { number: batch.number })} · {t("newestFirst")}
          </p>
        </div>
        <div className="flex items-center gap-4">
          <p className="font-semibold" aria-live="polite">
            {t("progress", { rated, total: batch.jobs.length })}
          </p>
          <div
            className="h-2 w-32 overflow-hidden rounded-full bg-surface-2"
            role="progressbar"
            aria-label={t("progress", { rated, total: batch.jobs.length })}
            aria-valuemin={0}
            aria-valuemax={batch.jobs.length}
            aria-valuenow={rated}
          >
            <div
              className="h-full bg-success"
              style={{ width: `${(100 * rated) / Math.max(1, batch.jobs.length)}%` }}
            />
          </div>
        </div>
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        {batch.jobs.map((item) => (
          <JobCard
            key={item.job.id}
            item={item}
            onRate={(change, when) => saves.rate(item.job.id, change, when)}
            onSettle={() => saves.flush(item.job.id)}
          />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={() => lock(batch)}
          disabled={!batch.complete || busy}
          aria-describedby={batch.complete ? undefined : "lock-hint"}
          className={ui.button}
        >
          {busy ? t("locking") : t("lock")}
        </button>
        {batch.complete ? null : (
          <p id="lock-hint" className="text-sm text-muted">
            {t("lockHint")}
          </p>
        )}
        <Link href="/review" className="text-sm">
          {t("review")}
        </Link>
      </div>
      <SchedulePanel openBatch onQueued={batchAsked} onBatchWaiting={refreshBatch} />
    </div>
  );
}

/** Why the person may not ask for a batch now, from the API's 409 field. */
const REFUSALS = {
  profile: "reasonNoProfile",
  batch: "reasonWaiting",
  applications: "reasonApplications",
  tasks: "reasonNoTasks",
} as const;

/**
 * When the next batch is due, in the person's time zone (or that one waits to be rated), and
 * "Ask for one now": at most once an hour, disabled with the reason while it may not be asked.
 */
function SchedulePanel({
  openBatch,
  onQueued,
  onBatchWaiting,
}: {
  /** A batch is on the page, waiting to be rated. */
  openBatch: boolean;
  /** The run was queued: the page looks for the batch it prepares. */
  onQueued: () => void;
  /** The schedule says a batch waits that the page does not show yet (prepared meanwhile). */
  onBatchWaiting: () => void;
}) {
  const t = useTranslations("schedule");
  const tc = useTranslations("common");
  const locale = useLocale();
  const failed = useErrorText();
  // Times are shown in the person's zone: a default UTC becomes the browser's, once.
  useGuessNotificationDefaults(locale);
  const { data: schedule, error } = useQuery(scheduleQuery);
  const ask = useAskForBatch();
  const [, tick] = useReducer((n: number) => n + 1, 0);

  const unseenBatch = schedule?.batchWaiting === true && !openBatch;
  useEffect(() => {
    if (unseenBatch) onBatchWaiting();
  }, [unseenBatch, onBatchWaiting]);

  // The button comes back by itself once the hour has passed.
  const allowedAt = schedule?.askAllowedAt ? Date.parse(schedule.askAllowedAt) : null;
  useEffect(() => {
    if (allowedAt === null) return;
    const wait = allowedAt - Date.now();
    if (wait <= 0) return;
    const timer = setTimeout(tick, Math.min(wait + 500, 2_147_000_000));
    return () => clearTimeout(timer);
  }, [allowedAt]);

  if (!schedule) {
    return error ? (
      <p className="text-sm text-muted">{t("loadError", { message: failed(error) })}</p>
    ) : null;
  }
  const zone = schedule.timeZone;
  const waiting = openBatch || schedule.batchWaiting;
  const tooSoon = allowedAt !== null && allowedAt > Date.now() && schedule.askAllowedAt;
  const reason = !schedule.canAskNow
    ? t("reasonNoTasks")
    : waiting
      ? t("reasonWaiting")
      : schedule.nextDueAt === null
        ? t("reasonNoProfile")
        : tooSoon
          ? t("reasonTooSoon", { time: timeIn(tooSoon, locale, zone) })
          : null;

  const due = waiting
    ? t("waiting")
    : schedule.nextDueAt === null
      ? t("noProfile")
      : Date.parse(schedule.nextDueAt) <= Date.now()
        ? t("dueNow")
        : t("nextDue", { when: dateTimeIn(schedule.nextDueAt, locale, zone) });

  let outcome: ReactNode = null;
  if (ask.isSuccess) {
    outcome = (
      <p>
        <span aria-hidden="true" className="text-success">
          ✓{" "}
        </span>
        {t("queued")}
      </p>
    );
  } else if (ask.error) {
    const cause = ask.error;
    const refusal =
      cause instanceof ApiError && cause.status === 409 && cause.field
        ? REFUSALS[cause.field as keyof typeof REFUSALS]
        : undefined;
    const message =
      cause instanceof ApiError && cause.status === 429 && tooSoon
        ? t("reasonTooSoon", { time: timeIn(tooSoon, locale, zone) })
        : refusal
          ? t(refusal)
          : tc("error", { message: failed(cause) });
    outcome = (
      <p role="alert" className="text-danger">
        {message}
      </p>
    );
  }

  return (
    <section aria-labelledby="schedule-title" className={`${ui.card} flex flex-col gap-3`}>
      <h2 id="schedule-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p>
        {due} <span className="text-muted">{t("every", { days: schedule.frequencyDays })}</span>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => ask.mutate(undefined, { onSuccess: onQueued })}
          disabled={reason !== null || ask.isPending}
          aria-describedby="ask-hint"
          className={ui.buttonQuiet}
        >
          {ask.isPending ? t("asking") : t("ask")}
        </button>
        <p id="ask-hint" className="text-sm text-muted">
          {reason ?? t("askLimit")}
        </p>
      </div>
      <div aria-live="polite">{outcome}</div>
    </section>
  );
}
