import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { Link } from "@/i18n/navigation";
import { ui } from "@/lib/ui";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto flex max-w-xl flex-col items-start gap-4 px-6 py-16">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("text")}</p>
        <Link href="/" className={ui.button}>
          {t("home")}
        </Link>
      </main>
    </>
  );
}
