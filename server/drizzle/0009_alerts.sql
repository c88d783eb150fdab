CREATE TABLE "risk_alert_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alert_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"staff_id" uuid,
	"detail" integer,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"level" text NOT NULL,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"subject_alias" text NOT NULL,
	"user_id" uuid,
	"state" text DEFAULT 'new' NOT NULL,
	"nobody_on_duty" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"fanned_out_at" timestamp with time zone,
	"escalate_at" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	"webhook_due_at" timestamp with time zone,
	"webhook_attempts" integer DEFAULT 0 NOT NULL,
	"webhook_delivered_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"handled_at" timestamp with time zone,
	"handled_by" uuid,
	"outcome" text,
	"note_enc" text
);
--> statement-breakpoint
ALTER TABLE "risk_alert_steps" ADD CONSTRAINT "risk_alert_steps_alert_id_risk_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."risk_alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_alert_steps" ADD CONSTRAINT "risk_alert_steps_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_alerts" ADD CONSTRAINT "risk_alerts_acknowledged_by_staff_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_alerts" ADD CONSTRAINT "risk_alerts_handled_by_staff_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_alert_steps_alert_idx" ON "risk_alert_steps" USING btree ("alert_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_alerts_source_level_idx" ON "risk_alerts" USING btree ("source_kind","source_id","level");--> statement-breakpoint
CREATE INDEX "risk_alerts_open_idx" ON "risk_alerts" USING btree ("state","created_at") WHERE state <> 'handled';--> statement-breakpoint
CREATE INDEX "risk_alerts_escalate_idx" ON "risk_alerts" USING btree ("escalate_at") WHERE state = 'new' AND escalated_at IS NULL;--> statement-breakpoint
CREATE INDEX "risk_alerts_webhook_idx" ON "risk_alerts" USING btree ("webhook_due_at") WHERE webhook_due_at IS NOT NULL AND webhook_delivered_at IS NULL;--> statement-breakpoint
CREATE INDEX "risk_alerts_user_idx" ON "risk_alerts" USING btree ("user_id");