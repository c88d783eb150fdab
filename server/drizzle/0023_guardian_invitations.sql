CREATE TABLE "guardian_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"child_user_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"guardian_user_id" uuid,
	"guardian_relation" text,
	"decided_at" timestamp with time zone,
	"consent_id" uuid,
	CONSTRAINT "guardian_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "method" text;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "guardian_user_id" uuid;--> statement-breakpoint
ALTER TABLE "guardian_invitations" ADD CONSTRAINT "guardian_invitations_child_user_id_app_users_id_fk" FOREIGN KEY ("child_user_id") REFERENCES "public"."app_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_invitations" ADD CONSTRAINT "guardian_invitations_guardian_user_id_app_users_id_fk" FOREIGN KEY ("guardian_user_id") REFERENCES "public"."app_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guardian_invitations_child_idx" ON "guardian_invitations" USING btree ("child_user_id","created_at");--> statement-breakpoint
UPDATE "consents" SET "method" = 'typed' WHERE "kind" = 'guardian';
