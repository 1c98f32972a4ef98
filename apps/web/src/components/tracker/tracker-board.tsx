"use client";

import { useTranslations } from "next-intl";
import {
  type DragEvent,
  type KeyboardEvent,
  type PointerEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { APPLICATION_STATUSES, FollowUpBadge } from "@/components/applications/status-badge";
import { Link } from "@/i18n/navigation";
import type { Application, ApplicationStatus } from "@/lib/api";
import { ui } from "@/lib/ui";
import { daysSince, type TrackerActions } from "./tracker-actions";

/** The board's columns, in the order the arrow keys walk them: every stage past a draft. */
const COLUMNS = APPLICATION_STATUSES.filter(
  (status): status is Exclude<ApplicationStatus, "draft"> => status !== "draft",
);

type Column = (typeof COLUMNS)[number];
const DRAG_TYPE = "application/x-aura-application";

/** A card followed by the finger (or pen) while it is dragged. */
interface PointerDrag {
  id: number;
  title: string;
  x: number;
  y: number;
  over: Column | null;
}

function columnAt(x: number, y: number): Column | null {
  const element = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-column]");
  const column = element?.dataset.column;
  return COLUMNS.find((c) => c === column) ?? null;
}

/**
 * The applications sent, one column per stage. A card moves by mouse (drag and drop), by finger
 * (drag its handle), or by keyboard (its handle's arrow keys, or its "Move to…" menu).
 */
export function TrackerBoard({
  applications,
  actions,
}: {
  applications: Application[];
  actions: TrackerActions;
}) {
  const t = useTranslations("tracker");
  const ts = useTranslations("status");
  const hintId = useId();
  const [over, setOver] = useState<Column | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [pointer, setPointer] = useState<PointerDrag | null>(null);
  // The card to focus once it has moved (it is drawn anew in its new column).
  const focusAfterMove = useRef<number | null>(null);

  useEffect(() => {
    const id = focusAfterMove.current;
    if (id === null) return;
    const handle = document.querySelector<HTMLElement>(`[data-handle="${id}"]`);
    if (handle) {
      handle.focus();
      focusAfterMove.current = null;
    }
  });

  const byId = (id: number) => applications.find((a) => a.id === id);
  const drafts = applications.filter((a) => a.status === "draft");
  const tracked = applications.filter((a) => a.status !== "draft");

  const dropOn = (column: Column, event: DragEvent) => {
    event.preventDefault();
    setOver(null);
    setDragging(null);
    const application = byId(Number(event.dataTransfer.getData(DRAG_TYPE)));
    if (application) void actions.move(application, column);
  };

  const onHandleKey = (application: Application, event: KeyboardEvent) => {
    const step =
      event.key === "ArrowRight" || event.key === "ArrowDown"
        ? 1
        : event.key === "ArrowLeft" || event.key === "ArrowUp"
          ? -1
          : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = COLUMNS.indexOf(application.status as Column);
    const next = COLUMNS[index + step];
    if (index < 0 || !next) return;
    focusAfterMove.current = application.id;
    void actions.move(application, next);
  };

  const pointerHandlers = (application: Application) => ({
    onPointerDown: (event: PointerEvent<HTMLButtonElement>) => {
      // The mouse drags the whole card (HTML drag and drop); a finger or pen drags the handle.
      if (event.pointerType === "mouse") return;
      event.currentTarget.setPointerCapture(event.pointerId);
      setPointer({
        id: application.id,
        title: application.job.title,
        x: event.clientX,
        y: event.clientY,
        over: null,
      });
    },
    onPointerMove: (event: PointerEvent<HTMLButtonElement>) => {
      if (!pointer || pointer.id !== application.id) return;
      const { clientX: x, clientY: y } = event;
      if (y < 72) window.scrollBy(0, -16);
      else if (y > window.innerHeight - 96) window.scrollBy(0, 16);
      setPointer({ ...pointer, x, y, over: columnAt(x, y) });
    },
    onPointerUp: (event: PointerEvent<HTMLButtonElement>) => {
      if (!pointer || pointer.id !== application.id) return;
      const column = columnAt(event.clientX, event.clientY);
      setPointer(null);
      if (column && column !== application.status) void actions.move(application, column);
    },
    onPointerCancel: () => setPointer(null),
  });

  const highlighted = pointer?.over ?? over;

  const card = (application: Application, draft = false) => {
    const { job } = application;
    const titleId = `card-${application.id}`;
    const days = daysSince(application.statusChangedAt);
    return (
      <li key={application.id}>
        <article
          aria-labelledby={titleId}
          draggable
          onDragStart={(event) => {
            event.dataTransfer.setData(DRAG_TYPE, String(application.id));
            event.dataTransfer.effectAllowed = "move";
            setDragging(application.id);
          }}
          onDragEnd={() => {
            setDragging(null);
            setOver(null);
          }}
          className={`flex cursor-grab flex-col gap-2 rounded-lg border border-border bg-surface p-3 shadow-sm active:cursor-grabbing ${
            dragging === application.id || pointer?.id === application.id ? "opacity-50" : ""
          }`}
        >
          <div className="flex items-start gap-2">
            {draft ? null : (
              <button
                type="button"
                data-handle={application.id}
                aria-label={t("handle", { title: job.title })}
                aria-describedby={hintId}
                onKeyDown={(event) => onHandleKey(application, event)}
                {...pointerHandlers(application)}
                className="-ml-1 flex h-8 w-6 shrink-0 touch-none items-center justify-center rounded text-muted hover:bg-surface-2 hover:text-text"
              >
                <span aria-hidden="true">⠿</span>
              </button>
            )}
            <div className="min-w-0 flex-1">
              <h3 id={titleId} className="font-semibold leading-snug">
                {job.title}
              </h3>
              <p className="text-sm text-muted">{job.company}</p>
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
            <span>{t("daysAgo", { count: days })}</span>
            {application.reminderDue ? <FollowUpBadge /> : null}
          </div>
          {draft ? (
            <button
              type="button"
              onClick={() => actions.move(application, "applied")}
              className={`${ui.button} px-3 py-1.5 text-sm`}
            >
              {t("markApplied")}
            </button>
          ) : (
            <select
              value=""
              aria-label={t("moveLabel", { title: job.title })}
              onChange={(event) => {
                const to = event.target.value as Column;
                if (to) void actions.move(application, to);
              }}
              className="w-full rounded-md border border-border bg-surface px-2 py-1.5 text-sm"
            >
              <option value="">{t("moveTo")}</option>
              {COLUMNS.filter((c) => c !== application.status).map((c) => (
                <option key={c} value={c}>
                  {ts(c)}
                </option>
              ))}
            </select>
          )}
          <Link href={`/applications?id=${application.id}`} className="text-xs">
            {t("documents")}
          </Link>
        </article>
      </li>
    );
  };

  return (
    <div className="flex flex-col gap-6">
      {drafts.length > 0 ? (
        <section aria-labelledby="drafts-title" className="flex flex-col gap-3">
          <div>
            <h2 id="drafts-title" className="text-lg font-semibold">
              {ts("draft")} <span className="text-muted">({drafts.length})</span>
            </h2>
            <p className="text-sm text-muted">{t("draftsLead")}</p>
          </div>
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
            {drafts.map((a) => card(a, true))}
          </ul>
        </section>
      ) : null}
      <p id={hintId} className="text-sm text-muted">
        {t("hint")}
      </p>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {COLUMNS.map((column) => {
          const cards = tracked.filter((a) => a.status === column);
          return (
            <section
              key={column}
              aria-labelledby={`column-${column}`}
              data-column={column}
              onDragOver={(event) => {
                if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = "move";
                if (over !== column) setOver(column);
              }}
              onDragLeave={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null))
                  setOver(null);
              }}
              onDrop={(event) => dropOn(column, event)}
              className={`flex flex-col gap-2 rounded-xl border p-3 sm:min-h-32 ${
                highlighted === column
                  ? "border-primary bg-surface-2"
                  : "border-border bg-surface/60"
              }`}
            >
              <div className="flex items-center justify-between gap-2">
                <h2 id={`column-${column}`} className="text-sm font-semibold">
                  {ts(column)}
                </h2>
                <span className="rounded-full bg-surface-2 px-2 text-xs text-muted">
                  {cards.length}
                </span>
              </div>
              {cards.length === 0 ? (
                <p className="rounded-lg border border-dashed border-border p-3 text-center text-xs text-muted">
                  {t("dropHere")}
                </p>
              ) : (
                <ul className="flex flex-col gap-2">{cards.map((a) => card(a))}</ul>
              )}
            </section>
          );
        })}
      </div>
      {pointer ? (
        <div
          aria-hidden="true"
          className="pointer-events-none fixed z-50 w-56 -translate-y-full rounded-lg border border-primary bg-surface-2 px-3 py-2 text-sm font-semibold shadow-lg"
          // Above the finger, kept on screen.
          style={{
            left: Math.max(8, Math.min(pointer.x - 24, window.innerWidth - 232)),
            top: pointer.y - 12,
          }}
        >
          {pointer.title}
        </div>
      ) : null}
    </div>
  );
}
