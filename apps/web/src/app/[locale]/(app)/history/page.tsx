import { setRequestLocale } from "next-intl/server";
import { pageTitle } from "@/components/app/page-title";
import { History } from "@/components/batch/history";

export const generateMetadata = pageTitle("history");

export default async function HistoryPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <History />;
}
