import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthPage } from "@/components/auth/auth-page";
import { SignInLink } from "@/components/auth/sign-in-link";
import { pageMetadata } from "@/lib/page-metadata";

const metadata = pageMetadata("signInLink", "/sign-in/link");

/** The token in the address goes to no other site, and the page to no index. */
export async function generateMetadata(props: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  return { ...(await metadata(props)), referrer: "no-referrer", robots: { index: false } };
}

export default async function SignInLinkPage({
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
    <AuthPage title={t("linkTitle")}>
      <SignInLink token={typeof token === "string" && token ? token : null} />
    </AuthPage>
  );
}
