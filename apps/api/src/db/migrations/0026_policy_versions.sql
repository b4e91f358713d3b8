CREATE TABLE "policy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"policy_number" text NOT NULL,
	"issue_number" text NOT NULL,
	"issued_on" date NOT NULL,
	"author" text NOT NULL,
	"approver" text NOT NULL,
	"next_review_on" date NOT NULL,
	"changes" text NOT NULL,
	"audit_template_version" integer NOT NULL,
	"qa_template_version" integer NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_versions_group_idx" ON "policy_versions" USING btree ("group_id","issued_on");