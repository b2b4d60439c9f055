import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_social_accounts_provider" AS ENUM('google', 'apple', 'facebook', 'github');
  CREATE TYPE "public"."enum_two_factor_challenges_purpose" AS ENUM('verify', 'enroll');
  CREATE TABLE "session_activity" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"sid" varchar NOT NULL,
  	"user_id" integer,
  	"user_agent" varchar,
  	"ip" varchar,
  	"last_seen_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "social_accounts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"provider" "enum_social_accounts_provider" NOT NULL,
  	"subject" varchar NOT NULL,
  	"email" varchar,
  	"last_used_at" timestamp(3) with time zone,
  	"password_marker" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "audit_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"type" varchar NOT NULL,
  	"user_id" integer,
  	"actor_id" integer,
  	"ip" varchar,
  	"user_agent" varchar,
  	"detail" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "two_factor_credentials" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"enabled_at" timestamp(3) with time zone,
  	"secret" varchar,
  	"pending_secret" varchar,
  	"pending_since" timestamp(3) with time zone,
  	"last_step" numeric,
  	"recovery_codes" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "two_factor_challenges" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"sid" varchar NOT NULL,
  	"user_id" integer NOT NULL,
  	"purpose" "enum_two_factor_challenges_purpose" NOT NULL,
  	"session_created_at" timestamp(3) with time zone NOT NULL,
  	"session_expires_at" timestamp(3) with time zone NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"attempts" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "two_factor_used_codes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"user_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "two_factor_devices" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"token_hash" varchar NOT NULL,
  	"label" varchar,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"last_used_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "session_activity_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "social_accounts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_events_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "two_factor_credentials_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "two_factor_challenges_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "two_factor_used_codes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "two_factor_devices_id" integer;
  ALTER TABLE "session_activity" ADD CONSTRAINT "session_activity_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "social_accounts" ADD CONSTRAINT "social_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "two_factor_credentials" ADD CONSTRAINT "two_factor_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "two_factor_challenges" ADD CONSTRAINT "two_factor_challenges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "two_factor_used_codes" ADD CONSTRAINT "two_factor_used_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "two_factor_devices" ADD CONSTRAINT "two_factor_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "session_activity_sid_idx" ON "session_activity" USING btree ("sid");
  CREATE INDEX "session_activity_user_idx" ON "session_activity" USING btree ("user_id");
  CREATE INDEX "session_activity_last_seen_at_idx" ON "session_activity" USING btree ("last_seen_at");
  CREATE INDEX "session_activity_updated_at_idx" ON "session_activity" USING btree ("updated_at");
  CREATE INDEX "session_activity_created_at_idx" ON "session_activity" USING btree ("created_at");
  CREATE INDEX "social_accounts_user_idx" ON "social_accounts" USING btree ("user_id");
  CREATE INDEX "social_accounts_updated_at_idx" ON "social_accounts" USING btree ("updated_at");
  CREATE INDEX "social_accounts_created_at_idx" ON "social_accounts" USING btree ("created_at");
  CREATE UNIQUE INDEX "provider_subject_idx" ON "social_accounts" USING btree ("provider","subject");
  CREATE INDEX "audit_events_type_idx" ON "audit_events" USING btree ("type");
  CREATE INDEX "audit_events_user_idx" ON "audit_events" USING btree ("user_id");
  CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id");
  CREATE INDEX "audit_events_updated_at_idx" ON "audit_events" USING btree ("updated_at");
  CREATE INDEX "audit_events_created_at_idx" ON "audit_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "two_factor_credentials_user_idx" ON "two_factor_credentials" USING btree ("user_id");
  CREATE INDEX "two_factor_credentials_updated_at_idx" ON "two_factor_credentials" USING btree ("updated_at");
  CREATE INDEX "two_factor_credentials_created_at_idx" ON "two_factor_credentials" USING btree ("created_at");
  CREATE UNIQUE INDEX "two_factor_challenges_sid_idx" ON "two_factor_challenges" USING btree ("sid");
  CREATE INDEX "two_factor_challenges_user_idx" ON "two_factor_challenges" USING btree ("user_id");
  CREATE INDEX "two_factor_challenges_updated_at_idx" ON "two_factor_challenges" USING btree ("updated_at");
  CREATE INDEX "two_factor_challenges_created_at_idx" ON "two_factor_challenges" USING btree ("created_at");
  CREATE UNIQUE INDEX "two_factor_used_codes_key_idx" ON "two_factor_used_codes" USING btree ("key");
  CREATE INDEX "two_factor_used_codes_user_idx" ON "two_factor_used_codes" USING btree ("user_id");
  CREATE INDEX "two_factor_used_codes_updated_at_idx" ON "two_factor_used_codes" USING btree ("updated_at");
  CREATE INDEX "two_factor_used_codes_created_at_idx" ON "two_factor_used_codes" USING btree ("created_at");
  CREATE INDEX "two_factor_devices_user_idx" ON "two_factor_devices" USING btree ("user_id");
  CREATE UNIQUE INDEX "two_factor_devices_token_hash_idx" ON "two_factor_devices" USING btree ("token_hash");
  CREATE INDEX "two_factor_devices_updated_at_idx" ON "two_factor_devices" USING btree ("updated_at");
  CREATE INDEX "two_factor_devices_created_at_idx" ON "two_factor_devices" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_session_activity_fk" FOREIGN KEY ("session_activity_id") REFERENCES "public"."session_activity"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_social_accounts_fk" FOREIGN KEY ("social_accounts_id") REFERENCES "public"."social_accounts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_events_fk" FOREIGN KEY ("audit_events_id") REFERENCES "public"."audit_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_two_factor_credentials_fk" FOREIGN KEY ("two_factor_credentials_id") REFERENCES "public"."two_factor_credentials"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_two_factor_challenges_fk" FOREIGN KEY ("two_factor_challenges_id") REFERENCES "public"."two_factor_challenges"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_two_factor_used_codes_fk" FOREIGN KEY ("two_factor_used_codes_id") REFERENCES "public"."two_factor_used_codes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_two_factor_devices_fk" FOREIGN KEY ("two_factor_devices_id") REFERENCES "public"."two_factor_devices"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_session_activity_id_idx" ON "payload_locked_documents_rels" USING btree ("session_activity_id");
  CREATE INDEX "payload_locked_documents_rels_social_accounts_id_idx" ON "payload_locked_documents_rels" USING btree ("social_accounts_id");
  CREATE INDEX "payload_locked_documents_rels_audit_events_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_events_id");
  CREATE INDEX "payload_locked_documents_rels_two_factor_credentials_id_idx" ON "payload_locked_documents_rels" USING btree ("two_factor_credentials_id");
  CREATE INDEX "payload_locked_documents_rels_two_factor_challenges_id_idx" ON "payload_locked_documents_rels" USING btree ("two_factor_challenges_id");
  CREATE INDEX "payload_locked_documents_rels_two_factor_used_codes_id_idx" ON "payload_locked_documents_rels" USING btree ("two_factor_used_codes_id");
  CREATE INDEX "payload_locked_documents_rels_two_factor_devices_id_idx" ON "payload_locked_documents_rels" USING btree ("two_factor_devices_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "session_activity" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "social_accounts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "audit_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "two_factor_credentials" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "two_factor_challenges" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "two_factor_used_codes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "two_factor_devices" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "session_activity" CASCADE;
  DROP TABLE "social_accounts" CASCADE;
  DROP TABLE "audit_events" CASCADE;
  DROP TABLE "two_factor_credentials" CASCADE;
  DROP TABLE "two_factor_challenges" CASCADE;
  DROP TABLE "two_factor_used_codes" CASCADE;
  DROP TABLE "two_factor_devices" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_session_activity_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_social_accounts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_audit_events_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_two_factor_credentials_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_two_factor_challenges_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_two_factor_used_codes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_two_factor_devices_fk";
  
  DROP INDEX "payload_locked_documents_rels_session_activity_id_idx";
  DROP INDEX "payload_locked_documents_rels_social_accounts_id_idx";
  DROP INDEX "payload_locked_documents_rels_audit_events_id_idx";
  DROP INDEX "payload_locked_documents_rels_two_factor_credentials_id_idx";
  DROP INDEX "payload_locked_documents_rels_two_factor_challenges_id_idx";
  DROP INDEX "payload_locked_documents_rels_two_factor_used_codes_id_idx";
  DROP INDEX "payload_locked_documents_rels_two_factor_devices_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "session_activity_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "social_accounts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_events_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "two_factor_credentials_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "two_factor_challenges_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "two_factor_used_codes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "two_factor_devices_id";
  DROP TYPE "public"."enum_social_accounts_provider";
  DROP TYPE "public"."enum_two_factor_challenges_purpose";`)
}
