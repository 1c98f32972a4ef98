import { setRequestLocale } from "next-intl/server";
import { Settings } from "@/components/app/settings";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("settings", "/settings");

export default async function SettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <Settings />;
}
