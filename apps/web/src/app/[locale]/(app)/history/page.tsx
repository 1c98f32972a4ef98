import { setRequestLocale } from "next-intl/server";
import { History } from "@/components/batch/history";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("history", "/history");

export default async function HistoryPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <History />;
}
