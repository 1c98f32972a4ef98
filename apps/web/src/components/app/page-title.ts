import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** The page's <title> from the `meta` catalogue, in the route's language. */
export function pageTitle(key: string) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace: "meta" });
    return { title: t(key) };
  };
}
