"use client";

import { ui } from "@/lib/ui";

/** Toggle chips for one or many choices, as a labelled group of pressed buttons. */
export function ChoiceChips<T extends string>({
  label,
  options,
  selected,
  onChange,
  multiple = true,
}: {
  label: string;
  options: { value: T; label: string }[];
  selected: T[];
  onChange: (values: T[]) => void;
  multiple?: boolean;
}) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="sr-only">{label}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((option) => {
          const on = selected.includes(option.value);
          return (
            <button
              key={option.value}
              type="button"
              aria-pressed={on}
              onClick={() =>
                onChange(
                  multiple
                    ? on
                      ? selected.filter((v) => v !== option.value)
                      : [...selected, option.value]
                    : [option.value],
                )
              }
              className={`${ui.chip} px-4 py-2 ${on ? ui.chipOn : ui.chipOff}`}
            >
              {option.label}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
