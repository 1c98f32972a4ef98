/**
 * Class names shared by every page, so buttons and fields look alike everywhere. A disabled
 * button is plainly off: no fill colour, dimmed, a not-allowed cursor and no hover change (its
 * text needs no contrast; an enabled button's keeps 4.5:1).
 */
export const ui = {
  button:
    "inline-flex items-center justify-center gap-2 rounded-lg bg-primary px-4 py-2.5 font-semibold text-on-primary not-disabled:hover:brightness-110 disabled:cursor-not-allowed disabled:bg-surface-2 disabled:text-muted disabled:opacity-60",
  buttonQuiet:
    "inline-flex items-center justify-center gap-2 rounded-lg border border-border px-4 py-2.5 font-medium text-text not-disabled:hover:bg-surface-2 disabled:cursor-not-allowed disabled:border-dashed disabled:text-muted disabled:opacity-60",
  field:
    "w-full rounded-lg border border-border bg-surface px-3 py-2.5 text-text placeholder:text-muted",
  card: "rounded-xl border border-border bg-surface p-5",
  chip: "rounded-full border px-3 py-1.5 text-sm",
  chipOn: "border-primary bg-primary text-on-primary",
  chipOff: "border-border text-text hover:bg-surface-2",
};
