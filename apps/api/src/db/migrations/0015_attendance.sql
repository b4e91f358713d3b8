CREATE TABLE "attendance_mark_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mark_id" uuid NOT NULL,
	"mark" text NOT NULL,
	"reason" text,
	"code" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"why" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance_marks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"date" date NOT NULL,
	"session" text NOT NULL,
	"mark" text NOT NULL,
	"reason" text,
	"code" text NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attendance_marks_session_unique" UNIQUE("placement_id","date","session")
);
--> statement-breakpoint
CREATE TABLE "first_day_call_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"step" text NOT NULL,
	"by_name" text NOT NULL,
	"called" text DEFAULT '' NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"safe_and_well" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "first_day_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reason_found" text,
	"closing_note" text,
	"closed_by_name" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "first_day_calls_day_unique" UNIQUE("placement_id","date")
);
--> statement-breakpoint
ALTER TABLE "attendance_mark_history" ADD CONSTRAINT "attendance_mark_history_mark_id_attendance_marks_id_fk" FOREIGN KEY ("mark_id") REFERENCES "public"."attendance_marks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_day_call_log" ADD CONSTRAINT "first_day_call_log_call_id_first_day_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."first_day_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_day_calls" ADD CONSTRAINT "first_day_calls_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_day_calls" ADD CONSTRAINT "first_day_calls_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_day_calls" ADD CONSTRAINT "first_day_calls_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_day_calls" ADD CONSTRAINT "first_day_calls_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_mark_history_mark_idx" ON "attendance_mark_history" USING btree ("mark_id");--> statement-breakpoint
CREATE INDEX "attendance_marks_school_date_idx" ON "attendance_marks" USING btree ("school_id","date");--> statement-breakpoint
CREATE INDEX "attendance_marks_pupil_date_idx" ON "attendance_marks" USING btree ("pupil_id","date");--> statement-breakpoint
CREATE INDEX "first_day_call_log_call_idx" ON "first_day_call_log" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "first_day_calls_school_idx" ON "first_day_calls" USING btree ("school_id","status");