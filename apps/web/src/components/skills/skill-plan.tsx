"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { PageHeading } from "@/components/page-heading";
import { LoadError, LoadingBlock } from "@/components/states";
import { skillsQuery } from "@/lib/queries";
import { ui } from "@/lib/ui";
import { useErrorText } from "@/lib/use-error-text";

/** The skills to learn next: the gap, the top 5 with their reasons, and the jobs they open. */
export function SkillPlan() {
  const t = useTranslations("skills");
  const locale = useLocale();
  const errorText = useErrorText();
  const { data: gap, error } = useQuery(skillsQuery);
  if (error) return <LoadError message={errorText(error)} />;
  if (!gap) return <LoadingBlock />;
  const percent = (value: number) =>
    new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={t("title")} lead={t("lead")} />
      {gap.likedJobs === 0 ? (
        <p className={ui.card}>{t("empty")}</p>
      ) : (
        <>
          <p className={ui.card}>
            {gap.basis === "ratings"
              ? t("index", { percent: percent(gap.index), count: gap.likedJobs })
              : t("indexMatches", { percent: percent(gap.index), count: gap.likedJobs })}
          </p>
          {gap.plan.length === 0 ? (
            <p className={ui.card}>{t("none")}</p>
          ) : (
            <ol className="flex flex-col gap-4">
              {gap.plan.map((item, i) => (
                <li key={item.skill} className={`${ui.card} flex flex-col gap-2`}>
                  <h2 className="text-lg font-semibold">
                    {i + 1}. {item.skill}
                  </h2>
                  <p className="text-sm">
                    {gap.basis === "ratings"
                      ? t("whyLiked", { count: item.likedJobs, total: gap.likedJobs })
                      : t("whyMatches", { count: item.likedJobs, total: gap.likedJobs })}{" "}
                    {item.interviewJobs > 0 ? t("interviews", { count: item.interviewJobs }) : null}{" "}
                    {t("demand", { percent: percent(item.demand) })}
                  </p>
                  <div>
                    <h3 className="text-sm font-semibold text-muted">{t("opens")}</h3>
                    <ul className="list-disc pl-5 text-sm">
                      {item.unlocks.map((job) => (
                        <li key={job.jobId}>
                          {job.title} · {job.company}
                        </li>
                      ))}
                    </ul>
                  </div>
                </li>
              ))}
            </ol>
          )}
          {gap.weeks.length > 0 ? (
            <div className={ui.card}>
              <table className="w-full text-sm">
                <caption className="mb-2 text-left font-semibold">{t("weeks")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="text-left">
                      {t("week")}
                    </th>
                    <th scope="col" className="text-right">
                      {t("gap")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {gap.weeks.map((w) => (
                    <tr key={w.week}>
                      <td>
                        {new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(
                          new Date(w.week),
                        )}
                      </td>
                      <td className="text-right">{percent(w.index)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {gap.cvSkills.length > 0 ? (
            <p className="text-sm text-muted">{t("cvHas", { skills: gap.cvSkills.join(", ") })}</p>
          ) : null}
        </>
      )}
    </div>
  );
}
