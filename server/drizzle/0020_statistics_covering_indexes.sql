DROP INDEX "conversations_created_idx";--> statement-breakpoint
CREATE INDEX "conversations_stats_idx" ON "conversations" USING btree ("created_at","first_reply_at","rating");--> statement-breakpoint
CREATE INDEX "contact_stats_daily_place_idx" ON "contact_stats_daily" USING btree ("day","area_id","school_id","n") WHERE grain = 'school' AND dimension = 'total';--> statement-breakpoint
CREATE INDEX "letter_messages_staff_reply_idx" ON "letter_messages" USING btree ("letter_id","created_at") WHERE sender_type = 'staff';