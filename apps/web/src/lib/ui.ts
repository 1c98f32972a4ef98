/** Class names shared by every page, so buttons and fields look alike everywhere. */
export const ui = {
  button:
    "inline-flex items-center justify-center gap-2 rounded-lg bg-primary px-4 py-2.5 font-semibold text-on-primary hover:brightness-110 disabled:cursor-not-allowed disabled:opacity-50",
  buttonQuiet:
    "inline-flex items-center justify-center gap-2 rounded-lg border border-border px-4 py-2.5 font-medium text-text hover:bg-surface-2 disabled:cursor-not-allowed disabled:opacity-50",
  field:
    "w-full rounded-lg border border-border bg-surface px-3 py-2.5 text-text placeholder:text-muted",
  card: "rounded-xl border border-border bg-surface p-5",
  chip: "rounded-full border px-3 py-1.5 text-sm",
  chipOn: "border-primary bg-primary text-on-primary",
  chipOff: "border-border text-text hover:bg-surface-2",
};
