CREATE TABLE "voice_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"you_said" text NOT NULL,
	"we_did" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"respondent" text NOT NULL,
	"half_term" text NOT NULL,
	"expires_on" date NOT NULL,
	"token_hash" text,
	"link_issued_at" timestamp with time zone,
	"answers" jsonb,
	"with_staff" boolean DEFAULT false NOT NULL,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "voice_requests_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "voice_requests_once" UNIQUE("placement_id","half_term","respondent")
);
--> statement-breakpoint
ALTER TABLE "voice_changes" ADD CONSTRAINT "voice_changes_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_changes" ADD CONSTRAINT "voice_changes_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_requests" ADD CONSTRAINT "voice_requests_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_requests" ADD CONSTRAINT "voice_requests_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_requests" ADD CONSTRAINT "voice_requests_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_requests" ADD CONSTRAINT "voice_requests_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "voice_changes_placement_idx" ON "voice_changes" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "voice_requests_provider_idx" ON "voice_requests" USING btree ("provider_id","half_term");