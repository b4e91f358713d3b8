CREATE TABLE "placement_term_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"previous_sessions" jsonb NOT NULL,
	"previous_cost_pence" integer,
	"previous_cost_per" text,
	"previous_attendance_target_percent" integer NOT NULL,
	"reason" text NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"ehcp_review_required" boolean DEFAULT false NOT NULL,
	"ehcp_review_arranged_on" date,
	"ehcp_review_note" text
);
--> statement-breakpoint
ALTER TABLE "placement_term_changes" ADD CONSTRAINT "placement_term_changes_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placement_term_changes_placement_idx" ON "placement_term_changes" USING btree ("placement_id","effective_from");