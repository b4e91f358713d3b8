CREATE TABLE "retention_overrides" (
	"group_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"years" integer NOT NULL,
	"set_by_name" text NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "retention_overrides_group_id_kind_pk" PRIMARY KEY("group_id","kind")
);
--> statement-breakpoint
ALTER TABLE "retention_overrides" ADD CONSTRAINT "retention_overrides_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;