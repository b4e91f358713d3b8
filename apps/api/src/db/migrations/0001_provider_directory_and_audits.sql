CREATE TABLE "audit_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"template" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"notes" text DEFAULT '' NOT NULL,
	CONSTRAINT "audit_templates_group_version" UNIQUE("group_id","version")
);
--> statement-breakpoint
CREATE TABLE "provider_audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"auditor_name" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid
);
--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "setting_type" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "address_line1" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "address_line2" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "town" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "postcode" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "telephone" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "key_contact_name" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "key_contact_role" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "dfe_number" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "urn" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "ukprn" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "aala_licence" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "ofsted_grade" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "ofsted_report_date" date;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "on_la_framework" boolean;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "dsl_name" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "dsl_training_details" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "dsl_trained_on" date;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "deputy_dsl_name" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "deputy_dsl_training_details" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "deputy_dsl_trained_on" date;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_templates" ADD CONSTRAINT "audit_templates_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_audits" ADD CONSTRAINT "provider_audits_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_audits" ADD CONSTRAINT "provider_audits_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_audits" ADD CONSTRAINT "provider_audits_template_id_audit_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."audit_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_audits_provider_idx" ON "provider_audits" USING btree ("provider_id","created_at");