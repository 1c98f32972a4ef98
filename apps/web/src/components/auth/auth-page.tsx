import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/language-switcher";
import { ThemeToggle } from "@/components/theme-toggle";
import { Link } from "@/i18n/navigation";

/** The frame of the sign-in and sign-up pages. */
export function AuthPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <header className="mx-auto flex max-w-6xl items-center justify-between px-6 py-5">
        <Link href="/" className="text-xl font-bold tracking-tight text-text no-underline">
          AURA
        </Link>
        <div className="flex items-center gap-3">
          <LanguageSwitcher />
          <ThemeToggle />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-md px-6 py-10">
        <h1 className="mb-6 text-3xl font-bold">{title}</h1>
        {children}
      </main>
    </>
  );
}
