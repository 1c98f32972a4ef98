"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type DragEvent, useState } from "react";
import { ApiError, client, send } from "@/lib/api";
import { cvQuery } from "@/lib/queries";
import { ui } from "@/lib/ui";
import { useErrorText } from "@/lib/use-error-text";

/**
 * CV upload by drag and drop or file picker; shows what was read, for a check. `editable`
 * (Settings): the text can be corrected and saved as the CV.
 */
export function CvStep({ editable = false }: { editable?: boolean }) {
  const t = useTranslations("onboarding.cv");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  // Shown once there is text to check (a failed load just offers the upload).
  const { data: saved } = useQuery(cvQuery);
  const cv = saved?.text ? saved : null;
  const [blank, setBlank] = useState(false);
  const [over, setOver] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);

  const {
    mutate: upload,
    isPending: busy,
    error: failure,
  } = useMutation({
    mutationFn: (file: File) =>
      send(
        client.PUT("/api/cv", {
          // The document types the binary field as a string; the form carries the file.
          body: { file: file.name },
          bodySerializer: () => {
            const form = new FormData();
            form.set("file", file);
            return form;
          },
        }),
      ),
    onSuccess: (read) => {
      queryClient.setQueryData(cvQuery.queryKey, read);
      setBlank(false);
      setDraft(null);
    },
  });
  const error = failure
    ? failure instanceof ApiError && failure.code === "offline"
      ? tc("offline")
      : tc("error", { message: errorText(failure) })
    : null;
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) upload(file);
  };

  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted">{t("hint")}</p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone; the file input inside is the keyboard way */}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-3 rounded-xl border-2 border-dashed p-8 text-center ${
          over ? "border-primary bg-surface-2" : "border-border"
        }`}
      >
        <p>{busy ? t("uploading") : t("drop")}</p>
        {/* One control: the file input, named by the label that draws it as a button (the
            input itself is visually hidden; its focus ring is drawn on the label). */}
        <label
          className={`inline-flex items-center justify-center gap-2 rounded-lg border border-border px-4 py-2.5 font-medium outline-primary outline-offset-2 has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-solid ${
            busy
              ? "cursor-not-allowed border-dashed text-muted opacity-60"
              : "cursor-pointer text-text hover:bg-surface-2"
          }`}
        >
          <input
            type="file"
            accept=".pdf,.docx,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown"
            className="sr-only"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) upload(file);
              event.target.value = "";
            }}
          />
          {cv ? t("replace") : t("choose")}
        </label>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      {cv ? (
        <div className="flex flex-col gap-2">
          <p className="font-medium">{t("parsed")}</p>
          {cv.sections.length > 0 ? (
            <p className="text-sm text-muted">
              {t("sections", { sections: cv.sections.map((s) => s.heading).join(", ") })}
            </p>
          ) : null}
          <textarea
            readOnly={!editable}
            value={draft ?? cv.text}
            onChange={(event) => setDraft(event.target.value)}
            aria-label={editable ? t("editLabel") : t("parsed")}
            rows={12}
            className="w-full resize-y whitespace-pre-wrap rounded-lg border border-border bg-surface-2 p-4 font-mono text-sm"
          />
          {editable ? (
            <button
              type="button"
              disabled={busy || draft === null || draft.trim() === "" || draft === cv.text}
              onClick={() => {
                // The corrected text becomes the CV, as a text file named after the original.
                const name = `${(cv.fileName ?? "cv").replace(/\.[^.]+$/, "")}.txt`;
                upload(new File([draft ?? ""], name, { type: "text/plain" }));
              }}
              className={`${ui.button} self-start`}
            >
              {t("saveText")}
            </button>
          ) : null}
        </div>
      ) : blank ? (
        <p className="rounded-lg border border-border bg-surface-2 p-4 text-sm">{t("blankDone")}</p>
      ) : (
        <button
          type="button"
          onClick={() => setBlank(true)}
          className="self-start text-link underline"
        >
          {t("blank")}
        </button>
      )}
    </div>
  );
}
