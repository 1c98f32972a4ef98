ALTER TABLE "task_runs" ADD COLUMN "worker" text;--> statement-breakpoint
ALTER TABLE "task_runs" ADD COLUMN "queue_job" text;