CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"learning" text NOT NULL,
	"attendance_and_behaviour" text NOT NULL,
	"wellbeing" text DEFAULT '' NOT NULL,
	"next_steps" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_by_name" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"idempotency_key" text
);
--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_reports_placement_idx" ON "progress_reports" USING btree ("placement_id","reported_on");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reports_idempotency_unique" ON "progress_reports" USING btree ("submitted_by","idempotency_key");