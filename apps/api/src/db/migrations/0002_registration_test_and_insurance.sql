CREATE TABLE "provider_insurance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"type" text NOT NULL,
	"insurer" text NOT NULL,
	"level_pounds" bigint NOT NULL,
	"expires_on" date NOT NULL,
	"special_conditions" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "registration_full_time_pupils" integer;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "registration_full_time_lac_or_ehcp" integer;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "registration_checked_on" date;--> statement-breakpoint
ALTER TABLE "provider_insurance" ADD CONSTRAINT "provider_insurance_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_insurance" ADD CONSTRAINT "provider_insurance_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_insurance_provider_idx" ON "provider_insurance" USING btree ("provider_id");