ALTER TABLE "placement_reviews" ADD COLUMN "ehcp_review_arranged_on" date;--> statement-breakpoint
ALTER TABLE "placement_reviews" ADD COLUMN "ehcp_review_note" text;