ALTER TABLE "jobs" ADD COLUMN "skills" text[];--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "skills_key" text;