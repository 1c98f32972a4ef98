import { setRequestLocale } from "next-intl/server";
import { SkillPlan } from "@/components/skills/skill-plan";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("skills", "/skills");

export default async function SkillsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <SkillPlan />;
}
