CREATE TABLE "attendance_month_counts" (
	"placement_id" uuid NOT NULL,
	"month" date NOT NULL,
	"code" text NOT NULL,
	"group_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "attendance_month_counts_placement_id_month_code_pk" PRIMARY KEY("placement_id","month","code")
);
--> statement-breakpoint
ALTER TABLE "attendance_month_counts" ADD CONSTRAINT "attendance_month_counts_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_month_counts" ADD CONSTRAINT "attendance_month_counts_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_month_counts" ADD CONSTRAINT "attendance_month_counts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_month_counts" ADD CONSTRAINT "attendance_month_counts_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_month_counts_school_month_idx" ON "attendance_month_counts" USING btree ("school_id","month");--> statement-breakpoint
CREATE INDEX "attendance_month_counts_group_month_idx" ON "attendance_month_counts" USING btree ("group_id","month");--> statement-breakpoint
-- The counts follow the marks inside the statement that changes them: one set-based upsert per
-- statement (a 40-pupil register is one insert), in key order so that two registers of the same
-- placements at once take their row locks in the same order. A count that falls to zero is removed.
CREATE FUNCTION "attendance_month_counts_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "attendance_month_counts" AS kept
      ("placement_id", "month", "code", "group_id", "school_id", "provider_id", "count")
    SELECT "placement_id", date_trunc('month', "date")::date, "code", "group_id", "school_id", "provider_id", -count(*)
    FROM "old_marks"
    GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY 1, 2, 3
    ON CONFLICT ("placement_id", "month", "code") DO UPDATE SET "count" = kept."count" + excluded."count";
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO "attendance_month_counts" AS kept
      ("placement_id", "month", "code", "group_id", "school_id", "provider_id", "count")
    SELECT "placement_id", date_trunc('month', "date")::date, "code", "group_id", "school_id", "provider_id", count(*)
    FROM "new_marks"
    GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY 1, 2, 3
    ON CONFLICT ("placement_id", "month", "code") DO UPDATE SET "count" = kept."count" + excluded."count";
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "attendance_month_counts" kept
    USING (SELECT DISTINCT "placement_id", date_trunc('month', "date")::date AS "month", "code" FROM "old_marks") touched
    WHERE kept."placement_id" = touched."placement_id" AND kept."month" = touched."month"
      AND kept."code" = touched."code" AND kept."count" = 0;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "attendance_marks_counted_on_insert" AFTER INSERT ON "attendance_marks"
  REFERENCING NEW TABLE AS "new_marks" FOR EACH STATEMENT EXECUTE FUNCTION "attendance_month_counts_follow"();
--> statement-breakpoint
CREATE TRIGGER "attendance_marks_counted_on_update" AFTER UPDATE ON "attendance_marks"
  REFERENCING OLD TABLE AS "old_marks" NEW TABLE AS "new_marks" FOR EACH STATEMENT EXECUTE FUNCTION "attendance_month_counts_follow"();
--> statement-breakpoint
CREATE TRIGGER "attendance_marks_counted_on_delete" AFTER DELETE ON "attendance_marks"
  REFERENCING OLD TABLE AS "old_marks" FOR EACH STATEMENT EXECUTE FUNCTION "attendance_month_counts_follow"();
--> statement-breakpoint
INSERT INTO "attendance_month_counts" ("placement_id", "month", "code", "group_id", "school_id", "provider_id", "count")
SELECT "placement_id", date_trunc('month', "date")::date, "code", "group_id", "school_id", "provider_id", count(*)
FROM "attendance_marks"
GROUP BY 1, 2, 3, 4, 5, 6;
