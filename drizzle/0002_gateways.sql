CREATE TABLE "gateway" (
	"version" integer NOT NULL,
	"id" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"citation" text NOT NULL,
	"permits" text NOT NULL,
	"organisation_types" text[] NOT NULL,
	"sources" text[] NOT NULL,
	"wording_checked" boolean NOT NULL,
	CONSTRAINT "gateway_version_id_pk" PRIMARY KEY("version","id")
);
--> statement-breakpoint
CREATE TABLE "gateway_catalogue_version" (
	"version" integer PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"note" text NOT NULL,
	"row_count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gateway" ADD CONSTRAINT "gateway_version_gateway_catalogue_version_version_fk" FOREIGN KEY ("version") REFERENCES "public"."gateway_catalogue_version"("version") ON DELETE no action ON UPDATE no action;