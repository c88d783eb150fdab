ALTER TABLE "publishing_uploads" ADD COLUMN "purpose" text DEFAULT 'content' NOT NULL;--> statement-breakpoint
-- Photos already attached to activity reports may show children: staff-only from now on.
UPDATE "publishing_uploads" SET "purpose" = 'activity_report' WHERE "id" IN (SELECT unnest("photo_upload_ids") FROM "activity_reports");
