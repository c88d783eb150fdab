CREATE TABLE "payment_reconciliations" (
	"bill_date" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"bill_rows" integer DEFAULT 0 NOT NULL,
	"mismatches" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "appointment_slots_room_idx";--> statement-breakpoint
DROP INDEX "appointment_slots_expert_idx";--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "remind_openid_enc" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
ALTER TABLE "counselling_rooms" ADD COLUMN "slot_minutes" integer DEFAULT 50 NOT NULL;--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "weekly_hours" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "slot_minutes" integer DEFAULT 50 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_slots_room_start" ON "appointment_slots" USING btree ("room_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_slots_expert_start" ON "appointment_slots" USING btree ("expert_id","starts_at");