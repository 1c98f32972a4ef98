// What the tracker's views share: how to move and change an application, and how old a move is.
import type { Application, ApplicationStatus } from "@/lib/api";

/** Days since an application last changed stage. */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
}

export interface TrackerActions {
  /** Moves an application to a stage, says so, and offers to move it back. */
  move: (application: Application, to: ApplicationStatus) => Promise<void>;
  /** Saves notes or the date applied. */
  change: (
    application: Application,
    patch: { notes?: string; appliedAt?: string | null },
  ) => Promise<void>;
}
