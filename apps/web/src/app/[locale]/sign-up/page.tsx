import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthForm } from "@/components/auth/auth-form";
import { AuthPage } from "@/components/auth/auth-page";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("signUp", "/sign-up");

export default async function SignUp({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  return (
    <AuthPage title={t("signUpTitle")}>
      <AuthForm mode="sign-up" />
    </AuthPage>
  );
}
