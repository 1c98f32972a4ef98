import { setRequestLocale } from "next-intl/server";
import { pageTitle } from "@/components/app/page-title";
import { Review } from "@/components/batch/review";

export const generateMetadata = pageTitle("review");

export default async function ReviewPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <Review />;
}
