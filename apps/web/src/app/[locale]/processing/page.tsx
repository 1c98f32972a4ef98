import { getTranslations, setRequestLocale } from "next-intl/server";
import { ProcessingStages } from "@/components/processing-stages";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("processing", "/processing");

export default async function Processing({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("processing");
  return (
    <main id="main" className="mx-auto flex w-full max-w-xl flex-col gap-8 px-6 py-16">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <ProcessingStages />
    </main>
  );
}
