CREATE TABLE "hotline_call_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"result" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_holidays" (
	"date" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigserial NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"feeling_unsafe" boolean DEFAULT false NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"first_ready_at" timestamp with time zone NOT NULL,
	"ready_at" timestamp with time zone NOT NULL,
	"window_start" timestamp with time zone,
	"window_end" timestamp with time zone,
	"phone_enc" text,
	"topic_enc" text,
	"school_id" uuid,
	"area_id" uuid,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone,
	"first_claimed_at" timestamp with time zone,
	"claimant_seen_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"notify_openid_enc" text,
	"notify_templates" text[] DEFAULT '{}' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"contact_record_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hotline_tickets_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "staff_leave" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hotline_call_attempts" ADD CONSTRAINT "hotline_call_attempts_ticket_id_hotline_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."hotline_tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_call_attempts" ADD CONSTRAINT "hotline_call_attempts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_shifts" ADD CONSTRAINT "hotline_shifts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_shifts" ADD CONSTRAINT "hotline_shifts_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_tickets" ADD CONSTRAINT "hotline_tickets_user_id_app_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_tickets" ADD CONSTRAINT "hotline_tickets_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_tickets" ADD CONSTRAINT "hotline_tickets_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_tickets" ADD CONSTRAINT "hotline_tickets_claimed_by_staff_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_tickets" ADD CONSTRAINT "hotline_tickets_closed_by_staff_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_tickets" ADD CONSTRAINT "hotline_tickets_contact_record_id_contact_records_id_fk" FOREIGN KEY ("contact_record_id") REFERENCES "public"."contact_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_leave" ADD CONSTRAINT "staff_leave_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_leave" ADD CONSTRAINT "staff_leave_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hotline_call_attempts_ticket_idx" ON "hotline_call_attempts" USING btree ("ticket_id","at");--> statement-breakpoint
CREATE INDEX "hotline_shifts_time_idx" ON "hotline_shifts" USING btree ("starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "hotline_shifts_staff_idx" ON "hotline_shifts" USING btree ("staff_id","starts_at");--> statement-breakpoint
CREATE INDEX "hotline_tickets_queue_idx" ON "hotline_tickets" USING btree ("priority" DESC NULLS LAST,"joined_at","id") WHERE status = 'waiting';--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_tickets_one_claim_per_staff" ON "hotline_tickets" USING btree ("claimed_by") WHERE status = 'claimed';--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_tickets_one_active_per_user" ON "hotline_tickets" USING btree ("user_id") WHERE status IN ('waiting', 'claimed');--> statement-breakpoint
CREATE INDEX "hotline_tickets_closed_idx" ON "hotline_tickets" USING btree ("closed_at");--> statement-breakpoint
CREATE INDEX "hotline_tickets_first_ready_idx" ON "hotline_tickets" USING btree ("first_ready_at");--> statement-breakpoint
CREATE INDEX "staff_leave_staff_idx" ON "staff_leave" USING btree ("staff_id","starts_at","ends_at");