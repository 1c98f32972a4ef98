import Image from "next/image";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { Link } from "@/i18n/navigation";
import { ui } from "@/lib/ui";

export default async function Landing({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("landing");
  const steps = [
    { title: t("step1Title"), text: t("step1Text") },
    { title: t("step2Title"), text: t("step2Text") },
    { title: t("step3Title"), text: t("step3Text") },
  ];
  return (
    <>
      <SiteHeader />
      <main id="main">
        <section className="mx-auto flex max-w-6xl flex-col items-start gap-6 px-6 pb-16 pt-10 lg:pt-20">
          <h1 className="max-w-3xl text-4xl font-bold leading-tight tracking-tight sm:text-5xl">
            {t("headline")}
          </h1>
          <p className="max-w-2xl text-lg text-muted">{t("lead")}</p>
          <div className="flex flex-wrap gap-3">
            <Link href="/sign-up" className={ui.button}>
              {t("primary")}
            </Link>
            <Link href="/sign-in" className={ui.buttonQuiet}>
              {t("secondary")}
            </Link>
          </div>
          <p className="text-sm text-muted">{t("privacy")}</p>
        </section>
        <section aria-labelledby="how" className="border-t border-border bg-surface">
          <div className="mx-auto max-w-6xl px-6 py-16">
            <h2 id="how" className="text-2xl font-bold">
              {t("howTitle")}
            </h2>
            <ol className="mt-8 grid gap-6 md:grid-cols-3">
              {steps.map((step, i) => (
                <li key={step.title} className="rounded-xl border border-border bg-bg p-5">
                  <span className="text-sm font-semibold text-link">{i + 1}</span>
                  <h3 className="mt-1 text-lg font-semibold">{step.title}</h3>
                  <p className="mt-2 text-muted">{step.text}</p>
                </li>
              ))}
            </ol>
            <figure className="mt-12">
              <Image
                src="/screenshots/dashboard.png"
                alt={t("screenshotAlt")}
                width={1280}
                height={900}
                className="w-full rounded-xl border border-border"
              />
              <figcaption className="mt-3 text-sm text-muted">{t("screenshotCaption")}</figcaption>
            </figure>
          </div>
        </section>
      </main>
      <footer className="mx-auto max-w-6xl px-6 py-10 text-sm text-muted">{t("footer")}</footer>
    </>
  );
}
