ALTER TABLE "jobs" ALTER COLUMN "salary_min" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "jobs" ALTER COLUMN "salary_max" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "jobs" ALTER COLUMN "salary_min_annual" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "jobs" ALTER COLUMN "salary_max_annual" SET DATA TYPE double precision;