CREATE TABLE "agreement_policy_generation" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"generation" bigint NOT NULL
);
