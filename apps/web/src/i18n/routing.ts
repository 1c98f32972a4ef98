import { defineRouting } from "next-intl/routing";

/** Every page lives under its locale: /en, /es, /pt. The browser's language picks the first. */
export const routing = defineRouting({
  locales: ["en", "es", "pt"],
  defaultLocale: "en",
  localePrefix: "always",
  localeCookie: { name: "AURA_LOCALE", maxAge: 60 * 60 * 24 * 365 },
});

export type Locale = (typeof routing.locales)[number];

/** Each language by its own name, as the switcher shows it. */
export const localeNames: Record<Locale, string> = {
  en: "English",
  es: "Español",
  pt: "Português",
};
