CREATE TABLE "placement_destinations" (
	"placement_id" uuid PRIMARY KEY NOT NULL,
	"destination_year_starts" integer NOT NULL,
	"months" jsonb NOT NULL,
	"outcome" text,
	"description" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"academic_year" text NOT NULL,
	"half_term" text NOT NULL,
	"due_on" date NOT NULL,
	"completed_on" date,
	"completed_by" uuid,
	"progress" jsonb,
	"attendance_percent" integer,
	"behaviour" text,
	"pupil_view" text,
	"parent_view" text,
	"decision" text,
	"material_change" boolean,
	"ehcp_review_required" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'referral' NOT NULL,
	"reason" text NOT NULL,
	"starts_on" date,
	"planned_end_on" date,
	"agreement" jsonb,
	"objectives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reintegration_targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"induction" text DEFAULT '' NOT NULL,
	"sessions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cost_pence" integer,
	"cost_per" text,
	"funding" text DEFAULT '' NOT NULL,
	"maximum_days" integer,
	"notice_given_on" date,
	"la_informed_on" date,
	"la_informed_how" text,
	"ended_on" date,
	"end_reason" text,
	"outcome" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pupils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"upn" text NOT NULL,
	"uln" text,
	"legal_first_name" text NOT NULL,
	"legal_last_name" text NOT NULL,
	"preferred_name" text,
	"date_of_birth" date NOT NULL,
	"sex" text NOT NULL,
	"sen_status" text NOT NULL,
	"ehcp_local_authority" text,
	"ehcp_annual_review_on" date,
	"looked_after" boolean DEFAULT false NOT NULL,
	"virtual_school_contact" text,
	"parents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "placement_destinations" ADD CONSTRAINT "placement_destinations_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_reviews" ADD CONSTRAINT "placement_reviews_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupils" ADD CONSTRAINT "pupils_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupils" ADD CONSTRAINT "pupils_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placement_reviews_placement_idx" ON "placement_reviews" USING btree ("placement_id","due_on");--> statement-breakpoint
CREATE INDEX "placements_school_idx" ON "placements" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "placements_provider_idx" ON "placements" USING btree ("provider_id","status");--> statement-breakpoint
CREATE INDEX "placements_pupil_idx" ON "placements" USING btree ("pupil_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pupils_school_upn_unique" ON "pupils" USING btree ("school_id","upn");--> statement-breakpoint
CREATE INDEX "pupils_group_idx" ON "pupils" USING btree ("group_id");