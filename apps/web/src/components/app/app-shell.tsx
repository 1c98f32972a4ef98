"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
import { LanguageSwitcher } from "@/components/language-switcher";
import { ThemeToggle } from "@/components/theme-toggle";
import { ToastProvider } from "@/components/toast";
import { Link, usePathname, useRouter } from "@/i18n/navigation";
import { ApiError, client, type SessionUser, send } from "@/lib/api";
import { sessionQuery } from "@/lib/queries";
import { useErrorText } from "@/lib/use-error-text";

const UserContext = createContext<SessionUser | null>(null);

/** The signed-in person (the shell renders pages only once there is one). */
export function useUser(): SessionUser {
  const user = useContext(UserContext);
  if (!user) throw new Error("useUser outside the app shell");
  return user;
}

const NAV = [
  { href: "/dashboard", key: "dashboard", icon: "◧" },
  { href: "/applications", key: "applications", icon: "✉" },
  { href: "/tracker", key: "tracker", icon: "▤" },
  { href: "/history", key: "history", icon: "◷" },
  { href: "/skills", key: "skills", icon: "✦" },
  { href: "/settings", key: "settings", icon: "⚙" },
] as const;

/** Shown only to the people named in `admins` (the session says who). */
const ADMIN_NAV = { href: "/admin", key: "admin", icon: "⚑" } as const;

/** The pages that fit a phone's bottom bar; the others are in the user menu there. */
const PHONE_BAR = new Set<string>([
  "/dashboard",
  "/applications",
  "/tracker",
  "/history",
  "/skills",
]);

/**
 * Signed-in pages: a sidebar on wide screens, a bottom bar under 1024 px, the user menu, theme
 * and language. Without a session it sends the person to sign in.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const t = useTranslations("shell");
  const tc = useTranslations("common");
  const ta = useTranslations("auth");
  const router = useRouter();
  const pathname = usePathname();
  const errorText = useErrorText();
  const { data: user, error } = useQuery(sessionQuery);
  const [menu, setMenu] = useState(false);
  const menuArea = useRef<HTMLDivElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const signedOut = error instanceof ApiError && error.status === 401;

  useEffect(() => {
    if (signedOut) router.replace("/sign-in");
  }, [signedOut, router]);

  // The open menu closes on Escape (the focus back on its button) and on a press outside it.
  useEffect(() => {
    if (!menu) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setMenu(false);
      menuButton.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && menuArea.current?.contains(event.target)) return;
      setMenu(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [menu]);

  const signOut = async () => {
    await send(client.POST("/api/auth/sign-out")).catch(() => {});
    router.replace("/");
  };

  if (error && !signedOut) {
    return (
      <main id="main" className="mx-auto max-w-xl px-6 py-16">
        <p role="alert" className="text-danger">
          {errorText(error)}
        </p>
      </main>
    );
  }
  if (!user) {
    return (
      <div className="flex min-h-screen items-center justify-center text-muted" aria-busy="true">
        {tc("loading")}
      </div>
    );
  }
  const links = [...NAV, ...(user.isAdmin ? [ADMIN_NAV] : [])].map((item) => {
    const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
    return { ...item, active, label: t(item.key) };
  });
  return (
    <UserContext.Provider value={user}>
      <ToastProvider>
        <div className="flex min-h-screen">
          <aside className="hidden w-60 shrink-0 flex-col border-r border-border bg-surface p-4 lg:flex">
            <span className="px-3 py-2 text-xl font-bold tracking-tight">AURA</span>
            <nav aria-label={t("nav")} className="mt-6 flex flex-col gap-1">
              {links.map((item) => (
                <Link
                  key={item.href}
                  href={item.href}
                  aria-current={item.active ? "page" : undefined}
                  className={`flex items-center gap-3 rounded-lg px-3 py-2 no-underline ${
                    item.active
                      ? "bg-surface-2 font-semibold text-text"
                      : "text-muted hover:text-text"
                  }`}
                >
                  <span aria-hidden="true">{item.icon}</span>
                  {item.label}
                </Link>
              ))}
            </nav>
          </aside>
          <div className="flex min-w-0 flex-1 flex-col">
            <header className="flex items-center justify-end gap-3 border-b border-border px-4 py-3 lg:px-8">
              <span className="mr-auto text-lg font-bold lg:hidden">AURA</span>
              <LanguageSwitcher />
              <ThemeToggle />
              <div ref={menuArea} className="relative">
                <button
                  ref={menuButton}
                  type="button"
                  aria-haspopup="menu"
                  aria-expanded={menu}
                  aria-label={t("userMenu", { name: user.name })}
                  onClick={() => setMenu((open) => !open)}
                  className="flex h-9 w-9 items-center justify-center rounded-full bg-primary font-bold text-on-primary"
                >
                  {user.name.slice(0, 1).toUpperCase()}
                </button>
                {menu ? (
                  <div
                    role="menu"
                    className="absolute right-0 z-40 mt-2 w-56 rounded-lg border border-border bg-surface p-2 shadow-lg"
                  >
                    {user.email ? (
                      <p className="truncate px-3 py-2 text-sm text-muted">{user.email}</p>
                    ) : null}
                    {links
                      .filter((item) => !PHONE_BAR.has(item.href))
                      .map((item) => (
                        <Link
                          key={item.href}
                          href={item.href}
                          role="menuitem"
                          onClick={() => setMenu(false)}
                          aria-current={item.active ? "page" : undefined}
                          className="block rounded-md px-3 py-2 text-text no-underline hover:bg-surface-2 lg:hidden"
                        >
                          <span aria-hidden="true" className="mr-2">
                            {item.icon}
                          </span>
                          {item.label}
                        </Link>
                      ))}
                    <button
                      type="button"
                      role="menuitem"
                      onClick={signOut}
                      className="w-full rounded-md px-3 py-2 text-left hover:bg-surface-2"
                    >
                      {ta("signOut")}
                    </button>
                  </div>
                ) : null}
              </div>
            </header>
            <main id="main" className="flex-1 px-4 pb-24 pt-6 lg:px-8 lg:pb-10">
              {children}
            </main>
          </div>
          <nav
            aria-label={t("nav")}
            className="fixed inset-x-0 bottom-0 z-30 flex justify-around overflow-x-auto border-t border-border bg-surface py-2 lg:hidden"
          >
            {links
              .filter((item) => PHONE_BAR.has(item.href))
              .map((item) => (
                <Link
                  key={item.href}
                  href={item.href}
                  aria-current={item.active ? "page" : undefined}
                  className={`flex min-w-0 shrink-0 flex-col items-center gap-0.5 px-1.5 text-center text-xs no-underline ${
                    item.active ? "font-semibold text-text" : "text-muted"
                  }`}
                >
                  <span aria-hidden="true" className="text-lg">
                    {item.icon}
                  </span>
                  {item.label}
                </Link>
              ))}
          </nav>
        </div>
      </ToastProvider>
    </UserContext.Provider>
  );
}
