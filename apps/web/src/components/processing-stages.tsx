"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Link, useRouter } from "@/i18n/navigation";
import { ApiError, api } from "@/lib/api";
import type { Batch } from "@/lib/types";
import { ui } from "@/lib/ui";

type StageState = "waiting" | "running" | "done" | "failed";
interface Status {
  jobs: number;
  embedded: number;
  model: string;
}

/**
 * The real stages of a first batch: the jobs AURA holds, how many the encoder has read (polled
 * until all are), then the ranking that makes the batch (POST /api/batches).
 */
export function ProcessingStages() {
  const t = useTranslations("processing");
  const router = useRouter();
  const [status, setStatus] = useState<Status | null>(null);
  const [stages, setStages] = useState<Record<"gathering" | "embedding" | "ranking", StageState>>({
    gathering: "running",
    embedding: "waiting",
    ranking: "waiting",
  });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    const run = async () => {
      try {
        let current = await api<Status>("/status");
        setStatus(current);
        setStages({ gathering: "done", embedding: "running", ranking: "waiting" });
        while (!stopped && current.embedded < current.jobs) {
          await new Promise((resolve) => setTimeout(resolve, 1500));
          current = await api<Status>("/status");
          setStatus(current);
        }
        if (stopped) return;
        setStages({ gathering: "done", embedding: "done", ranking: "running" });
        try {
          await api<Batch>("/batches", { method: "POST" });
        } catch (cause) {
          // 409 with no unrated jobs left is not a failure of this page: the dashboard says it.
          if (!(cause instanceof ApiError && cause.status === 409)) throw cause;
        }
        if (stopped) return;
        setStages({ gathering: "done", embedding: "done", ranking: "done" });
        router.push("/dashboard");
      } catch (cause) {
        if (cause instanceof ApiError && cause.status === 401) {
          router.push("/sign-in");
          return;
        }
        setError(cause instanceof Error ? cause.message : String(cause));
        setStages((s) => {
          const failed = (Object.keys(s) as (keyof typeof s)[]).find((k) => s[k] === "running");
          return failed ? { ...s, [failed]: "failed" } : s;
        });
      }
    };
    void run();
    return () => {
      stopped = true;
    };
  }, [router]);

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
