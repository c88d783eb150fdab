CREATE TABLE "sign_in_failures" (
	"username_hash" text NOT NULL,
	"client_key" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"slow_until" timestamp with time zone,
	CONSTRAINT "sign_in_failures_username_hash_client_key_pk" PRIMARY KEY("username_hash","client_key")
);
--> statement-breakpoint
CREATE INDEX "sign_in_failures_last_failure_idx" ON "sign_in_failures" USING btree ("last_failure_at");--> statement-breakpoint
ALTER TABLE "staff" DROP COLUMN "locked_until";