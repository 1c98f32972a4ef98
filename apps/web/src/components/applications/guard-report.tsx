"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { Application } from "@/lib/api";
import { ui } from "@/lib/ui";
import { InlineMarkdown } from "./markdown-preview";

/**
 * What the truthfulness guard left out: each fact the writer reached for that the CV does not
 * support, with the sentence dropped because of it; and a place to add true facts the CV lacks,
 * after which the documents are written again.
 */
export function GuardReport({
  application,
  busy,
  blocked,
  onRegenerate,
}: {
  application: Application;
  busy: boolean;
  /** Unsaved edits would be lost by a regeneration. */
  blocked: boolean;
  onRegenerate: (addedFacts: string) => void;
}) {
  const t = useTranslations("applications");
  const id = useId();
  const [facts, setFacts] = useState(application.addedFacts);
  const { flags } = application.generation;
  return (
    <section aria-labelledby={`${id}-title`} className={`${ui.card} flex flex-col gap-4`}>
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {t("guardTitle")}
        </h2>
        <p className="text-sm text-muted">{flags.length === 0 ? t("guardNone") : t("guardLead")}</p>
      </div>
      {flags.length > 0 ? (
        <ul className="flex flex-col gap-3">
          {flags.map((flag, i) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a flag has no identity but its place
              key={i}
              className="flex flex-col gap-1 rounded-lg border border-border bg-surface-2 p-3"
            >
              <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                <span className="rounded border border-warn px-1.5 text-xs font-semibold">
                  {t(`flagKind.${flag.kind}`)}
                </span>
                <strong className="font-semibold">{flag.value}</strong>
                <span className="text-muted">
                  {t("inDocument", { document: t(`docName.${flag.document}`) })}
                </span>
              </p>
              <p className="text-sm">
                <span className="text-muted">{t("removed")} </span>
                <q className="italic">
                  <InlineMarkdown markdown={flag.removed} />
                </q>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          onRegenerate(facts.trim());
        }}
      >
        <label htmlFor={`${id}-facts`} className="font-semibold">
          {t("addFacts")}
        </label>
        <p id={`${id}-facts-hint`} className="text-sm text-muted">
          {t("addFactsHint")}
        </p>
        <textarea
          id={`${id}-facts`}
          aria-describedby={`${id}-facts-hint`}
          value={facts}
          onChange={(event) => setFacts(event.target.value)}
          maxLength={5000}
          rows={3}
          placeholder={t("addFactsPlaceholder")}
          className={ui.field}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={busy || blocked || facts.trim() === application.addedFacts.trim()}
            className={ui.buttonQuiet}
          >
            {busy ? t("regenerating") : t("addFactsSubmit")}
          </button>
          {blocked ? <span className="text-sm text-muted">{t("regenerateHint")}</span> : null}
        </div>
      </form>
    </section>
  );
}
