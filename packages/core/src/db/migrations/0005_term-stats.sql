CREATE TABLE "corpus_stats" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"doc_count" integer NOT NULL,
	"avg_length" double precision NOT NULL,
	"fingerprint" text NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "term_stats" (
	"term" text PRIMARY KEY NOT NULL,
	"doc_count" integer NOT NULL
);
