import { setRequestLocale } from "next-intl/server";
import { Tracker } from "@/components/tracker/tracker";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("tracker", "/tracker");

export default async function TrackerPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <Tracker />;
}
