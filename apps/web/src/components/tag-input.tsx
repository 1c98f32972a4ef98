"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, useId, useState } from "react";
import { ui } from "@/lib/ui";

/** Free-text tags: Enter or the Add button adds one, each tag has a remove button. */
export function TagInput({
  label,
  values,
  onChange,
  placeholder,
  suggestions = [],
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  suggestions?: string[];
}) {
  const t = useTranslations("onboarding.roles");
  const id = useId();
  const [draft, setDraft] = useState("");
  const add = (raw: string) => {
    const value = raw.trim();
    if (!value || values.some((v) => v.toLowerCase() === value.toLowerCase())) return;
    onChange([...values, value]);
    setDraft("");
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      add(draft);
    } else if (event.key === "Backspace" && draft === "" && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  const open = suggestions.filter((s) => !values.includes(s));
  return (
    <div className="flex flex-col gap-3">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {values.length > 0 ? (
        <ul className="flex flex-wrap gap-2">
          {values.map((value) => (
            <li key={value} className={`${ui.chip} ${ui.chipOn} flex items-center gap-1.5`}>
              {value}
              <button
                type="button"
                aria-label={t("remove", { item: value })}
                onClick={() => onChange(values.filter((v) => v !== value))}
                className="rounded-full px-1 leading-none"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex gap-2">
        <input
          id={id}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKey}
          placeholder={placeholder}
          maxLength={120}
          className={ui.field}
        />
        <button type="button" onClick={() => add(draft)} className={ui.buttonQuiet}>
          {t("add")}
        </button>
      </div>
      {open.length > 0 ? (
        <div className="flex flex-col gap-2">
          <span className="text-sm text-muted">{t("suggestions")}</span>
          <div className="flex flex-wrap gap-2">
            {open.map((s) => (
              <button
                key={s}
                type="button"
                onClick={() => add(s)}
                className={`${ui.chip} ${ui.chipOff}`}
              >
                + {s}
              </button>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
