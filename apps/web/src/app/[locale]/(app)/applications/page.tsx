import { setRequestLocale } from "next-intl/server";
import { ApplicationsView } from "@/components/applications/applications-view";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("applications", "/applications");

export default async function ApplicationsPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <ApplicationsView />;
}
