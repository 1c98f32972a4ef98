import { setRequestLocale } from "next-intl/server";
import { Dashboard } from "@/components/batch/dashboard";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("dashboard", "/dashboard");

export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <Dashboard />;
}
