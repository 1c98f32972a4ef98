"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

/**
 * 1–5 stars as a radio group: arrow keys move and choose, screen readers read "3 stars".
 */
export function StarRating({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null;
  onChange: (stars: number) => void;
}) {
  const t = useTranslations("job");
  const name = useId();
  return (
    <fieldset className="flex items-center gap-1">
      <legend className="sr-only">{label}</legend>
      {[1, 2, 3, 4, 5].map((stars) => {
        const on = value !== null && stars <= value;
        return (
          <label key={stars} className="cursor-pointer">
            <input
              type="radio"
              name={name}
              value={stars}
              checked={value === stars}
              onChange={() => onChange(stars)}
              className="peer sr-only"
              aria-label={t("star", { count: stars })}
            />
            <span
              aria-hidden="true"
              className={`block rounded px-0.5 text-2xl leading-none peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-link ${
                on ? "text-warn" : "text-muted/50"
              }`}
            >
              ★
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
