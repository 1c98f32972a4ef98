"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { useToast } from "@/components/toast";
import { Link } from "@/i18n/navigation";
import { ApiError, api } from "@/lib/api";
import type { Batch, Rating } from "@/lib/types";
import { ui } from "@/lib/ui";
import { JobCard, type RatingChange } from "./job-card";

type State =
  | { kind: "loading" }
  | { kind: "none" }
  | { kind: "exhausted"; message: string }
  /** The last batch had liked jobs and no application sent yet: the next waits for that. */
  | { kind: "gate"; batchId: number }
  | { kind: "error"; message: string }
  | { kind: "batch"; batch: Batch };

/** The current batch: rate each job (saved at once, with undo), then lock and get the next. */
export function Dashboard() {
  const t = useTranslations("dashboard");
  const tc = useTranslations("common");
  const toast = useToast();
  const [state, setState] = useState<State>({ kind: "loading" });
  const [busy, setBusy] = useState(false);
  const batchRef = useRef<Batch | null>(null);

  const show = useCallback((batch: Batch) => {
    batchRef.current = batch;
    setState({ kind: "batch", batch });
  }, []);
  const failed = useCallback(
    (cause: unknown) =>
      cause instanceof ApiError && cause.code === "offline"
        ? tc("offline")
        : cause instanceof Error
          ? cause.message
          : String(cause),
    [tc],
  );

  const load = useCallback(async () => {
    setState({ kind: "loading" });
    try {
      show(await api<Batch>("/batches/current"));
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 404) setState({ kind: "none" });
      else setState({ kind: "error", message: failed(cause) });
    }
  }, [show, failed]);
  useEffect(() => {
    void load();
  }, [load]);

  /** The gate for the newest batch (the locked one whose applications are awaited). */
  const gate = useCallback(async () => {
    const { batches } = await api<{ batches: Batch[] }>("/batches?limit=1");
    const newest = batches[0];
    if (newest) setState({ kind: "gate", batchId: newest.id });
    else setState({ kind: "none" });
  }, []);

  const newBatch = async () => {
    setBusy(true);
    try {
      show(await api<Batch>("/batches", { method: "POST" }));
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409 && cause.field === "applications") {
        await gate().catch((failure) => setState({ kind: "error", message: failed(failure) }));
      } else if (cause instanceof ApiError && cause.status === 409) {
        setState({ kind: "exhausted", message: cause.message });
      } else setState({ kind: "error", message: failed(cause) });
    } finally {
      setBusy(false);
    }
  };

  /** Puts one job's rating into the batch shown (null takes it away). */
  const setRating = (jobId: number, rating: Rating | null) => {
    const batch = batchRef.current;
    if (!batch) return;
    const jobs = batch.jobs.map((j) => (j.job.id === jobId ? { ...j, rating } : j));
    show({ ...batch, jobs, complete: jobs.every((j) => j.rating !== null) });
  };

  const rate = async (jobId: number, change: RatingChange) => {
    const before = batchRef.current?.jobs.find((j) => j.job.id === jobId)?.rating ?? null;
    setRating(jobId, { jobId, ...change });
    try {
      const saved = await api<Rating>("/ratings", { json: { jobId, ...change } });
      setRating(jobId, saved);
      toast({
        message: t("ratedToast", { stars: saved.stars }),
        action: {
          label: tc("undo"),
          run: () => {
            setRating(jobId, before);
            const restore = before
              ? api<Rating>("/ratings", {
                  json: {
                    jobId,
                    stars: before.stars,
                    fit: before.fit,
                    interest: before.interest,
                    prestige: before.prestige,
                    location: before.location,
                    comment: before.comment,
                  },
                })
              : api(`/ratings/${jobId}`, { method: "DELETE" });
            restore.catch((cause) => toast({ message: tc("error", { message: failed(cause) }) }));
          },
        },
      });
    } catch (cause) {
      setRating(jobId, before);
      toast({ message: tc("error", { message: failed(cause) }) });
    }
  };

  const lock = async (batch: Batch) => {
    setBusy(true);
    try {
      const result = await api<{ batch: Batch; next: Batch | null }>(
        `/batches/${batch.id}/lock?next=true`,
        { method: "POST" },
      );
      // No next batch while this one's liked jobs wait for an application (or a "none").
      if (result.next) show(result.next);
      else setState({ kind: "gate", batchId: result.batch.id });
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409) {
        setState({ kind: "exhausted", message: cause.message });
      } else toast({ message: tc("error", { message: failed(cause) }) });
    } finally {
      setBusy(false);
    }
  };

  /** "I'm not applying to any of them": the next batch may open. */
  const decline = async (batchId: number) => {
    setBusy(true);
    try {
      await api(`/batches/${batchId}/no-applications`, { method: "POST" });
    } catch (cause) {
      toast({ message: tc("error", { message: failed(cause) }) });
      setBusy(false);
      return;
    }
    await newBatch();
  };

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
    return (
      <section
        aria-labelledby="gate-title"
        className={`${ui.card} flex max-w-2xl flex-col items-start gap-3`}
      >
        <h1 id="gate-title" className="text-xl font-semibold">
          {t("gateTitle")}
        </h1>
        <p>{t("gateText", { id: state.batchId })}</p>
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
      </section>
    );
  }
  if (state.kind === "none" || state.kind === "exhausted") {
    const none = state.kind === "none";
    return (
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
      </section>
    );
  }

  const { batch } = state;
  const rated = batch.jobs.filter((j) => j.rating !== null).length;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-sm text-muted">{t("newestFirst")}</p>
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
          <JobCard key={item.job.id} item={item} onRate={(change) => rate(item.job.id, change)} />
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
    </div>
  );
}
