import { getTranslations, setRequestLocale } from "next-intl/server";
import { pageMetadata } from "@/lib/page-metadata";
import { ui } from "@/lib/ui";

export const generateMetadata = pageMetadata("tracker", "/tracker");

/** Not built yet (a later issue): the page says so rather than show made-up data. */
export default async function TrackerPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("notYet");
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("trackerTitle")}</h1>
      <p className={ui.card}>{t("text")}</p>
    </div>
  );
}
