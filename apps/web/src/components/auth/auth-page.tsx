import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { Link } from "@/i18n/navigation";

/** The frame of the sign-in and sign-up pages. */
export function AuthPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <SiteHeader
        brand={
          <Link href="/" className="text-xl font-bold tracking-tight text-text no-underline">
            AURA
          </Link>
        }
      />
      <main id="main" className="mx-auto w-full max-w-md px-6 py-10">
        <h1 className="mb-6 text-3xl font-bold">{title}</h1>
        {children}
      </main>
    </>
  );
}
