CREATE TABLE "letter_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"letter_id" uuid NOT NULL,
	"from_mailbox_id" uuid NOT NULL,
	"to_mailbox_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"letter_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"sender_type" text NOT NULL,
	"staff_id" uuid,
	"client_message_id" text NOT NULL,
	"body_enc" text NOT NULL,
	"risk_level" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"letter_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"body_enc" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_reply_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_staff_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "letter_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"alias" text NOT NULL,
	"writer_role" text NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"mailbox_kind" text NOT NULL,
	"box_school_id" uuid,
	"box_area_id" uuid,
	"handling_mailbox_id" uuid NOT NULL,
	"handling_mailbox_kind" text NOT NULL,
	"origin_school_id" uuid,
	"origin_area_id" uuid,
	"keep_from_school" boolean DEFAULT false NOT NULL,
	"subject_enc" text NOT NULL,
	"body_enc" text NOT NULL,
	"category" text,
	"contact_preference_enc" text,
	"status" text DEFAULT 'delivered' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"due_reminder_at" timestamp with time zone,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"risk_level" text DEFAULT 'none' NOT NULL,
	"risk_categories" text[] DEFAULT '{}' NOT NULL,
	"assigned_staff_id" uuid,
	"client_submit_id" text NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"notify_openid_enc" text,
	"first_read_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"contact_record_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailbox_members" (
	"mailbox_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mailbox_members_mailbox_id_staff_id_pk" PRIMARY KEY("mailbox_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "mailboxes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"school_id" uuid,
	"area_id" uuid,
	"name" text NOT NULL,
	"auto_ack_text" text DEFAULT '' NOT NULL,
	"out_of_term_notice" text DEFAULT '' NOT NULL,
	"reply_working_days" integer DEFAULT 3 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "letter_escalations" ADD CONSTRAINT "letter_escalations_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_escalations" ADD CONSTRAINT "letter_escalations_from_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("from_mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_escalations" ADD CONSTRAINT "letter_escalations_to_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("to_mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_messages" ADD CONSTRAINT "letter_messages_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_messages" ADD CONSTRAINT "letter_messages_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_notes" ADD CONSTRAINT "letter_notes_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_notes" ADD CONSTRAINT "letter_notes_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_reply_templates" ADD CONSTRAINT "letter_reply_templates_owner_staff_id_staff_id_fk" FOREIGN KEY ("owner_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_user_id_app_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_box_school_id_schools_id_fk" FOREIGN KEY ("box_school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_box_area_id_areas_id_fk" FOREIGN KEY ("box_area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_handling_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("handling_mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_origin_school_id_schools_id_fk" FOREIGN KEY ("origin_school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_origin_area_id_areas_id_fk" FOREIGN KEY ("origin_area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_assigned_staff_id_staff_id_fk" FOREIGN KEY ("assigned_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_contact_record_id_contact_records_id_fk" FOREIGN KEY ("contact_record_id") REFERENCES "public"."contact_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_members" ADD CONSTRAINT "mailbox_members_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_members" ADD CONSTRAINT "mailbox_members_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_escalations_letter_idx" ON "letter_escalations" USING btree ("letter_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_messages_seq_idx" ON "letter_messages" USING btree ("letter_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_messages_client_idx" ON "letter_messages" USING btree ("letter_id","sender_type","client_message_id");--> statement-breakpoint
CREATE INDEX "letter_notes_letter_idx" ON "letter_notes" USING btree ("letter_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_client_submit_idx" ON "letters" USING btree ("user_id","client_submit_id");--> statement-breakpoint
CREATE INDEX "letters_mailbox_idx" ON "letters" USING btree ("mailbox_id","status");--> statement-breakpoint
CREATE INDEX "letters_handling_idx" ON "letters" USING btree ("handling_mailbox_id","status");--> statement-breakpoint
CREATE INDEX "letters_due_idx" ON "letters" USING btree ("due_at") WHERE status IN ('delivered', 'read');--> statement-breakpoint
CREATE INDEX "letters_user_idx" ON "letters" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "mailbox_members_staff_idx" ON "mailbox_members" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mailboxes_one_per_school" ON "mailboxes" USING btree ("school_id") WHERE kind = 'school';--> statement-breakpoint
CREATE UNIQUE INDEX "mailboxes_one_per_area" ON "mailboxes" USING btree ("area_id") WHERE kind = 'area';--> statement-breakpoint
CREATE UNIQUE INDEX "mailboxes_one_county" ON "mailboxes" USING btree ("kind") WHERE kind = 'county';