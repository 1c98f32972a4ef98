import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ComponentType } from "react";
import { pageMetadata } from "@/lib/page-metadata";
import { AuthPage } from "./auth-page";

// The pages an e-mailed link opens (signing in, choosing a new password): the link's token is in
// the query, given to the page's form.

/** The page's generateMetadata: the token in the address goes to no other site, and the page to no index. */
export function linkPageMetadata(key: string, path: string) {
  const metadata = pageMetadata(key, path);
  return async (props: { params: Promise<{ locale: string }> }): Promise<Metadata> => ({
    ...(await metadata(props)),
    referrer: "no-referrer",
    robots: { index: false },
  });
}

/** The page: the auth frame titled with `auth.<titleKey>`, the form given the token (null without one). */
export function linkPage(titleKey: string, Form: ComponentType<{ token: string | null }>) {
  return async function LinkPage({
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
      <AuthPage title={t(titleKey)}>
        <Form token={typeof token === "string" && token ? token : null} />
      </AuthPage>
    );
  };
}
