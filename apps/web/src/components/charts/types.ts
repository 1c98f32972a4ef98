// The shapes of GET /api/metrics and GET /api/admin/overview, as the charts use them.

export interface WeekMetrics {
  week: string;
  batches: number;
  ratings: number;
  averageStars: number | null;
  averageMatch: number | null;
  reward: number;
  cumulativeReward: number;
  skillGapIndex: number;
  skillGapMeasured: boolean;
}

export interface BatchMetrics {
  batchId: number;
  createdAt: string;
  status: "open" | "locked";
  jobs: number;
  rated: number;
  averageStars: number | null;
  shareHigh: number | null;
  averageMatch: number | null;
}

export interface Metrics {
  ratings: { count: number; averageStars: number | null };
  batches: { open: number; locked: number };
  outcomes: Record<string, number>;
  weeks: WeekMetrics[];
  perBatch: BatchMetrics[];
  funnel: { applied: number; interview: number; offer: number };
}

export interface PipelineRun {
  id: number;
  kind: "ingest" | "import";
  startedAt: string;
  finishedAt: string | null;
  status: "ok" | "partial" | "failed" | "running";
  offline: boolean;
  durationMs: number | null;
  sources: number;
  fetched: number;
  new: number;
  updated: number;
  duplicates: number;
  skipped: number;
  errors: number;
  expired: number;
  messages: string[];
}

export interface SourceHealth {
  source: string;
  label: string;
  liveJobs: number;
  totalJobs: number;
  lastSuccessAt: string | null;
  lastRunAt: string | null;
  lastError: { at: string; message: string } | null;
}

export interface AdminUserRow {
  userId: string;
  name: string;
  createdAt: string;
  hasCv: boolean;
  batches: number;
  ratings: number;
  averageStars: number | null;
  applications: number;
}

export interface AdminOverview {
  generatedAt: string;
  counts: {
    users: number;
    profilesWithCv: number;
    batches: number;
    ratings: number;
    applications: number;
    outcomes: Record<string, number>;
    jobs: { live: number; expired: number };
  };
  runs: PipelineRun[];
  sources: SourceHealth[];
  users: AdminUserRow[];
}
