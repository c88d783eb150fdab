CREATE TABLE "contact_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_categories_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "contact_record_categories" (
	"record_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	CONSTRAINT "contact_record_categories_record_id_category_id_pk" PRIMARY KEY("record_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "contact_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"user_id" uuid,
	"staff_id" uuid NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"repeat" text DEFAULT 'unknown' NOT NULL,
	"age_band" text DEFAULT 'unknown' NOT NULL,
	"gender" text DEFAULT 'not_stated' NOT NULL,
	"school_id" uuid,
	"area_id" uuid,
	"risk_level" text NOT NULL,
	"actions" text[] DEFAULT '{}' NOT NULL,
	"referral_targets" text[] DEFAULT '{}' NOT NULL,
	"follow_up_needed" boolean DEFAULT false NOT NULL,
	"duration_minutes" integer DEFAULT 0 NOT NULL,
	"summary_enc" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_categories" ADD CONSTRAINT "contact_categories_parent_id_contact_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."contact_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_record_categories" ADD CONSTRAINT "contact_record_categories_record_id_contact_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."contact_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_record_categories" ADD CONSTRAINT "contact_record_categories_category_id_contact_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."contact_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_records" ADD CONSTRAINT "contact_records_user_id_app_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_records" ADD CONSTRAINT "contact_records_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_records" ADD CONSTRAINT "contact_records_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_records" ADD CONSTRAINT "contact_records_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_categories_parent_idx" ON "contact_categories" USING btree ("parent_id","sort_order");--> statement-breakpoint
CREATE INDEX "contact_record_categories_category_idx" ON "contact_record_categories" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "contact_records_user_idx" ON "contact_records" USING btree ("user_id","recorded_at");--> statement-breakpoint
CREATE INDEX "contact_records_staff_idx" ON "contact_records" USING btree ("staff_id","recorded_at");--> statement-breakpoint
CREATE INDEX "contact_records_source_idx" ON "contact_records" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "contact_records_recorded_idx" ON "contact_records" USING btree ("recorded_at");