"use client";

import { useTranslations } from "next-intl";
import { PageHeading } from "@/components/page-heading";
import { Link } from "@/i18n/navigation";
import { ui } from "@/lib/ui";

/** A page of applications (Applications, Tracker) before the first one: where to start. */
export function NoApplicationsYet({ namespace }: { namespace: "applications" | "tracker" }) {
  const t = useTranslations(namespace);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={t("title")} lead={t("lead")} />
      <section className={`${ui.card} flex max-w-2xl flex-col items-start gap-3`}>
        <h2 className="text-lg font-semibold">{t("emptyTitle")}</h2>
        <p className="text-muted">{t("empty")}</p>
        <Link href="/review" className={`${ui.button} no-underline`}>
          {t("toReview")}
        </Link>
      </section>
    </div>
  );
}
