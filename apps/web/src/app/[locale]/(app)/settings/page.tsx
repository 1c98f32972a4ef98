import { setRequestLocale } from "next-intl/server";
import { pageTitle } from "@/components/app/page-title";
import { Settings } from "@/components/app/settings";

export const generateMetadata = pageTitle("settings");

export default async function SettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <Settings />;
}
