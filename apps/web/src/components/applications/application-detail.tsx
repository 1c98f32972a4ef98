"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { BoardLink } from "@/components/board-link";
import { useToast } from "@/components/toast";
import { Link } from "@/i18n/navigation";
import type { Application, DocumentKind } from "@/lib/api";
import { age } from "@/lib/format";
import { ui } from "@/lib/ui";
import { DocumentEditor } from "./document-editor";
import { GuardReport } from "./guard-report";
import { ProvenanceList } from "./provenance-list";
import { StatusBadge } from "./status-badge";
import { updateApplication, useErrorText, useGenerateApplications } from "./use-applications";

type Busy = null | "applying" | "regenerating";

/** One application: its documents to check and edit, what the guard left out, and where it stands. */
export function ApplicationDetail({
  application,
  drafts,
  setDraft,
  onChange,
}: {
  application: Application;
  drafts: Partial<Record<DocumentKind, string>>;
  setDraft: (kind: DocumentKind, text: string | null) => void;
  onChange: (changed: Application) => void;
}) {
  const t = useTranslations("applications");
  const tc = useTranslations("common");
  const locale = useLocale();
  const toast = useToast();
  const errorText = useErrorText();
  const generate = useGenerateApplications();
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState("");
  const { job, generation } = application;
  const edited = Object.keys(drafts).length > 0;

  // Each outcome is told once: by a toast when it has an undo, else in the line under the
  // buttons (a role="status" region as well: both would be read out).
  const fail = (cause: unknown) => setNotice(tc("error", { message: errorText(cause) }));

  const markApplied = async () => {
    setBusy("applying");
    setNotice("");
    try {
      const changed = await updateApplication(application.id, { status: "applied" });
      onChange(changed);
      setNotice("");
      toast({
        message: t("markedApplied"),
        action: {
          label: tc("undo"),
          run: () => {
            updateApplication(application.id, { status: "draft" })
              .then(onChange)
              .catch((cause) => toast({ message: tc("error", { message: errorText(cause) }) }));
          },
        },
      });
    } catch (cause) {
      fail(cause);
    } finally {
      setBusy(null);
    }
  };

  /** Writes the documents again (with the facts added, when given) and keeps the old ones. */
  const regenerate = async (addedFacts?: string) => {
    setBusy("regenerating");
    setNotice(t("regenerating"));
    try {
      if (addedFacts !== undefined && addedFacts !== application.addedFacts) {
        await updateApplication(application.id, { addedFacts });
      }
      const [changed] = await generate([application.jobId]);
      if (changed) {
        setDraft("cv", null);
        setDraft("letter", null);
        onChange(changed);
      }
      setNotice(t("regenerated"));
    } catch (cause) {
      fail(cause);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div id="application-detail" className="flex min-w-0 scroll-mt-4 flex-col gap-6">
      <section aria-labelledby="application-title" className={`${ui.card} flex flex-col gap-3`}>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 id="application-title" className="text-xl font-semibold leading-snug">
              {job.title}
            </h2>
            <p className="text-muted">{job.company}</p>
          </div>
          <StatusBadge status={application.status} />
        </div>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
          <BoardLink job={job} />
          <span>
            {t("written", {
              age: age(generation.generatedAt, locale),
              writer: t(`writer.${generation.writer}`),
            })}
          </span>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          {application.status === "draft" ? (
            <button
              type="button"
              onClick={markApplied}
              disabled={busy !== null}
              className={ui.button}
            >
              {t("markApplied")}
            </button>
          ) : (
            <Link href="/tracker" className="text-sm">
              {t("onTracker")}
            </Link>
          )}
          {/* Sent documents stay as sent: only a draft is written again. */}
          {application.status === "draft" ? (
            <button
              type="button"
              onClick={() => regenerate()}
              disabled={busy !== null || edited}
              aria-describedby={edited ? "regenerate-hint" : undefined}
              className={ui.buttonQuiet}
            >
              {busy === "regenerating" ? t("regenerating") : t("regenerate")}
            </button>
          ) : null}
          {edited && application.status === "draft" ? (
            <p id="regenerate-hint" className="text-sm text-muted">
              {t("regenerateHint")}
            </p>
          ) : null}
        </div>
        <p role="status" aria-live="polite" className="text-sm">
          {notice}
        </p>
      </section>

      <DocumentEditor
        application={application}
        drafts={drafts}
        setDraft={setDraft}
        onSaved={onChange}
        disabled={busy === "regenerating"}
      />

      <GuardReport
        application={application}
        busy={busy === "regenerating"}
        onRegenerate={(facts) => regenerate(facts)}
        blocked={edited}
      />

      <ProvenanceList application={application} />
    </div>
  );
}
