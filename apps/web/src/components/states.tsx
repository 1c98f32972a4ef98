"use client";

import { useTranslations } from "next-intl";

/** A placeholder block while data loads. */
export function LoadingBlock({ height = "h-40" }: { height?: string }) {
  const tc = useTranslations("common");
  return (
    <div className={`${height} animate-pulse rounded-xl bg-surface`} aria-busy="true">
      <span className="sr-only">{tc("loading")}</span>
    </div>
  );
}

/** A failed load, said in words a person can act on. */
export function LoadError({ message }: { message: string }) {
  const tc = useTranslations("common");
  return (
    <p role="alert" className="text-danger">
      {tc("error", { message })}
    </p>
  );
}
