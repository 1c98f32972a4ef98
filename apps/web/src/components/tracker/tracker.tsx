"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { NoApplicationsYet } from "@/components/applications/no-applications";
import { FollowUpBadge } from "@/components/applications/status-badge";
import {
  updateApplication,
  useApplications,
  useErrorText,
} from "@/components/applications/use-applications";
import { PageHeading } from "@/components/page-heading";
import { LoadError, LoadingBlock } from "@/components/states";
import { useToast } from "@/components/toast";
import type { Application, ApplicationStatus } from "@/lib/api";
import type { TrackerActions } from "./tracker-actions";
import { TrackerBoard } from "./tracker-board";
import { TrackerTable } from "./tracker-table";

type View = "board" | "table";
const VIEW_KEY = "aura-tracker-view";

/**
 * Where each application stands: a board to move them along (drag, or the keyboard), or a
 * table to edit dates and notes; drafts wait apart until the person says they sent them.
 */
export function Tracker() {
  const t = useTranslations("tracker");
  const ts = useTranslations("status");
  const tc = useTranslations("common");
  const toast = useToast();
  const errorText = useErrorText();
  const { list, error, replace } = useApplications();
  const [view, setView] = useState<View>("board");

  useEffect(() => {
    if (localStorage.getItem(VIEW_KEY) === "table") setView("table");
  }, []);
  const choose = (next: View) => {
    setView(next);
    localStorage.setItem(VIEW_KEY, next);
  };

  const move = useCallback(
    async (application: Application, to: ApplicationStatus) => {
      const from = application.status;
      if (from === to) return;
      const title = application.job.title;
      replace({ ...application, status: to, statusChangedAt: new Date().toISOString() });
      try {
        replace(await updateApplication(application.id, { status: to }));
        toast({
          message: t("moved", { title, status: ts(to) }),
          action: {
            label: tc("undo"),
            run: () => {
              updateApplication(application.id, { status: from })
                .then((back) => {
                  replace(back);
                  toast({ message: t("movedBack", { title, status: ts(from) }) });
                })
                .catch((cause) => toast({ message: tc("error", { message: errorText(cause) }) }));
            },
          },
        });
      } catch (cause) {
        replace(application);
        toast({ message: tc("error", { message: errorText(cause) }) });
      }
    },
    [replace, toast, t, ts, tc, errorText],
  );

  const change = useCallback(
    async (application: Application, patch: { notes?: string; appliedAt?: string | null }) => {
      try {
        replace(await updateApplication(application.id, patch));
        toast({
          message:
            patch.notes !== undefined
              ? t("notesSaved", { title: application.job.title })
              : t("dateSaved", { title: application.job.title }),
        });
      } catch (cause) {
        toast({ message: tc("error", { message: errorText(cause) }) });
      }
    },
    [replace, toast, t, tc, errorText],
  );

  if (error) return <LoadError message={error} />;
  if (!list) return <LoadingBlock />;
  const { applications } = list;

  if (applications.length === 0) {
    return <NoApplicationsYet namespace="tracker" />;
  }

  const actions: TrackerActions = { move, change };
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <PageHeading title={t("title")} lead={t("lead")} />
        <fieldset className="flex rounded-lg border border-border p-0.5">
          <legend className="sr-only">{t("view")}</legend>
          {(["board", "table"] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => choose(v)}
              className={`rounded-md px-4 py-1.5 text-sm font-semibold ${
                view === v ? "bg-primary text-on-primary" : "text-muted hover:text-text"
              }`}
            >
              {t(v)}
            </button>
          ))}
        </fieldset>
      </div>
      {list.remindersDue > 0 ? (
        <p className="flex flex-wrap items-center gap-3 rounded-lg border border-warn bg-warn/10 p-3">
          <FollowUpBadge />
          {t("reminders", { count: list.remindersDue, days: list.reminderDays })}
        </p>
      ) : null}
      {view === "board" ? (
        <TrackerBoard applications={applications} actions={actions} />
      ) : (
        <TrackerTable applications={applications} actions={actions} />
      )}
    </div>
  );
}
