import type { MetadataRoute } from "next";
import { routing } from "@/i18n/routing";

/** The public pages in every language, each naming its translations. */
export default function sitemap(): MetadataRoute.Sitemap {
  const base = process.env.AURA_BASE_URL ?? "http://localhost:3000";
  return ["", "/sign-in", "/sign-up"].flatMap((path) =>
    routing.locales.map((locale) => ({
      url: `${base}/${locale}${path}`,
      alternates: {
        languages: Object.fromEntries(routing.locales.map((l) => [l, `${base}/${l}${path}`])),
      },
    })),
  );
}
