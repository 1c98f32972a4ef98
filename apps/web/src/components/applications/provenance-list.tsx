"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import type { Application, DocumentKind } from "@/lib/api";
import { ui } from "@/lib/ui";

/** Each line the writer chose, beside the line of the CV it came from; rewritten ones marked. */
export function ProvenanceList({ application }: { application: Application }) {
  const t = useTranslations("applications");
  const id = useId();
  const { provenance } = application.generation;
  const rewritten = provenance.filter((p) => p.rewritten).length;
  return (
    <section aria-labelledby={`${id}-title`} className={`${ui.card} flex flex-col gap-3`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("provenanceTitle")}
      </h2>
      {provenance.length === 0 ? (
        <p className="text-sm text-muted">{t("provenanceNone")}</p>
      ) : (
        <details>
          <summary className="cursor-pointer text-sm text-link">
            {t("provenanceSummary", { count: provenance.length, rewritten })}
          </summary>
          <div className="mt-3 flex flex-col gap-4">
            {(["cv", "letter"] as const satisfies readonly DocumentKind[]).map((kind) => {
              const lines = provenance.filter((p) => p.document === kind);
              if (lines.length === 0) return null;
              return (
                <div key={kind} className="flex flex-col gap-2">
                  <h3 className="font-semibold">{t(kind)}</h3>
                  <div
                    aria-hidden="true"
                    className="hidden grid-cols-2 gap-4 text-xs font-semibold text-muted md:grid"
                  >
                    <span>{t("provenanceOutput")}</span>
                    <span>{t("provenanceSource")}</span>
                  </div>
                  <ol className="flex flex-col gap-2">
                    {lines.map((line, i) => (
                      <li
                        // biome-ignore lint/suspicious/noArrayIndexKey: lines may repeat; their place is their identity
                        key={i}
                        className={`grid gap-x-4 gap-y-1 rounded-lg border p-3 text-sm md:grid-cols-2 ${
                          line.rewritten ? "border-link" : "border-border"
                        }`}
                      >
                        <div className="min-w-0">
                          <span className="sr-only">{t("provenanceOutput")}: </span>
                          {line.output}
                          {line.rewritten ? (
                            <span className="ml-2 inline-block rounded border border-link px-1.5 text-xs font-semibold text-link">
                              {t("rewritten")}
                            </span>
                          ) : null}
                        </div>
                        <div className="min-w-0 text-muted">
                          <span className="text-xs font-semibold md:sr-only">
                            {t("provenanceSource")}:{" "}
                          </span>
                          {line.source}
                        </div>
                      </li>
                    ))}
                  </ol>
                </div>
              );
            })}
          </div>
        </details>
      )}
    </section>
  );
}
