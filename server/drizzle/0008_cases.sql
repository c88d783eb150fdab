CREATE TABLE "case_checklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level" text NOT NULL,
	"label" text NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_checklist_ticks" (
	"case_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"ticked_by" uuid NOT NULL,
	"ticked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_checklist_ticks_case_id_item_id_pk" PRIMARY KEY("case_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"note_enc" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_enc" text,
	"legal_basis" text NOT NULL,
	"emergency" boolean NOT NULL,
	"state" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "case_identities_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "case_key_period_reminders" (
	"case_id" uuid NOT NULL,
	"key_period_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_key_period_reminders_case_id_key_period_id_pk" PRIMARY KEY("case_id","key_period_id")
);
--> statement-breakpoint
CREATE TABLE "case_links" (
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"risk_level" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_links_case_id_kind_target_id_pk" PRIMARY KEY("case_id","kind","target_id")
);
--> statement-breakpoint
CREATE TABLE "case_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL,
	"feedback_enc" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_team_members" (
	"case_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_team_members_case_id_staff_id_pk" PRIMARY KEY("case_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "crisis_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigserial NOT NULL,
	"user_id" uuid,
	"subject_alias" text NOT NULL,
	"level" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"close_reason" text,
	"owner_id" uuid,
	"team_mode" text DEFAULT 'one_to_one' NOT NULL,
	"flags" text[] DEFAULT '{}' NOT NULL,
	"next_follow_up_on" date,
	"school_id" uuid,
	"area_id" uuid,
	"source_kind" text NOT NULL,
	"source_id" uuid,
	"phone_enc" text,
	"ownerless_since" timestamp with time zone,
	"ownerless_escalated_at" timestamp with time zone,
	"overdue_escalated_for" date,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "crisis_cases_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "key_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"remind_days_before" integer DEFAULT 3 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_institutions_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "school_emergency_plans" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"plan_text" text NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_checklist_ticks" ADD CONSTRAINT "case_checklist_ticks_case_id_crisis_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."crisis_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_checklist_ticks" ADD CONSTRAINT "case_checklist_ticks_item_id_case_checklist_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."case_checklist_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_checklist_ticks" ADD CONSTRAINT "case_checklist_ticks_ticked_by_staff_id_fk" FOREIGN KEY ("ticked_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_crisis_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."crisis_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_staff_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_identities" ADD CONSTRAINT "case_identities_case_id_crisis_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."crisis_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_identities" ADD CONSTRAINT "case_identities_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_identities" ADD CONSTRAINT "case_identities_reviewed_by_staff_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_key_period_reminders" ADD CONSTRAINT "case_key_period_reminders_case_id_crisis_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."crisis_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_key_period_reminders" ADD CONSTRAINT "case_key_period_reminders_key_period_id_key_periods_id_fk" FOREIGN KEY ("key_period_id") REFERENCES "public"."key_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_case_id_crisis_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."crisis_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_case_id_crisis_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."crisis_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_institution_id_referral_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."referral_institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_case_id_crisis_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."crisis_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_cases" ADD CONSTRAINT "crisis_cases_user_id_app_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_cases" ADD CONSTRAINT "crisis_cases_owner_id_staff_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_cases" ADD CONSTRAINT "crisis_cases_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_cases" ADD CONSTRAINT "crisis_cases_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_emergency_plans" ADD CONSTRAINT "school_emergency_plans_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_emergency_plans" ADD CONSTRAINT "school_emergency_plans_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_links_target_idx" ON "case_links" USING btree ("kind","target_id");--> statement-breakpoint
CREATE INDEX "case_referrals_case_idx" ON "case_referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_team_members_staff_idx" ON "case_team_members" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crisis_cases_one_open_per_user" ON "crisis_cases" USING btree ("user_id") WHERE status <> 'closed' AND user_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "crisis_cases_owner_idx" ON "crisis_cases" USING btree ("owner_id") WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX "crisis_cases_ownerless_idx" ON "crisis_cases" USING btree ("ownerless_since") WHERE owner_id IS NULL AND status <> 'closed';--> statement-breakpoint
CREATE INDEX "crisis_cases_follow_up_idx" ON "crisis_cases" USING btree ("next_follow_up_on") WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX "crisis_cases_opened_idx" ON "crisis_cases" USING btree ("opened_at");--> statement-breakpoint
INSERT INTO "referral_institutions" ("name", "kind", "phone", "address") VALUES
  ('渠县人民医院', 'hospital', '', '渠县'),
  ('达州市心理卫生中心', 'mental_health_centre', '', '达州市'),
  ('渠县中医医院心理科', 'clinic', '', '渠县'),
  ('达州市中心医院精神心理科', 'hospital', '', '达州市'),
  ('渠县未成年人救助保护中心', 'social_service', '', '渠县')
ON CONFLICT ("name") DO NOTHING;
--> statement-breakpoint
INSERT INTO "case_checklist_items" ("level", "label", "sort_order") VALUES
  ('crisis', '确认学生当前所在位置与是否安全', 10),
  ('crisis', '危险迫在眉睫时拨打 110 / 120', 20),
  ('crisis', '联系监护人并确认有人陪伴', 30),
  ('crisis', '通知学校并启动学校应急预案', 40),
  ('crisis', '报告督导与县心理中心', 50),
  ('crisis', '约定首次跟进时间', 60),
  ('warning', '评估自伤/自杀风险', 10),
  ('warning', '与学生共同制定安全计划', 20),
  ('warning', '视情况联系监护人或学校', 30),
  ('warning', '考虑转介医疗/精神卫生机构', 40),
  ('warning', '约定跟进时间', 50),
  ('attention', '约定跟进时间', 10),
  ('attention', '提供求助热线与资源信息', 20);
