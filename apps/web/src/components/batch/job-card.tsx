"use client";

import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { BoardLink } from "@/components/board-link";
import type { BatchJob } from "@/lib/api";
import { age, payRange } from "@/lib/format";
import { ui } from "@/lib/ui";
import { StarRating } from "./star-rating";
import type { RatingChange, SaveWhen } from "./use-rating-saves";

/** A compact card: what the job is, why it ranks here, where it came from, and its rating. */
export function JobCard({
  item,
  onRate,
  onSettle,
  readOnly = false,
  children,
}: {
  item: BatchJob;
  /** A change to the rating, saved now or once changes settle. */
  onRate?: (change: RatingChange, when: SaveWhen) => void;
  /** Save a change still waiting to settle now. */
  onSettle?: () => void;
  readOnly?: boolean;
  /** More, under the card's own content (the review page's "Prepared" line). */
  children?: ReactNode;
}) {
  const t = useTranslations("job");
  const locale = useLocale();
  const { job, why, rating } = item;
  const [details, setDetails] = useState(false);
  const pay = payRange(job, locale);
  const match = why?.match;
  // Reasons from the ranker's facts, in the page's language (its own sentences are English).
  const place = job.location ?? job.country;
  const pick = why?.pick;
  const learned =
    pick && pick.policy !== "ranker" && !pick.stretch && pick.predictedStars !== null
      ? t("reasonLearned", { stars: pick.predictedStars.toLocaleString(locale) })
      : null;
  const reasons = [
    learned,
    why?.titleMatches ? t("reasonTitle") : null,
    why?.matchedSkills.length
      ? t("reasonSkills", { skills: why.matchedSkills.slice(0, 5).join(", ") })
      : null,
    pay ? t("reasonPay", { pay }) : null,
    job.remote === "remote"
      ? place
        ? t("reasonRemote", { place })
        : null
      : place
        ? t("reasonPlace", { place })
        : null,
  ]
    .filter((reason): reason is string => Boolean(reason))
    .slice(0, 3);
  const current: RatingChange = {
    stars: rating?.stars ?? 0,
    fit: rating?.fit ?? null,
    interest: rating?.interest ?? null,
    prestige: rating?.prestige ?? null,
    location: rating?.location ?? null,
    comment: rating?.comment ?? null,
  };
  const change = (patch: Partial<RatingChange>, when: SaveWhen) => {
    const next = { ...current, ...patch };
    if (next.stars >= 1) onRate?.(next, when);
  };
  const mode =
    job.remote === "remote" || job.remote === "hybrid" || job.remote === "onsite"
      ? job.remote
      : null;
  return (
    <article className={`${ui.card} flex flex-col gap-3`} aria-labelledby={`job-${job.id}`}>
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h2 id={`job-${job.id}`} className="text-lg font-semibold leading-snug">
            {job.title}
          </h2>
          <p className="text-muted">{job.company}</p>
        </div>
        {pick?.stretch ? (
          <span className="shrink-0 rounded-full border border-link px-3 py-1 text-sm font-semibold text-link">
            {t("stretch")}
          </span>
        ) : null}
        {match !== undefined ? (
          <span
            className="shrink-0 rounded-full bg-surface-2 px-3 py-1 text-sm font-semibold"
            title={t("matchLabel")}
          >
            {t("match", { score: `${Math.round(match * 100)}%` })}
          </span>
        ) : null}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
        <li>{pay ?? t("noPay")}</li>
        <li>{job.location ?? t("unknownPlace")}</li>
        {mode ? (
          <li>
            <span className="rounded bg-surface-2 px-2 py-0.5 text-text">{t(mode)}</span>
          </li>
        ) : null}
        <li>{t("posted", { age: age(job.postedAt ?? job.firstSeenAt, locale) })}</li>
        {job.expiredAt ? <li className="text-warn">{t("expired")}</li> : null}
      </ul>
      {job.skills.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label="skills">
          {job.skills.slice(0, 3).map((skill) => (
            <li key={skill} className="rounded-full border border-border px-2.5 py-0.5 text-sm">
              {skill}
            </li>
          ))}
        </ul>
      ) : null}
      {pick?.stretch ? (
        <p className="text-sm">
          {t("stretchWhy")}
          {pick.newSkills.length > 0 ? (
            <> {t("stretchSkills", { skills: pick.newSkills.slice(0, 3).join(", ") })}</>
          ) : null}
        </p>
      ) : null}
      {reasons.length > 0 ? (
        <div>
          <h3 className="sr-only">{t("why")}</h3>
          <ul className="list-disc pl-5 text-sm">
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {job.sources.length > 0 ? (
        <p className="text-sm">
          <BoardLink job={job} />
        </p>
      ) : null}
      {readOnly ? null : (
        <div className="flex flex-col gap-3 border-t border-border pt-3">
          <StarRating
            label={t("rate", { title: job.title })}
            value={rating?.stars ?? null}
            onChange={(stars, when) => change({ stars }, when)}
            onSettle={onSettle}
          />
          {rating ? (
            <details
              open={details}
              onToggle={(e) => setDetails((e.target as HTMLDetailsElement).open)}
            >
              <summary className="cursor-pointer text-sm text-link">{t("details")}</summary>
              <div className="mt-3 grid gap-3 sm:grid-cols-2">
                {(["fit", "interest", "prestige", "location"] as const).map((aspect) => (
                  <label key={aspect} className="flex flex-col gap-1 text-sm">
                    <span>
                      {t(aspect)}: {current[aspect] ?? "–"}/10
                    </span>
                    <input
                      type="range"
                      min={1}
                      max={10}
                      value={current[aspect] ?? 5}
                      // Saved once the slider stops, or at once when let go or left.
                      onChange={(event) =>
                        change({ [aspect]: Number(event.target.value) }, "settled")
                      }
                      onPointerUp={onSettle}
                      onBlur={onSettle}
                      className="accent-primary"
                    />
                  </label>
                ))}
                <label className="flex flex-col gap-1 text-sm sm:col-span-2">
                  <span>{t("comment")}</span>
                  <textarea
                    defaultValue={current.comment ?? ""}
                    maxLength={2000}
                    rows={2}
                    onBlur={(event) => {
                      const comment = event.target.value.trim() || null;
                      if (comment !== current.comment) change({ comment }, "now");
                    }}
                    className={ui.field}
                  />
                </label>
              </div>
            </details>
          ) : null}
        </div>
      )}
      {children}
    </article>
  );
}
