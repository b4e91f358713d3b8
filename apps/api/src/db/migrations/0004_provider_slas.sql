CREATE TABLE "provider_slas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"safeguarding" text NOT NULL,
	"data_sharing" text NOT NULL,
	"attendance_am_by" text NOT NULL,
	"attendance_pm_by" text NOT NULL,
	"attendance_method" text NOT NULL,
	"complaints" text NOT NULL,
	"escalation" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"signed_document_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "provider_slas" ADD CONSTRAINT "provider_slas_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_slas" ADD CONSTRAINT "provider_slas_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_slas" ADD CONSTRAINT "provider_slas_signed_document_id_provider_documents_id_fk" FOREIGN KEY ("signed_document_id") REFERENCES "public"."provider_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_slas_provider_idx" ON "provider_slas" USING btree ("provider_id","recorded_at");