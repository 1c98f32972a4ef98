import { setRequestLocale } from "next-intl/server";
import { Review } from "@/components/batch/review";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("review", "/review");

export default async function ReviewPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <Review />;
}
