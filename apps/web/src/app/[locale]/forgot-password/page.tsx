import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthPage } from "@/components/auth/auth-page";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("forgotPassword", "/forgot-password");

export default async function ForgotPassword({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  return (
    <AuthPage title={t("forgotTitle")}>
      <ForgotPasswordForm />
    </AuthPage>
  );
}
