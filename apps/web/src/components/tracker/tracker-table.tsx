"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { APPLICATION_STATUSES, FollowUpBadge } from "@/components/applications/status-badge";
import { Link } from "@/i18n/navigation";
import type { Application } from "@/lib/api";
import { daysSince, type TrackerActions } from "./tracker-actions";

/** "2026-11-30" for a date input, in the person's own time zone. */
function dateInputValue(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A date input's day as an instant: noon there, so no time zone moves it to another day. */
function fromDateInput(value: string): string | null {
  if (!value) return null;
  const [year, month, day] = value.split("-").map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12).toISOString();
}

/** Every application as a row: stage, date applied and notes editable in place. */
export function TrackerTable({
  applications,
  actions,
}: {
  applications: Application[];
  actions: TrackerActions;
}) {
  const t = useTranslations("tracker");
  const ts = useTranslations("status");
  return (
    <div className="overflow-x-auto rounded-xl border border-border bg-surface">
      <table className="w-full min-w-[56rem] border-collapse text-sm">
        <caption className="sr-only">{t("tableCaption")}</caption>
        <thead>
          <tr className="border-b border-border text-left">
            <th scope="col" className="px-3 py-2 font-semibold">
              {t("job")}
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              {t("company")}
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              {t("status")}
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              {t("appliedAt")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              {t("days")}
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              {t("notes")}
            </th>
          </tr>
        </thead>
        <tbody>
          {applications.map((application) => (
            <tr key={application.id} className="border-b border-border align-top last:border-b-0">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link href={`/applications?id=${application.id}`} className="font-semibold">
                  {application.job.title}
                </Link>
                {application.reminderDue ? (
                  <div className="mt-1">
                    <FollowUpBadge />
                  </div>
                ) : null}
              </th>
              <td className="px-3 py-2">{application.job.company}</td>
              <td className="px-3 py-2">
                <select
                  value={application.status}
                  aria-label={t("statusLabel", { title: application.job.title })}
                  onChange={(event) => {
                    const to = APPLICATION_STATUSES.find((s) => s === event.target.value);
                    if (to) void actions.move(application, to);
                  }}
                  className="rounded-md border border-border bg-surface px-2 py-1.5"
                >
                  {APPLICATION_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {ts(status)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="px-3 py-2">
                <DateCell application={application} actions={actions} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {daysSince(application.statusChangedAt)}
              </td>
              <td className="px-3 py-2">
                <NotesCell application={application} actions={actions} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DateCell({ application, actions }: { application: Application; actions: TrackerActions }) {
  const t = useTranslations("tracker");
  const saved = dateInputValue(application.appliedAt);
  const [value, setValue] = useState(saved);
  // A move off "Not sent yet" sets the date: show it.
  useEffect(() => setValue(saved), [saved]);
  return (
    <input
      type="date"
      value={value}
      aria-label={t("dateLabel", { title: application.job.title })}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => {
        if (value !== saved) void actions.change(application, { appliedAt: fromDateInput(value) });
      }}
      className="rounded-md border border-border bg-surface px-2 py-1.5"
    />
  );
}

function NotesCell({
  application,
  actions,
}: {
  application: Application;
  actions: TrackerActions;
}) {
  const t = useTranslations("tracker");
  const [value, setValue] = useState(application.notes);
  return (
    <textarea
      value={value}
      rows={2}
      maxLength={20_000}
      aria-label={t("notesLabel", { title: application.job.title })}
      placeholder={t("notesPlaceholder")}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => {
        if (value !== application.notes) void actions.change(application, { notes: value });
      }}
      className="w-full min-w-48 rounded-md border border-border bg-surface px-2 py-1.5 placeholder:text-muted"
    />
  );
}
