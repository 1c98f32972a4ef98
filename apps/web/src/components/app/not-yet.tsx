import { getTranslations } from "next-intl/server";
import { ui } from "@/lib/ui";

/** A part of AURA not built yet (a later issue): the page says so rather than show made-up data. */
export async function NotYet({ titleKey }: { titleKey: "applicationsTitle" | "trackerTitle" }) {
  const t = await getTranslations("notYet");
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t(titleKey)}</h1>
      <p className={ui.card}>{t("text")}</p>
    </div>
  );
}
