CREATE TABLE "risk_corpus_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"text_enc" text NOT NULL,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"level" text NOT NULL,
	"feedback_id" uuid,
	"added_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"text_enc" text NOT NULL,
	"detected_level" text NOT NULL,
	"detected_categories" text[] DEFAULT '{}' NOT NULL,
	"suggested_categories" text[] DEFAULT '{}' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"staff_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_lexicon_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"label" text NOT NULL,
	"content" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"seed_label" text,
	"based_on_id" uuid,
	"evaluation" jsonb NOT NULL,
	"is_active" boolean DEFAULT false NOT NULL,
	"activated_at" timestamp with time zone,
	"activated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_lexicon_versions_number_unique" UNIQUE("number"),
	CONSTRAINT "risk_lexicon_versions_seed_label_unique" UNIQUE("seed_label")
);
--> statement-breakpoint
ALTER TABLE "risk_corpus_rows" ADD CONSTRAINT "risk_corpus_rows_added_by_staff_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_feedback" ADD CONSTRAINT "risk_feedback_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_feedback" ADD CONSTRAINT "risk_feedback_resolved_by_staff_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_lexicon_versions" ADD CONSTRAINT "risk_lexicon_versions_author_id_staff_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_lexicon_versions" ADD CONSTRAINT "risk_lexicon_versions_activated_by_staff_id_fk" FOREIGN KEY ("activated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_corpus_rows_created_idx" ON "risk_corpus_rows" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_feedback_once_per_staff" ON "risk_feedback" USING btree ("source_kind","source_id","staff_id","kind");--> statement-breakpoint
CREATE INDEX "risk_feedback_queue_idx" ON "risk_feedback" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_lexicon_versions_one_active" ON "risk_lexicon_versions" USING btree ("is_active") WHERE "risk_lexicon_versions"."is_active";