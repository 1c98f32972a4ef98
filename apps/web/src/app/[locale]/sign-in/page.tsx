import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthForm } from "@/components/auth/auth-form";
import { AuthPage } from "@/components/auth/auth-page";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("signIn", "/sign-in");

export default async function SignIn({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  /** reset=done: back from choosing a new password. */
  searchParams: Promise<{ reset?: string | string[] }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  const { reset } = await searchParams;
  return (
    <AuthPage title={t("signInTitle")}>
      <AuthForm mode="sign-in" notice={reset === "done" ? t("resetDone") : null} />
    </AuthPage>
  );
}
