"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** Dark by default; the choice is kept in this browser. */
export function ThemeToggle() {
  const t = useTranslations("theme");
  const [light, setLight] = useState(false);
  useEffect(() => setLight(document.documentElement.classList.contains("light")), []);
  const toggle = () => {
    const next = !light;
    setLight(next);
    document.documentElement.classList.toggle("light", next);
    try {
      localStorage.setItem("aura-theme", next ? "light" : "dark");
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };
  return (
    <button
      type="button"
      onClick={toggle}
      aria-label={t("toggle", { theme: light ? t("dark") : t("light") })}
      title={t("toggle", { theme: light ? t("dark") : t("light") })}
      className="rounded-md border border-border px-2.5 py-1.5 text-sm text-muted hover:text-text"
    >
      <span aria-hidden="true">{light ? "☾" : "☀"}</span>
    </button>
  );
}
