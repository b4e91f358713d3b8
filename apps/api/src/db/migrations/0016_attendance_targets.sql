CREATE TABLE "attendance_interventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"opened_on" date NOT NULL,
	"attendance_percent_at_opening" integer NOT NULL,
	"action" text,
	"owner" text,
	"review_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text
);
--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "attendance_target_percent" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "attendance_interventions" ADD CONSTRAINT "attendance_interventions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_interventions" ADD CONSTRAINT "attendance_interventions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_interventions" ADD CONSTRAINT "attendance_interventions_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_interventions_placement_idx" ON "attendance_interventions" USING btree ("placement_id","status");