import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/language-switcher";
import { ThemeToggle } from "@/components/theme-toggle";

/** The top bar of the pages outside the app shell: the name, language and theme. */
export function SiteHeader({ width = "max-w-6xl", brand }: { width?: string; brand?: ReactNode }) {
  return (
    <header className={`mx-auto flex ${width} items-center justify-between px-6 py-5`}>
      {brand ?? <span className="text-xl font-bold tracking-tight">AURA</span>}
      <div className="flex items-center gap-3">
        <LanguageSwitcher />
        <ThemeToggle />
      </div>
    </header>
  );
}
