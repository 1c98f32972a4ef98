"use client";

import { useTranslations } from "next-intl";
import { ChoiceChips } from "@/components/choice-chips";
import { TagInput } from "@/components/tag-input";
import type { ExperienceLevel, LocationMode, Preferences } from "@/lib/api";
import { MAX_BATCH_SIZE, MAX_SEARCH_FREQUENCY_DAYS } from "@/lib/limits";
import { ui } from "@/lib/ui";
import { CvStep } from "./cv-step";

export const STEPS = [
  "roles",
  "level",
  "location",
  "skills",
  "company",
  "cv",
  "batch",
  "frequency",
] as const;
export type Step = (typeof STEPS)[number];

const ROLE_SUGGESTIONS = [
  "Software Engineer",
  "Data Scientist",
  "Product Manager",
  "Designer",
  "DevOps Engineer",
  "Marketing Manager",
  "Customer Success",
  "Sales",
];
const LEVELS: ExperienceLevel[] = ["student", "junior", "mid", "senior", "lead"];
const MODES: LocationMode[] = ["remote", "hybrid", "onsite"];
const COMPANY_TYPES = [
  "startup",
  "scaleup",
  "enterprise",
  "agency",
  "nonprofit",
  "public",
] as const;
const FREQUENCIES = [
  { key: "daily", days: 1 },
  { key: "weekly", days: 7 },
  { key: "biweekly", days: 14 },
  { key: "monthly", days: 30 },
] as const;

/** The title of a step, as its heading. */
export function useStepTitle() {
  const t = useTranslations("onboarding");
  return (step: Step) => t(`${step}.title`);
}

/**
 * One onboarding question, bound to the preferences: every change is handed to `save` at once
 * (the caller stores it), so an answer is kept as soon as it is given.
 */
export function PreferenceStep({
  step,
  prefs,
  save,
}: {
  step: Step;
  prefs: Preferences;
  save: (change: Partial<Preferences>) => void;
}) {
  const t = useTranslations("onboarding");
  switch (step) {
    case "roles":
      return (
        <div className="flex flex-col gap-2">
          <p className="text-muted">{t("roles.hint")}</p>
          <TagInput
            label={t("roles.title")}
            values={prefs.roles}
            onChange={(roles) => save({ roles })}
            placeholder={t("roles.placeholder")}
            suggestions={ROLE_SUGGESTIONS}
          />
        </div>
      );
    case "level":
      return (
        <ChoiceChips
          label={t("level.title")}
          multiple={false}
          options={LEVELS.map((value) => ({ value, label: t(`level.${value}`) }))}
          selected={prefs.experienceLevel ? [prefs.experienceLevel] : []}
          onChange={([experienceLevel]) => save({ experienceLevel })}
        />
      );
    case "location":
      return (
        <div className="flex flex-col gap-5">
          <p className="text-muted">{t("location.hint")}</p>
          <ChoiceChips
            label={t("location.title")}
            options={MODES.map((value) => ({ value, label: t(`location.${value}`) }))}
            selected={prefs.locationModes}
            onChange={(locationModes) => save({ locationModes })}
          />
          <label className="flex flex-col gap-1.5">
            <span className="text-sm font-medium">{t("location.city")}</span>
            <input
              defaultValue={prefs.city ?? ""}
              placeholder={t("location.cityPlaceholder")}
              maxLength={120}
              onBlur={(event) => {
                const city = event.target.value.trim();
                if (city !== (prefs.city ?? "")) save({ city: city || undefined });
              }}
              className={ui.field}
            />
          </label>
        </div>
      );
    case "skills":
      return (
        <div className="flex flex-col gap-6">
          <TagInput
            label={t("skills.include")}
            values={prefs.includeSkills}
            onChange={(includeSkills) => save({ includeSkills })}
            placeholder={t("skills.placeholder")}
          />
          <TagInput
            label={t("skills.exclude")}
            values={prefs.excludeSkills}
            onChange={(excludeSkills) => save({ excludeSkills })}
            placeholder={t("skills.placeholder")}
          />
        </div>
      );
    case "company":
      return (
        <div className="flex flex-col gap-3">
          <p className="text-muted">{t("company.hint")}</p>
          <ChoiceChips
            label={t("company.title")}
            options={COMPANY_TYPES.map((value) => ({ value, label: t(`company.${value}`) }))}
            selected={prefs.companyTypes.filter((c): c is (typeof COMPANY_TYPES)[number] =>
              (COMPANY_TYPES as readonly string[]).includes(c),
            )}
            onChange={(companyTypes) => save({ companyTypes })}
          />
        </div>
      );
    case "cv":
      return <CvStep />;
    case "batch":
      return (
        <div className="flex flex-col gap-4">
          <p className="text-muted">{t("batch.hint")}</p>
          <label className="flex flex-col gap-3">
            <span className="text-lg font-semibold" aria-live="polite">
              {t("batch.value", { count: prefs.batchSize })}
            </span>
            <input
              type="range"
              min={1}
              max={MAX_BATCH_SIZE}
              step={1}
              value={prefs.batchSize}
              aria-label={t("batch.title")}
              aria-valuetext={t("batch.value", { count: prefs.batchSize })}
              onChange={(event) => save({ batchSize: Number(event.target.value) })}
              className="w-full max-w-md accent-primary"
            />
          </label>
        </div>
      );
    case "frequency": {
      const preset = FREQUENCIES.find((f) => f.days === prefs.searchFrequencyDays);
      return (
        <div className="flex flex-col gap-5">
          <ChoiceChips
            label={t("frequency.title")}
            multiple={false}
            options={FREQUENCIES.map((f) => ({ value: f.key, label: t(`frequency.${f.key}`) }))}
            selected={preset ? [preset.key] : []}
            onChange={([key]) => {
              const chosen = FREQUENCIES.find((f) => f.key === key);
              if (chosen) save({ searchFrequencyDays: chosen.days });
            }}
          />
          <label className="flex max-w-xs flex-col gap-1.5">
            <span className="text-sm font-medium">{t("frequency.custom")}</span>
            <input
              type="number"
              min={1}
              max={MAX_SEARCH_FREQUENCY_DAYS}
              value={prefs.searchFrequencyDays}
              onChange={(event) => {
                const days = Math.round(Number(event.target.value));
                if (days >= 1 && days <= MAX_SEARCH_FREQUENCY_DAYS) {
                  save({ searchFrequencyDays: days });
                }
              }}
              className={ui.field}
            />
            <span className="text-sm text-muted">
              {t("frequency.days", { count: prefs.searchFrequencyDays })}
            </span>
          </label>
        </div>
      );
    }
  }
}
