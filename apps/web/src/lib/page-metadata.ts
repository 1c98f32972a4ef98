import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { routing } from "@/i18n/routing";

/** This page in every language, for `<link rel="alternate" hreflang>` and the canonical URL. */
export function localeAlternates(locale: string, path: string): Metadata["alternates"] {
  return {
    canonical: `/${locale}${path}`,
    languages: Object.fromEntries(routing.locales.map((l) => [l, `/${l}${path}`])),
  };
}

/** A page's generateMetadata: its title from the `meta` catalogue and its alternates. */
export function pageMetadata(key: string, path: string) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace: "meta" });
    return { title: t(key), alternates: localeAlternates(locale, path) };
  };
}
