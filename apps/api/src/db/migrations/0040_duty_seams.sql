CREATE TABLE "census_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"academic_year" text NOT NULL,
	"term" text NOT NULL,
	"kind" text NOT NULL,
	"placements" integer NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"confirmed_by_name" text NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "reduced_timetable" jsonb;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "referral_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "referral_sent_by" uuid;--> statement-breakpoint
ALTER TABLE "pupils" ADD COLUMN "left_on" date;--> statement-breakpoint
ALTER TABLE "pupils" ADD COLUMN "leaving_reason" text;--> statement-breakpoint
ALTER TABLE "pupils" ADD COLUMN "leaving_note" text;--> statement-breakpoint
ALTER TABLE "census_returns" ADD CONSTRAINT "census_returns_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_returns" ADD CONSTRAINT "census_returns_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "census_returns_school_census_unique" ON "census_returns" USING btree ("school_id","academic_year","term");