CREATE TABLE "payment_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"out_trade_no" text NOT NULL,
	"purpose" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"amount_fen" integer NOT NULL,
	"status" text DEFAULT 'created' NOT NULL,
	"transaction_id" text,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_orders_out_trade_no_unique" UNIQUE("out_trade_no")
);
--> statement-breakpoint
CREATE TABLE "wechatpay_notification_nonces" (
	"nonce" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "payment_orders_subject_idx" ON "payment_orders" USING btree ("purpose","subject_id");--> statement-breakpoint
CREATE INDEX "payment_orders_unpaid_idx" ON "payment_orders" USING btree ("created_at") WHERE status = 'created';--> statement-breakpoint
CREATE INDEX "wechatpay_notification_nonces_received_idx" ON "wechatpay_notification_nonces" USING btree ("received_at");