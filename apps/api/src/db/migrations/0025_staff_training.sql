CREATE TABLE "ap_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"placement_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"course" text NOT NULL,
	"training_provider" text NOT NULL,
	"completed_on" date NOT NULL,
	"topics" jsonb NOT NULL,
	"expires_on" date,
	"certificate_file_id" uuid,
	"certificate_filename" text,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"needs" text NOT NULL,
	"plan" text NOT NULL,
	"reviewed_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ap_staff" ADD CONSTRAINT "ap_staff_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ap_staff" ADD CONSTRAINT "ap_staff_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_staff_id_ap_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."ap_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_certificate_file_id_stored_files_id_fk" FOREIGN KEY ("certificate_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_reviews" ADD CONSTRAINT "training_reviews_staff_id_ap_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."ap_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ap_staff_school_idx" ON "ap_staff" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "training_records_staff_idx" ON "training_records" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "training_reviews_staff_idx" ON "training_reviews" USING btree ("staff_id");