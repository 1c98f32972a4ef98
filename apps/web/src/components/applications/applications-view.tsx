"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { NoApplicationsYet } from "@/components/applications/no-applications";
import { BoardLink } from "@/components/board-link";
import { PageHeading } from "@/components/page-heading";
import { LoadError, LoadingBlock } from "@/components/states";
import type { Application, DocumentKind } from "@/lib/api";
import { ApplicationDetail } from "./application-detail";
import { StatusBadge } from "./status-badge";
import { useApplications } from "./use-applications";

type Drafts = Record<number, Partial<Record<DocumentKind, string>>>;

/**
 * The tailored CVs and cover letters: a list of applications, and the one chosen (`?id=` in the
 * address) to read, edit, download and confirm as sent.
 */
export function ApplicationsView() {
  const t = useTranslations("applications");
  const { list, error, replace } = useApplications();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // Unsaved edits, per application, so choosing another one does not lose them.
  const [drafts, setDrafts] = useState<Drafts>({});

  useEffect(() => {
    if (!list || selectedId !== null || list.applications.length === 0) return;
    const asked = Number(new URLSearchParams(window.location.search).get("id"));
    const found = list.applications.find((a) => a.id === asked);
    setSelectedId(found?.id ?? list.applications[0]?.id ?? null);
  }, [list, selectedId]);

  if (error) return <LoadError message={error} />;
  if (!list) return <LoadingBlock />;

  const select = (id: number) => {
    setSelectedId(id);
    window.history.replaceState(null, "", `${window.location.pathname}?id=${id}`);
    // On a phone the document is under the list: go to it.
    if (window.matchMedia("(max-width: 1023px)").matches) {
      requestAnimationFrame(() =>
        document.getElementById("application-detail")?.scrollIntoView({ block: "start" }),
      );
    }
  };
  const selected = list.applications.find((a) => a.id === selectedId) ?? null;

  if (list.applications.length === 0) {
    return <NoApplicationsYet namespace="applications" />;
  }

  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={t("title")} lead={t("lead")} />
      <div className="grid items-start gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <nav aria-label={t("list")} className="lg:sticky lg:top-4">
          <ul className="flex flex-col gap-2">
            {list.applications.map((application) => (
              <ListItem
                key={application.id}
                application={application}
                selected={application.id === selectedId}
                edited={Object.keys(drafts[application.id] ?? {}).length > 0}
                onSelect={() => select(application.id)}
              />
            ))}
          </ul>
        </nav>
        {selected ? (
          <ApplicationDetail
            key={selected.id}
            application={selected}
            drafts={drafts[selected.id] ?? {}}
            setDraft={(kind, text) =>
              setDrafts((all) => {
                const mine = { ...(all[selected.id] ?? {}) };
                if (text === null) delete mine[kind];
                else mine[kind] = text;
                return { ...all, [selected.id]: mine };
              })
            }
            onChange={(changed) => {
              replace(changed);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}

function ListItem({
  application,
  selected,
  edited,
  onSelect,
}: {
  application: Application;
  selected: boolean;
  edited: boolean;
  onSelect: () => void;
}) {
  const t = useTranslations("applications");
  const { job } = application;
  const flags = application.generation.flags.length;
  return (
    <li className={`rounded-xl border bg-surface ${selected ? "border-primary" : "border-border"}`}>
      <button
        type="button"
        onClick={onSelect}
        aria-current={selected ? "true" : undefined}
        className="flex w-full flex-col items-start gap-1 rounded-t-xl px-4 pt-3 pb-2 text-left hover:bg-surface-2"
      >
        <span className="font-semibold leading-snug">{job.title}</span>
        <span className="text-sm text-muted">{job.company}</span>
        <span className="mt-1 flex flex-wrap items-center gap-2">
          <StatusBadge status={application.status} />
          {flags > 0 ? (
            <span className="text-xs text-muted">{t("factsLeftOut", { count: flags })}</span>
          ) : null}
          {edited ? <span className="text-xs text-muted">{t("unsaved")}</span> : null}
        </span>
      </button>
      {job.sources.length > 0 ? (
        <p className="px-4 pb-3 text-xs">
          <BoardLink job={job} />
        </p>
      ) : null}
    </li>
  );
}
