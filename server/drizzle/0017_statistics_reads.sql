CREATE TABLE "publication_reads_daily" (
	"publication_id" uuid NOT NULL,
	"day" date NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "publication_reads_daily_publication_id_day_pk" PRIMARY KEY("publication_id","day")
);
--> statement-breakpoint
ALTER TABLE "publication_reads_daily" ADD CONSTRAINT "publication_reads_daily_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publication_reads_daily_day_idx" ON "publication_reads_daily" USING btree ("day");