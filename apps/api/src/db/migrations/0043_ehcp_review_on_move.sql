ALTER TABLE "placements" ADD COLUMN "ehcp_review_on_move" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "ehcp_review_on_move_arranged_on" date;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "ehcp_review_on_move_note" text;