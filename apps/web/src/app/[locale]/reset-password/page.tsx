import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthPage } from "@/components/auth/auth-page";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { pageMetadata } from "@/lib/page-metadata";

const metadata = pageMetadata("resetPassword", "/reset-password");

/** The token in the address goes to no other site, and the page to no index. */
export async function generateMetadata(props: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  return { ...(await metadata(props)), referrer: "no-referrer", robots: { index: false } };
}

export default async function ResetPassword({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth");
  const { token } = await searchParams;
  return (
    <AuthPage title={t("resetTitle")}>
      <ResetPasswordForm token={typeof token === "string" && token ? token : null} />
    </AuthPage>
  );
}
