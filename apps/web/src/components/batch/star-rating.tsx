"use client";

import { useTranslations } from "next-intl";
import { useId, useRef } from "react";
import type { SaveWhen } from "./use-rating-saves";

/** The keys that move through a radio group (each one also picks the star it lands on). */
const MOVES = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"]);

/**
 * 1–5 stars as a radio group: arrow keys move and choose, screen readers read "3 stars". A click
 * (or Space) chooses at once; arrow keys choose once they stop ("settled"), and Enter or leaving
 * the stars settles at once (`onSettle`), so 1 → 4 by keyboard is one choice, not three.
 */
export function StarRating({
  label,
  value,
  onChange,
  onSettle,
}: {
  label: string;
  value: number | null;
  onChange: (stars: number, when: SaveWhen) => void;
  onSettle?: () => void;
}) {
  const t = useTranslations("job");
  const name = useId();
  // Whether the change about to come was made by an arrow key.
  const moved = useRef(false);
  return (
    <fieldset
      className="flex items-center gap-1"
      onKeyDown={(event) => {
        moved.current = MOVES.has(event.key);
        if (event.key === "Enter") onSettle?.();
      }}
      onPointerDown={() => {
        moved.current = false;
      }}
      onBlur={(event) => {
        const next = event.relatedTarget;
        if (!(next instanceof Node && event.currentTarget.contains(next))) onSettle?.();
      }}
    >
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
              onChange={() => {
                const when = moved.current ? "settled" : "now";
                moved.current = false;
                onChange(stars, when);
              }}
              className="peer sr-only"
              aria-label={t("star", { count: stars })}
            />
            {/* The ring is drawn here: the radio itself is visually hidden. */}
            <span
              aria-hidden="true"
              className={`block rounded px-0.5 text-2xl leading-none outline-primary outline-offset-2 peer-focus-visible:outline-2 peer-focus-visible:outline-solid ${
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
