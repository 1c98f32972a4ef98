import { setRequestLocale } from "next-intl/server";
import { OnboardingWizard } from "@/components/onboarding/onboarding-wizard";
import { ToastProvider } from "@/components/toast";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("onboarding", "/onboarding");

export default async function Onboarding({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return (
    <ToastProvider>
      <OnboardingWizard />
    </ToastProvider>
  );
}
