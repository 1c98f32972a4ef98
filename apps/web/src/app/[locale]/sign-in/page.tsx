import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthForm } from "@/components/auth/auth-form";
import { AuthPage } from "@/components/auth/auth-page";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("signIn", "/sign-in");

export default async function SignIn({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  return (
    <AuthPage title={t("signInTitle")}>
      <AuthForm mode="sign-in" />
    </AuthPage>
  );
}
