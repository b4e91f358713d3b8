CREATE TABLE "safeguarding_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"headteacher_name" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"content" jsonb,
	"content_sha256" text,
	"signed_by" uuid,
	"signed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "safeguarding_letters" ADD CONSTRAINT "safeguarding_letters_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_letters" ADD CONSTRAINT "safeguarding_letters_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_letters" ADD CONSTRAINT "safeguarding_letters_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "safeguarding_letters_provider_idx" ON "safeguarding_letters" USING btree ("provider_id","requested_at");