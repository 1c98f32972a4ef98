import { setRequestLocale } from "next-intl/server";
import { NotYet } from "@/components/app/not-yet";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("applications", "/applications");

export default async function ApplicationsPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <NotYet titleKey="applicationsTitle" />;
}
