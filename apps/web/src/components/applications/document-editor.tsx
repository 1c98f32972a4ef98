"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, useId, useRef, useState } from "react";
import { useToast } from "@/components/toast";
import type { Application, DocumentKind } from "@/lib/api";
import { ui } from "@/lib/ui";
import { MarkdownPreview } from "./markdown-preview";
import { updateApplication, useErrorText } from "./use-applications";

const KINDS: DocumentKind[] = ["cv", "letter"];
const TEMPLATES = ["classic", "modern"] as const;
const PAGE_SIZES = ["a4", "letter"] as const;
const FORMATS = [
  { ext: "pdf", key: "pdf" },
  { ext: "docx", key: "docx" },
  { ext: "md", key: "markdown" },
] as const;

/**
 * The CV and the cover letter, one tab each: Markdown on the left, how it reads on the right,
 * saved on demand; unsaved edits can be dropped and the version before the last regeneration
 * brought back. Downloads render the saved version.
 */
export function DocumentEditor({
  application,
  drafts,
  setDraft,
  onSaved,
  disabled,
}: {
  application: Application;
  drafts: Partial<Record<DocumentKind, string>>;
  setDraft: (kind: DocumentKind, text: string | null) => void;
  onSaved: (changed: Application) => void;
  disabled: boolean;
}) {
  const t = useTranslations("applications");
  const tc = useTranslations("common");
  const toast = useToast();
  const errorText = useErrorText();
  const id = useId();
  const [kind, setKind] = useState<DocumentKind>("cv");
  const [saving, setSaving] = useState(false);
  const [template, setTemplate] = useState<(typeof TEMPLATES)[number]>("classic");
  const [pageSize, setPageSize] = useState<(typeof PAGE_SIZES)[number]>("a4");
  const tabs = useRef<Record<DocumentKind, HTMLButtonElement | null>>({ cv: null, letter: null });

  const saved = application[kind];
  const text = drafts[kind] ?? saved;
  const edited = drafts[kind] !== undefined;
  const previous = application.generation.previous?.[kind] ?? null;
  const name = t(`docName.${kind}`);

  const edit = (value: string) => setDraft(kind, value === saved ? null : value);

  const save = async () => {
    setSaving(true);
    try {
      const changed = await updateApplication(application.id, { [kind]: text });
      setDraft(kind, null);
      onSaved(changed);
      toast({ message: t("saved") });
    } catch (cause) {
      toast({ message: tc("error", { message: errorText(cause) }) });
    } finally {
      setSaving(false);
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast({ message: t("copied") });
    } catch {
      toast({ message: t("copyFailed") });
    }
  };

  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const next = kind === "cv" ? "letter" : "cv";
    setKind(next);
    tabs.current[next]?.focus();
  };

  const file = (ext: string, inline = false) => {
    const query = new URLSearchParams({ template, pageSize });
    if (inline) query.set("download", "false");
    return `/api/applications/${application.id}/${kind}.${ext}?${query}`;
  };

  return (
    <section aria-labelledby={`${id}-heading`} className={`${ui.card} flex flex-col gap-4`}>
      <h2 id={`${id}-heading`} className="sr-only">
        {t("documents")}
      </h2>
      <div role="tablist" aria-label={t("documents")} className="flex gap-1 border-b border-border">
        {KINDS.map((k) => (
          <button
            key={k}
            ref={(el) => {
              tabs.current[k] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${k}`}
            aria-selected={k === kind}
            aria-controls={`${id}-panel`}
            tabIndex={k === kind ? 0 : -1}
            onClick={() => setKind(k)}
            onKeyDown={onTabKey}
            className={`-mb-px border-b-2 px-4 py-2 font-semibold ${
              k === kind
                ? "border-primary text-text"
                : "border-transparent text-muted hover:text-text"
            }`}
          >
            {t(k)}
            {drafts[k] !== undefined ? <span aria-hidden="true"> •</span> : null}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${kind}`}
        className="flex flex-col gap-4"
      >
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            onClick={save}
            disabled={!edited || saving || disabled || text.trim() === ""}
            className={ui.button}
          >
            {saving ? tc("saving") : t("save")}
          </button>
          <button
            type="button"
            onClick={() => setDraft(kind, null)}
            disabled={!edited || saving}
            className={ui.buttonQuiet}
          >
            {t("discard")}
          </button>
          {previous !== null && previous !== text ? (
            <button
              type="button"
              onClick={() => {
                edit(previous);
                toast({ message: t("restored") });
              }}
              disabled={saving || disabled}
              className={ui.buttonQuiet}
            >
              {t("restore")}
            </button>
          ) : null}
          <button type="button" onClick={copy} className={ui.buttonQuiet}>
            {t("copy")}
          </button>
          {edited ? <span className="text-sm text-muted">{t("unsaved")}</span> : null}
        </div>
        <div className="grid gap-4 xl:grid-cols-2">
          <label className="flex min-w-0 flex-col gap-1.5">
            <span className="text-sm font-semibold">{t("editor", { document: name })}</span>
            <textarea
              // One per document, so each starts at its top.
              key={kind}
              value={text}
              onChange={(event) => edit(event.target.value)}
              rows={22}
              spellCheck
              disabled={disabled}
              className={`${ui.field} min-h-72 flex-1 font-mono text-sm leading-relaxed`}
            />
          </label>
          <div className="flex min-w-0 flex-col gap-1.5">
            <span aria-hidden="true" className="text-sm font-semibold">
              {t("preview")}
            </span>
            <div className="rounded-lg border border-border bg-bg p-4 sm:p-6">
              <MarkdownPreview markdown={text} label={t("previewOf", { document: name })} />
            </div>
          </div>
        </div>
        <fieldset className="flex flex-col gap-3 border-t border-border pt-4">
          <legend className="float-left mb-1 font-semibold">
            {t("download", { document: name })}
          </legend>
          <div className="clear-both flex flex-wrap items-end gap-3">
            <label className="flex flex-col gap-1 text-sm">
              {t("template")}
              <select
                value={template}
                onChange={(event) => setTemplate(event.target.value as typeof template)}
                className="rounded-md border border-border bg-surface px-2 py-2"
              >
                {TEMPLATES.map((value) => (
                  <option key={value} value={value}>
                    {t(`templates.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm">
              {t("pageSize")}
              <select
                value={pageSize}
                onChange={(event) => setPageSize(event.target.value as typeof pageSize)}
                className="rounded-md border border-border bg-surface px-2 py-2"
              >
                {PAGE_SIZES.map((value) => (
                  <option key={value} value={value}>
                    {t(`pageSizes.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            <div className="flex flex-wrap gap-2">
              {FORMATS.map((format) => (
                <a
                  key={format.ext}
                  href={file(format.ext)}
                  download
                  aria-label={t("downloadAs", {
                    document: name,
                    format: t(`formats.${format.key}`),
                  })}
                  className={`${ui.buttonQuiet} no-underline`}
                >
                  <span aria-hidden="true">↓</span> {t(`formats.${format.key}`)}
                </a>
              ))}
              <a
                href={file("pdf", true)}
                target="_blank"
                rel="noopener"
                className="self-center px-2 text-sm"
              >
                {t("openPdf")} ↗
              </a>
            </div>
          </div>
          {edited ? <p className="text-sm text-muted">{t("downloadSaved")}</p> : null}
        </fieldset>
      </div>
    </section>
  );
}
