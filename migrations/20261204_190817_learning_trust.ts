import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_licence_verifications_status" AS ENUM('submitted', 'approved', 'rejected', 'withdrawn');
  CREATE TYPE "public"."enum_licence_verifications_previous_status" AS ENUM('unverified', 'pending', 'verified', 'rejected', 'expired', 'revoked');
  CREATE TYPE "public"."enum_licence_verifications_provider_check_result" AS ENUM('started', 'clear', 'consider', 'rejected', 'error');
  CREATE TYPE "public"."enum_reports_target_type" AS ENUM('posts', 'comments', 'messages', 'users');
  CREATE TYPE "public"."enum_reports_reason" AS ENUM('spam', 'misinformation', 'patient-privacy', 'harassment', 'undisclosed-promotion', 'other');
  CREATE TYPE "public"."enum_reports_status" AS ENUM('open', 'dismissed', 'actioned');
  CREATE TYPE "public"."enum_courses_level" AS ENUM('introductory', 'intermediate', 'advanced');
  CREATE TYPE "public"."enum_courses_pricing" AS ENUM('free', 'premium', 'paid');
  CREATE TYPE "public"."enum_courses_completion_rule" AS ENUM('required', 'percent');
  CREATE TYPE "public"."enum_courses_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__courses_v_version_level" AS ENUM('introductory', 'intermediate', 'advanced');
  CREATE TYPE "public"."enum__courses_v_version_pricing" AS ENUM('free', 'premium', 'paid');
  CREATE TYPE "public"."enum__courses_v_version_completion_rule" AS ENUM('required', 'percent');
  CREATE TYPE "public"."enum__courses_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_lessons_kind" AS ENUM('video', 'document', 'text', 'quiz', 'scorm', 'lti', 'live');
  CREATE TYPE "public"."enum_enrollments_status" AS ENUM('active', 'completed', 'cancelled');
  CREATE TYPE "public"."enum_enrollments_source" AS ENUM('free', 'premium', 'entitlement', 'staff');
  CREATE TYPE "public"."enum_course_entitlements_source" AS ENUM('staff', 'purchase');
  CREATE TYPE "public"."enum_lesson_progress_status" AS ENUM('started', 'completed');
  CREATE TYPE "public"."enum_live_sessions_state" AS ENUM('scheduled', 'ended', 'cancelled');
  CREATE TYPE "public"."enum_live_questions_status" AS ENUM('open', 'answered', 'hidden');
  CREATE TYPE "public"."enum_live_polls_status" AS ENUM('open', 'closed');
  CREATE TYPE "public"."enum_quizzes_review_policy" AS ENUM('never', 'after-submit', 'after-pass');
  CREATE TYPE "public"."enum_quiz_questions_kind" AS ENUM('single', 'multiple', 'true-false', 'numeric');
  CREATE TYPE "public"."enum_quiz_attempts_status" AS ENUM('open', 'submitted');
  CREATE TYPE "public"."enum_scorm_packages_standard" AS ENUM('scorm12', 'scorm2004');
  CREATE TYPE "public"."enum_scorm_packages_storage" AS ENUM('local', 's3');
  ALTER TYPE "public"."enum_notifications_type" ADD VALUE 'certificate';
  ALTER TYPE "public"."enum_notifications_type" ADD VALUE 'verification';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'liveSessionReminders' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'verificationExpiry' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'identityCheckStart' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'liveSessionReminders' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'verificationExpiry' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'identityCheckStart' BEFORE 'schedulePublish';
  CREATE TABLE "licence_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"owner_id" integer NOT NULL,
  	"prefix" varchar DEFAULT 'licence-documents',
  	"_objectkey" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "licence_verifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"licence_number" varchar NOT NULL,
  	"jurisdiction" varchar NOT NULL,
  	"document_id" integer NOT NULL,
  	"status" "enum_licence_verifications_status" DEFAULT 'submitted' NOT NULL,
  	"submitted_at" timestamp(3) with time zone NOT NULL,
  	"reviewer_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"reason" varchar,
  	"expires_at" timestamp(3) with time zone,
  	"previous_status" "enum_licence_verifications_previous_status",
  	"provider_check_provider" varchar,
  	"provider_check_reference" varchar,
  	"provider_check_result" "enum_licence_verifications_provider_check_result",
  	"provider_check_checked_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "identity_check_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"provider" varchar NOT NULL,
  	"event_id" varchar NOT NULL,
  	"type" varchar,
  	"verification_id" integer,
  	"result" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"target_type" "enum_reports_target_type" NOT NULL,
  	"target_id" numeric NOT NULL,
  	"reason" "enum_reports_reason" NOT NULL,
  	"note" varchar,
  	"status" "enum_reports_status" DEFAULT 'open' NOT NULL,
  	"resolution" varchar,
  	"reporter_id" integer,
  	"target_author_id" integer,
  	"weight" numeric,
  	"reporter_trust" numeric,
  	"open_slot" numeric,
  	"resolved_by_id" integer,
  	"resolved_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "courses" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"summary" varchar,
  	"description" jsonb,
  	"cover_id" integer,
  	"specialty_id" integer,
  	"level" "enum_courses_level" DEFAULT 'intermediate',
  	"duration_minutes" numeric,
  	"credit_hours" numeric,
  	"pricing" "enum_courses_pricing" DEFAULT 'free',
  	"price_amount" numeric,
  	"price_currency" varchar DEFAULT 'usd',
  	"completion_rule" "enum_courses_completion_rule" DEFAULT 'required',
  	"completion_percent" numeric DEFAULT 100,
  	"certificate_enabled" boolean DEFAULT true,
  	"certificate_validity_months" numeric DEFAULT 0,
  	"enrollment_count" numeric DEFAULT 0,
  	"featured" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_courses_status" DEFAULT 'draft',
  	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(summary, '')), 'B')) STORED
  );
  
  CREATE TABLE "courses_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "courses_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"courses_id" integer
  );
  
  CREATE TABLE "_courses_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_summary" varchar,
  	"version_description" jsonb,
  	"version_cover_id" integer,
  	"version_specialty_id" integer,
  	"version_level" "enum__courses_v_version_level" DEFAULT 'intermediate',
  	"version_duration_minutes" numeric,
  	"version_credit_hours" numeric,
  	"version_pricing" "enum__courses_v_version_pricing" DEFAULT 'free',
  	"version_price_amount" numeric,
  	"version_price_currency" varchar DEFAULT 'usd',
  	"version_completion_rule" "enum__courses_v_version_completion_rule" DEFAULT 'required',
  	"version_completion_percent" numeric DEFAULT 100,
  	"version_certificate_enabled" boolean DEFAULT true,
  	"version_certificate_validity_months" numeric DEFAULT 0,
  	"version_enrollment_count" numeric DEFAULT 0,
  	"version_featured" boolean DEFAULT false,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__courses_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_courses_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_courses_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"courses_id" integer
  );
  
  CREATE TABLE "course_modules" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"course_id" integer NOT NULL,
  	"title" varchar NOT NULL,
  	"summary" varchar,
  	"order" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "lessons" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"module_id" integer NOT NULL,
  	"course_id" integer,
  	"title" varchar NOT NULL,
  	"order" numeric DEFAULT 0 NOT NULL,
  	"kind" "enum_lessons_kind" DEFAULT 'text' NOT NULL,
  	"summary" varchar,
  	"weight" numeric DEFAULT 1,
  	"required" boolean DEFAULT true,
  	"preview" boolean DEFAULT false,
  	"estimated_minutes" numeric,
  	"release_at" timestamp(3) with time zone,
  	"release_after_days" numeric,
  	"video_file_id" integer,
  	"video_url" varchar,
  	"video_duration_seconds" numeric,
  	"document_file_id" integer,
  	"document_page_count" numeric,
  	"body" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "enrollments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"course_id" integer NOT NULL,
  	"status" "enum_enrollments_status" DEFAULT 'active' NOT NULL,
  	"source" "enum_enrollments_source" DEFAULT 'staff' NOT NULL,
  	"enrolled_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone,
  	"progress" numeric DEFAULT 0,
  	"last_lesson_id" integer,
  	"last_activity_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "course_entitlements" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"course_id" integer NOT NULL,
  	"source" "enum_course_entitlements_source" DEFAULT 'staff' NOT NULL,
  	"reference" varchar,
  	"expires_at" timestamp(3) with time zone,
  	"revoked_at" timestamp(3) with time zone,
  	"note" varchar,
  	"granted_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "lesson_progress" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"lesson_id" integer NOT NULL,
  	"course_id" integer NOT NULL,
  	"status" "enum_lesson_progress_status" DEFAULT 'started' NOT NULL,
  	"fraction" numeric DEFAULT 0,
  	"score" numeric,
  	"position" numeric,
  	"detail" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "lesson_media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"owner_id" integer,
  	"prefix" varchar DEFAULT 'lesson-media',
  	"_objectkey" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "live_sessions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"course_id" integer,
  	"lesson_id" integer,
  	"starts_at" timestamp(3) with time zone NOT NULL,
  	"ends_at" timestamp(3) with time zone NOT NULL,
  	"timezone" varchar,
  	"join_url" varchar NOT NULL,
  	"capacity" numeric,
  	"state" "enum_live_sessions_state" DEFAULT 'scheduled' NOT NULL,
  	"registered_count" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "live_sessions_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "live_registrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"session_id" integer NOT NULL,
  	"user_id" integer NOT NULL,
  	"attended_at" timestamp(3) with time zone,
  	"reminded_day_at" timestamp(3) with time zone,
  	"reminded_soon_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "live_questions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"session_id" integer NOT NULL,
  	"author_id" integer NOT NULL,
  	"body" varchar NOT NULL,
  	"status" "enum_live_questions_status" DEFAULT 'open' NOT NULL,
  	"answer" varchar,
  	"answered_by_id" integer,
  	"answered_at" timestamp(3) with time zone,
  	"upvotes" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "live_question_votes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"question_id" integer NOT NULL,
  	"user_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "live_polls_options" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL
  );
  
  CREATE TABLE "live_polls" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"session_id" integer NOT NULL,
  	"question" varchar NOT NULL,
  	"status" "enum_live_polls_status" DEFAULT 'open' NOT NULL,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "live_poll_votes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"poll_id" integer NOT NULL,
  	"user_id" integer NOT NULL,
  	"option" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "certificates" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"user_id" integer NOT NULL,
  	"course_id" integer NOT NULL,
  	"enrollment_id" integer NOT NULL,
  	"learner_name" varchar NOT NULL,
  	"course_title" varchar NOT NULL,
  	"credit_hours" numeric,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"issued_at" timestamp(3) with time zone NOT NULL,
  	"expires_at" timestamp(3) with time zone,
  	"revoked_reason" varchar,
  	"revoked_at" timestamp(3) with time zone,
  	"revoked_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "quizzes_draws" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"bank_id" integer NOT NULL,
  	"count" numeric DEFAULT 1 NOT NULL
  );
  
  CREATE TABLE "quizzes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"lesson_id" integer NOT NULL,
  	"course_id" integer,
  	"title" varchar NOT NULL,
  	"instructions" varchar,
  	"pass_mark" numeric DEFAULT 70 NOT NULL,
  	"time_limit_seconds" numeric,
  	"attempt_limit" numeric,
  	"review_policy" "enum_quizzes_review_policy" DEFAULT 'after-submit' NOT NULL,
  	"shuffle_options" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "quizzes_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"quiz_questions_id" integer
  );
  
  CREATE TABLE "quiz_questions_options" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"correct" boolean DEFAULT false
  );
  
  CREATE TABLE "quiz_questions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"course_id" integer NOT NULL,
  	"bank_id" integer,
  	"kind" "enum_quiz_questions_kind" DEFAULT 'single' NOT NULL,
  	"prompt" varchar NOT NULL,
  	"details" jsonb,
  	"points" numeric DEFAULT 1 NOT NULL,
  	"partial_credit" boolean DEFAULT false,
  	"numeric_value" numeric,
  	"numeric_tolerance" numeric DEFAULT 0,
  	"numeric_unit" varchar,
  	"explanation" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "question_banks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"course_id" integer NOT NULL,
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "quiz_attempts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"quiz_id" integer NOT NULL,
  	"lesson_id" integer NOT NULL,
  	"course_id" integer NOT NULL,
  	"number" numeric NOT NULL,
  	"status" "enum_quiz_attempts_status" DEFAULT 'open' NOT NULL,
  	"started_at" timestamp(3) with time zone NOT NULL,
  	"deadline" timestamp(3) with time zone,
  	"submitted_at" timestamp(3) with time zone,
  	"late" boolean DEFAULT false,
  	"questions" jsonb,
  	"answers" jsonb,
  	"answers_saved_at" timestamp(3) with time zone,
  	"score" numeric,
  	"points" numeric,
  	"max_points" numeric,
  	"passed" boolean,
  	"grading" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "scorm_packages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"lesson_id" integer NOT NULL,
  	"course_id" integer,
  	"title" varchar,
  	"standard" "enum_scorm_packages_standard",
  	"schema_version" varchar,
  	"sco_count" numeric,
  	"manifest_identifier" varchar,
  	"items" jsonb,
  	"scos" jsonb,
  	"file_count" numeric,
  	"unpacked_bytes" numeric,
  	"storage" "enum_scorm_packages_storage",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "scorm_runtime" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"package_id" integer NOT NULL,
  	"lesson_id" integer NOT NULL,
  	"course_id" integer NOT NULL,
  	"sco" varchar NOT NULL,
  	"standard" varchar NOT NULL,
  	"lesson_status" varchar,
  	"completion_status" varchar,
  	"success_status" varchar,
  	"score_raw" numeric,
  	"score_min" numeric,
  	"score_max" numeric,
  	"score_scaled" numeric,
  	"progress_measure" numeric,
  	"location" varchar,
  	"suspend_data" varchar,
  	"exit" varchar,
  	"total_seconds" numeric DEFAULT 0,
  	"prior_seconds" numeric DEFAULT 0,
  	"session_seconds" numeric DEFAULT 0,
  	"session_id" varchar,
  	"cmi" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "moderation_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"reports_hide_score" numeric DEFAULT 3 NOT NULL,
  	"reports_min_reporters" numeric DEFAULT 2 NOT NULL,
  	"reports_weights_level0" numeric DEFAULT 0.5 NOT NULL,
  	"reports_weights_level1" numeric DEFAULT 1 NOT NULL,
  	"reports_weights_level2" numeric DEFAULT 1 NOT NULL,
  	"reports_weights_level3" numeric DEFAULT 1.5 NOT NULL,
  	"reports_weights_level4" numeric DEFAULT 3 NOT NULL,
  	"trust_basic_min_age_days" numeric DEFAULT 1 NOT NULL,
  	"trust_member_min_age_days" numeric DEFAULT 15 NOT NULL,
  	"trust_member_min_points" numeric DEFAULT 100 NOT NULL,
  	"trust_regular_min_age_days" numeric DEFAULT 60 NOT NULL,
  	"trust_regular_min_points" numeric DEFAULT 500 NOT NULL,
  	"trust_upheld_reports_for_new" numeric DEFAULT 2 NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_user_id_users_id_fk";
  
  ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_actor_id_users_id_fk";
  
  ALTER TABLE "users" ADD COLUMN "verified_until" timestamp(3) with time zone;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_in_app_certificate" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_in_app_verification" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_email_certificate" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_email_verification" boolean DEFAULT true;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "licence_documents_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "licence_verifications_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "identity_check_events_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reports_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "courses_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "course_modules_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "lessons_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "enrollments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "course_entitlements_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "lesson_progress_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "lesson_media_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "live_sessions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "live_registrations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "live_questions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "live_question_votes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "live_polls_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "live_poll_votes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "certificates_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "quizzes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "quiz_questions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "question_banks_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "quiz_attempts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "scorm_packages_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "scorm_runtime_id" integer;
  ALTER TABLE "licence_documents" ADD CONSTRAINT "licence_documents_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licence_verifications" ADD CONSTRAINT "licence_verifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licence_verifications" ADD CONSTRAINT "licence_verifications_document_id_licence_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."licence_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licence_verifications" ADD CONSTRAINT "licence_verifications_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "identity_check_events" ADD CONSTRAINT "identity_check_events_verification_id_licence_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."licence_verifications"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reports" ADD CONSTRAINT "reports_target_author_id_users_id_fk" FOREIGN KEY ("target_author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reports" ADD CONSTRAINT "reports_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "courses" ADD CONSTRAINT "courses_cover_id_media_id_fk" FOREIGN KEY ("cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "courses" ADD CONSTRAINT "courses_specialty_id_specialties_id_fk" FOREIGN KEY ("specialty_id") REFERENCES "public"."specialties"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "courses_texts" ADD CONSTRAINT "courses_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_rels" ADD CONSTRAINT "courses_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_rels" ADD CONSTRAINT "courses_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_rels" ADD CONSTRAINT "courses_rels_courses_fk" FOREIGN KEY ("courses_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v" ADD CONSTRAINT "_courses_v_parent_id_courses_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_courses_v" ADD CONSTRAINT "_courses_v_version_cover_id_media_id_fk" FOREIGN KEY ("version_cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_courses_v" ADD CONSTRAINT "_courses_v_version_specialty_id_specialties_id_fk" FOREIGN KEY ("version_specialty_id") REFERENCES "public"."specialties"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_courses_v_texts" ADD CONSTRAINT "_courses_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_courses_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_rels" ADD CONSTRAINT "_courses_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_courses_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_rels" ADD CONSTRAINT "_courses_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_rels" ADD CONSTRAINT "_courses_v_rels_courses_fk" FOREIGN KEY ("courses_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "course_modules" ADD CONSTRAINT "course_modules_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lessons" ADD CONSTRAINT "lessons_module_id_course_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."course_modules"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lessons" ADD CONSTRAINT "lessons_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lessons" ADD CONSTRAINT "lessons_video_file_id_lesson_media_id_fk" FOREIGN KEY ("video_file_id") REFERENCES "public"."lesson_media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lessons" ADD CONSTRAINT "lessons_document_file_id_lesson_media_id_fk" FOREIGN KEY ("document_file_id") REFERENCES "public"."lesson_media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_last_lesson_id_lessons_id_fk" FOREIGN KEY ("last_lesson_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "course_entitlements" ADD CONSTRAINT "course_entitlements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "course_entitlements" ADD CONSTRAINT "course_entitlements_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "course_entitlements" ADD CONSTRAINT "course_entitlements_granted_by_id_users_id_fk" FOREIGN KEY ("granted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lesson_media" ADD CONSTRAINT "lesson_media_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_sessions" ADD CONSTRAINT "live_sessions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_sessions" ADD CONSTRAINT "live_sessions_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_sessions_rels" ADD CONSTRAINT "live_sessions_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "live_sessions_rels" ADD CONSTRAINT "live_sessions_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "live_registrations" ADD CONSTRAINT "live_registrations_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_registrations" ADD CONSTRAINT "live_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_questions" ADD CONSTRAINT "live_questions_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_questions" ADD CONSTRAINT "live_questions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_questions" ADD CONSTRAINT "live_questions_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_question_votes" ADD CONSTRAINT "live_question_votes_question_id_live_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."live_questions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_question_votes" ADD CONSTRAINT "live_question_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_polls_options" ADD CONSTRAINT "live_polls_options_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."live_polls"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "live_polls" ADD CONSTRAINT "live_polls_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_polls" ADD CONSTRAINT "live_polls_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_poll_votes" ADD CONSTRAINT "live_poll_votes_poll_id_live_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."live_polls"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "live_poll_votes" ADD CONSTRAINT "live_poll_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "certificates" ADD CONSTRAINT "certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "certificates" ADD CONSTRAINT "certificates_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "certificates" ADD CONSTRAINT "certificates_revoked_by_id_users_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "quizzes_draws" ADD CONSTRAINT "quizzes_draws_bank_id_question_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."question_banks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "quizzes_draws" ADD CONSTRAINT "quizzes_draws_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."quizzes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "quizzes" ADD CONSTRAINT "quizzes_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "quizzes" ADD CONSTRAINT "quizzes_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "quizzes_rels" ADD CONSTRAINT "quizzes_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."quizzes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "quizzes_rels" ADD CONSTRAINT "quizzes_rels_quiz_questions_fk" FOREIGN KEY ("quiz_questions_id") REFERENCES "public"."quiz_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "quiz_questions_options" ADD CONSTRAINT "quiz_questions_options_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."quiz_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "quiz_questions" ADD CONSTRAINT "quiz_questions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "quiz_questions" ADD CONSTRAINT "quiz_questions_bank_id_question_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."question_banks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "question_banks" ADD CONSTRAINT "question_banks_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_quiz_id_quizzes_id_fk" FOREIGN KEY ("quiz_id") REFERENCES "public"."quizzes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scorm_packages" ADD CONSTRAINT "scorm_packages_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scorm_packages" ADD CONSTRAINT "scorm_packages_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scorm_runtime" ADD CONSTRAINT "scorm_runtime_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scorm_runtime" ADD CONSTRAINT "scorm_runtime_package_id_scorm_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."scorm_packages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scorm_runtime" ADD CONSTRAINT "scorm_runtime_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scorm_runtime" ADD CONSTRAINT "scorm_runtime_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "licence_documents_owner_idx" ON "licence_documents" USING btree ("owner_id");
  CREATE INDEX "licence_documents_updated_at_idx" ON "licence_documents" USING btree ("updated_at");
  CREATE INDEX "licence_documents_created_at_idx" ON "licence_documents" USING btree ("created_at");
  CREATE UNIQUE INDEX "licence_documents_filename_idx" ON "licence_documents" USING btree ("filename");
  CREATE INDEX "licence_verifications_user_idx" ON "licence_verifications" USING btree ("user_id");
  CREATE INDEX "licence_verifications_document_idx" ON "licence_verifications" USING btree ("document_id");
  CREATE INDEX "licence_verifications_status_idx" ON "licence_verifications" USING btree ("status");
  CREATE INDEX "licence_verifications_reviewer_idx" ON "licence_verifications" USING btree ("reviewer_id");
  CREATE INDEX "licence_verifications_provider_check_provider_check_refe_idx" ON "licence_verifications" USING btree ("provider_check_reference");
  CREATE INDEX "licence_verifications_updated_at_idx" ON "licence_verifications" USING btree ("updated_at");
  CREATE INDEX "licence_verifications_created_at_idx" ON "licence_verifications" USING btree ("created_at");
  CREATE INDEX "status_submittedAt_idx" ON "licence_verifications" USING btree ("status","submitted_at");
  CREATE UNIQUE INDEX "licence_verifications_one_open_idx" ON "licence_verifications" USING btree ("user_id") WHERE status = 'submitted';
  CREATE UNIQUE INDEX "identity_check_events_event_id_idx" ON "identity_check_events" USING btree ("event_id");
  CREATE INDEX "identity_check_events_verification_idx" ON "identity_check_events" USING btree ("verification_id");
  CREATE INDEX "identity_check_events_updated_at_idx" ON "identity_check_events" USING btree ("updated_at");
  CREATE INDEX "identity_check_events_created_at_idx" ON "identity_check_events" USING btree ("created_at");
  CREATE INDEX "reports_status_idx" ON "reports" USING btree ("status");
  CREATE INDEX "reports_reporter_idx" ON "reports" USING btree ("reporter_id");
  CREATE INDEX "reports_target_author_idx" ON "reports" USING btree ("target_author_id");
  CREATE INDEX "reports_resolved_by_idx" ON "reports" USING btree ("resolved_by_id");
  CREATE INDEX "reports_updated_at_idx" ON "reports" USING btree ("updated_at");
  CREATE INDEX "reports_created_at_idx" ON "reports" USING btree ("created_at");
  CREATE UNIQUE INDEX "reporter_targetType_targetId_openSlot_idx" ON "reports" USING btree ("reporter_id","target_type","target_id","open_slot");
  CREATE INDEX "targetType_targetId_status_idx" ON "reports" USING btree ("target_type","target_id","status");
  CREATE UNIQUE INDEX "courses_slug_idx" ON "courses" USING btree ("slug");
  CREATE INDEX "courses_cover_idx" ON "courses" USING btree ("cover_id");
  CREATE INDEX "courses_specialty_idx" ON "courses" USING btree ("specialty_id");
  CREATE INDEX "courses_level_idx" ON "courses" USING btree ("level");
  CREATE INDEX "courses_pricing_idx" ON "courses" USING btree ("pricing");
  CREATE INDEX "courses_updated_at_idx" ON "courses" USING btree ("updated_at");
  CREATE INDEX "courses_created_at_idx" ON "courses" USING btree ("created_at");
  CREATE INDEX "courses__status_idx" ON "courses" USING btree ("_status");
  CREATE INDEX "courses_search_vector_idx" ON "courses" USING gin ("search_vector");
  CREATE INDEX "courses_title_trgm_idx" ON "courses" USING gin ("title" gin_trgm_ops);
  CREATE INDEX "courses_texts_order_parent" ON "courses_texts" USING btree ("order","parent_id");
  CREATE INDEX "courses_rels_order_idx" ON "courses_rels" USING btree ("order");
  CREATE INDEX "courses_rels_parent_idx" ON "courses_rels" USING btree ("parent_id");
  CREATE INDEX "courses_rels_path_idx" ON "courses_rels" USING btree ("path");
  CREATE INDEX "courses_rels_users_id_idx" ON "courses_rels" USING btree ("users_id");
  CREATE INDEX "courses_rels_courses_id_idx" ON "courses_rels" USING btree ("courses_id");
  CREATE INDEX "_courses_v_parent_idx" ON "_courses_v" USING btree ("parent_id");
  CREATE INDEX "_courses_v_version_version_slug_idx" ON "_courses_v" USING btree ("version_slug");
  CREATE INDEX "_courses_v_version_version_cover_idx" ON "_courses_v" USING btree ("version_cover_id");
  CREATE INDEX "_courses_v_version_version_specialty_idx" ON "_courses_v" USING btree ("version_specialty_id");
  CREATE INDEX "_courses_v_version_version_level_idx" ON "_courses_v" USING btree ("version_level");
  CREATE INDEX "_courses_v_version_version_pricing_idx" ON "_courses_v" USING btree ("version_pricing");
  CREATE INDEX "_courses_v_version_version_updated_at_idx" ON "_courses_v" USING btree ("version_updated_at");
  CREATE INDEX "_courses_v_version_version_created_at_idx" ON "_courses_v" USING btree ("version_created_at");
  CREATE INDEX "_courses_v_version_version__status_idx" ON "_courses_v" USING btree ("version__status");
  CREATE INDEX "_courses_v_created_at_idx" ON "_courses_v" USING btree ("created_at");
  CREATE INDEX "_courses_v_updated_at_idx" ON "_courses_v" USING btree ("updated_at");
  CREATE INDEX "_courses_v_latest_idx" ON "_courses_v" USING btree ("latest");
  CREATE INDEX "_courses_v_texts_order_parent" ON "_courses_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "_courses_v_rels_order_idx" ON "_courses_v_rels" USING btree ("order");
  CREATE INDEX "_courses_v_rels_parent_idx" ON "_courses_v_rels" USING btree ("parent_id");
  CREATE INDEX "_courses_v_rels_path_idx" ON "_courses_v_rels" USING btree ("path");
  CREATE INDEX "_courses_v_rels_users_id_idx" ON "_courses_v_rels" USING btree ("users_id");
  CREATE INDEX "_courses_v_rels_courses_id_idx" ON "_courses_v_rels" USING btree ("courses_id");
  CREATE INDEX "course_modules_course_idx" ON "course_modules" USING btree ("course_id");
  CREATE INDEX "course_modules_updated_at_idx" ON "course_modules" USING btree ("updated_at");
  CREATE INDEX "course_modules_created_at_idx" ON "course_modules" USING btree ("created_at");
  CREATE INDEX "course_order_idx" ON "course_modules" USING btree ("course_id","order");
  CREATE INDEX "lessons_module_idx" ON "lessons" USING btree ("module_id");
  CREATE INDEX "lessons_course_idx" ON "lessons" USING btree ("course_id");
  CREATE INDEX "lessons_kind_idx" ON "lessons" USING btree ("kind");
  CREATE INDEX "lessons_video_video_file_idx" ON "lessons" USING btree ("video_file_id");
  CREATE INDEX "lessons_document_document_file_idx" ON "lessons" USING btree ("document_file_id");
  CREATE INDEX "lessons_updated_at_idx" ON "lessons" USING btree ("updated_at");
  CREATE INDEX "lessons_created_at_idx" ON "lessons" USING btree ("created_at");
  CREATE INDEX "module_order_idx" ON "lessons" USING btree ("module_id","order");
  CREATE INDEX "course_order_1_idx" ON "lessons" USING btree ("course_id","order");
  CREATE INDEX "enrollments_user_idx" ON "enrollments" USING btree ("user_id");
  CREATE INDEX "enrollments_course_idx" ON "enrollments" USING btree ("course_id");
  CREATE INDEX "enrollments_status_idx" ON "enrollments" USING btree ("status");
  CREATE INDEX "enrollments_enrolled_at_idx" ON "enrollments" USING btree ("enrolled_at");
  CREATE INDEX "enrollments_last_lesson_idx" ON "enrollments" USING btree ("last_lesson_id");
  CREATE INDEX "enrollments_updated_at_idx" ON "enrollments" USING btree ("updated_at");
  CREATE INDEX "enrollments_created_at_idx" ON "enrollments" USING btree ("created_at");
  CREATE UNIQUE INDEX "user_course_idx" ON "enrollments" USING btree ("user_id","course_id");
  CREATE INDEX "course_status_idx" ON "enrollments" USING btree ("course_id","status");
  CREATE INDEX "course_entitlements_user_idx" ON "course_entitlements" USING btree ("user_id");
  CREATE INDEX "course_entitlements_course_idx" ON "course_entitlements" USING btree ("course_id");
  CREATE INDEX "course_entitlements_granted_by_idx" ON "course_entitlements" USING btree ("granted_by_id");
  CREATE INDEX "course_entitlements_updated_at_idx" ON "course_entitlements" USING btree ("updated_at");
  CREATE INDEX "course_entitlements_created_at_idx" ON "course_entitlements" USING btree ("created_at");
  CREATE INDEX "user_course_1_idx" ON "course_entitlements" USING btree ("user_id","course_id");
  CREATE INDEX "lesson_progress_user_idx" ON "lesson_progress" USING btree ("user_id");
  CREATE INDEX "lesson_progress_lesson_idx" ON "lesson_progress" USING btree ("lesson_id");
  CREATE INDEX "lesson_progress_course_idx" ON "lesson_progress" USING btree ("course_id");
  CREATE INDEX "lesson_progress_updated_at_idx" ON "lesson_progress" USING btree ("updated_at");
  CREATE INDEX "lesson_progress_created_at_idx" ON "lesson_progress" USING btree ("created_at");
  CREATE UNIQUE INDEX "user_lesson_idx" ON "lesson_progress" USING btree ("user_id","lesson_id");
  CREATE INDEX "user_course_2_idx" ON "lesson_progress" USING btree ("user_id","course_id");
  CREATE INDEX "lesson_media_owner_idx" ON "lesson_media" USING btree ("owner_id");
  CREATE INDEX "lesson_media_updated_at_idx" ON "lesson_media" USING btree ("updated_at");
  CREATE INDEX "lesson_media_created_at_idx" ON "lesson_media" USING btree ("created_at");
  CREATE UNIQUE INDEX "lesson_media_filename_idx" ON "lesson_media" USING btree ("filename");
  CREATE INDEX "live_sessions_course_idx" ON "live_sessions" USING btree ("course_id");
  CREATE INDEX "live_sessions_lesson_idx" ON "live_sessions" USING btree ("lesson_id");
  CREATE INDEX "live_sessions_updated_at_idx" ON "live_sessions" USING btree ("updated_at");
  CREATE INDEX "live_sessions_created_at_idx" ON "live_sessions" USING btree ("created_at");
  CREATE INDEX "startsAt_idx" ON "live_sessions" USING btree ("starts_at");
  CREATE INDEX "live_sessions_rels_order_idx" ON "live_sessions_rels" USING btree ("order");
  CREATE INDEX "live_sessions_rels_parent_idx" ON "live_sessions_rels" USING btree ("parent_id");
  CREATE INDEX "live_sessions_rels_path_idx" ON "live_sessions_rels" USING btree ("path");
  CREATE INDEX "live_sessions_rels_users_id_idx" ON "live_sessions_rels" USING btree ("users_id");
  CREATE INDEX "live_registrations_session_idx" ON "live_registrations" USING btree ("session_id");
  CREATE INDEX "live_registrations_user_idx" ON "live_registrations" USING btree ("user_id");
  CREATE INDEX "live_registrations_updated_at_idx" ON "live_registrations" USING btree ("updated_at");
  CREATE INDEX "live_registrations_created_at_idx" ON "live_registrations" USING btree ("created_at");
  CREATE UNIQUE INDEX "session_user_idx" ON "live_registrations" USING btree ("session_id","user_id");
  CREATE INDEX "live_questions_session_idx" ON "live_questions" USING btree ("session_id");
  CREATE INDEX "live_questions_author_idx" ON "live_questions" USING btree ("author_id");
  CREATE INDEX "live_questions_answered_by_idx" ON "live_questions" USING btree ("answered_by_id");
  CREATE INDEX "live_questions_updated_at_idx" ON "live_questions" USING btree ("updated_at");
  CREATE INDEX "live_questions_created_at_idx" ON "live_questions" USING btree ("created_at");
  CREATE INDEX "session_upvotes_idx" ON "live_questions" USING btree ("session_id","upvotes");
  CREATE INDEX "live_question_votes_question_idx" ON "live_question_votes" USING btree ("question_id");
  CREATE INDEX "live_question_votes_user_idx" ON "live_question_votes" USING btree ("user_id");
  CREATE INDEX "live_question_votes_updated_at_idx" ON "live_question_votes" USING btree ("updated_at");
  CREATE INDEX "live_question_votes_created_at_idx" ON "live_question_votes" USING btree ("created_at");
  CREATE UNIQUE INDEX "question_user_idx" ON "live_question_votes" USING btree ("question_id","user_id");
  CREATE INDEX "live_polls_options_order_idx" ON "live_polls_options" USING btree ("_order");
  CREATE INDEX "live_polls_options_parent_id_idx" ON "live_polls_options" USING btree ("_parent_id");
  CREATE INDEX "live_polls_session_idx" ON "live_polls" USING btree ("session_id");
  CREATE INDEX "live_polls_created_by_idx" ON "live_polls" USING btree ("created_by_id");
  CREATE INDEX "live_polls_updated_at_idx" ON "live_polls" USING btree ("updated_at");
  CREATE INDEX "live_polls_created_at_idx" ON "live_polls" USING btree ("created_at");
  CREATE INDEX "live_poll_votes_poll_idx" ON "live_poll_votes" USING btree ("poll_id");
  CREATE INDEX "live_poll_votes_user_idx" ON "live_poll_votes" USING btree ("user_id");
  CREATE INDEX "live_poll_votes_updated_at_idx" ON "live_poll_votes" USING btree ("updated_at");
  CREATE INDEX "live_poll_votes_created_at_idx" ON "live_poll_votes" USING btree ("created_at");
  CREATE UNIQUE INDEX "poll_user_idx" ON "live_poll_votes" USING btree ("poll_id","user_id");
  CREATE UNIQUE INDEX "certificates_code_idx" ON "certificates" USING btree ("code");
  CREATE INDEX "certificates_user_idx" ON "certificates" USING btree ("user_id");
  CREATE INDEX "certificates_course_idx" ON "certificates" USING btree ("course_id");
  CREATE INDEX "certificates_enrollment_idx" ON "certificates" USING btree ("enrollment_id");
  CREATE INDEX "certificates_issued_at_idx" ON "certificates" USING btree ("issued_at");
  CREATE INDEX "certificates_revoked_by_idx" ON "certificates" USING btree ("revoked_by_id");
  CREATE INDEX "certificates_updated_at_idx" ON "certificates" USING btree ("updated_at");
  CREATE INDEX "certificates_created_at_idx" ON "certificates" USING btree ("created_at");
  CREATE UNIQUE INDEX "enrollment_completedAt_idx" ON "certificates" USING btree ("enrollment_id","completed_at");
  CREATE INDEX "user_issuedAt_idx" ON "certificates" USING btree ("user_id","issued_at");
  CREATE INDEX "quizzes_draws_order_idx" ON "quizzes_draws" USING btree ("_order");
  CREATE INDEX "quizzes_draws_parent_id_idx" ON "quizzes_draws" USING btree ("_parent_id");
  CREATE INDEX "quizzes_draws_bank_idx" ON "quizzes_draws" USING btree ("bank_id");
  CREATE UNIQUE INDEX "quizzes_lesson_idx" ON "quizzes" USING btree ("lesson_id");
  CREATE INDEX "quizzes_course_idx" ON "quizzes" USING btree ("course_id");
  CREATE INDEX "quizzes_updated_at_idx" ON "quizzes" USING btree ("updated_at");
  CREATE INDEX "quizzes_created_at_idx" ON "quizzes" USING btree ("created_at");
  CREATE INDEX "quizzes_rels_order_idx" ON "quizzes_rels" USING btree ("order");
  CREATE INDEX "quizzes_rels_parent_idx" ON "quizzes_rels" USING btree ("parent_id");
  CREATE INDEX "quizzes_rels_path_idx" ON "quizzes_rels" USING btree ("path");
  CREATE INDEX "quizzes_rels_quiz_questions_id_idx" ON "quizzes_rels" USING btree ("quiz_questions_id");
  CREATE INDEX "quiz_questions_options_order_idx" ON "quiz_questions_options" USING btree ("_order");
  CREATE INDEX "quiz_questions_options_parent_id_idx" ON "quiz_questions_options" USING btree ("_parent_id");
  CREATE INDEX "quiz_questions_course_idx" ON "quiz_questions" USING btree ("course_id");
  CREATE INDEX "quiz_questions_bank_idx" ON "quiz_questions" USING btree ("bank_id");
  CREATE INDEX "quiz_questions_updated_at_idx" ON "quiz_questions" USING btree ("updated_at");
  CREATE INDEX "quiz_questions_created_at_idx" ON "quiz_questions" USING btree ("created_at");
  CREATE INDEX "question_banks_course_idx" ON "question_banks" USING btree ("course_id");
  CREATE INDEX "question_banks_updated_at_idx" ON "question_banks" USING btree ("updated_at");
  CREATE INDEX "question_banks_created_at_idx" ON "question_banks" USING btree ("created_at");
  CREATE INDEX "quiz_attempts_user_idx" ON "quiz_attempts" USING btree ("user_id");
  CREATE INDEX "quiz_attempts_quiz_idx" ON "quiz_attempts" USING btree ("quiz_id");
  CREATE INDEX "quiz_attempts_lesson_idx" ON "quiz_attempts" USING btree ("lesson_id");
  CREATE INDEX "quiz_attempts_course_idx" ON "quiz_attempts" USING btree ("course_id");
  CREATE INDEX "quiz_attempts_status_idx" ON "quiz_attempts" USING btree ("status");
  CREATE INDEX "quiz_attempts_updated_at_idx" ON "quiz_attempts" USING btree ("updated_at");
  CREATE INDEX "quiz_attempts_created_at_idx" ON "quiz_attempts" USING btree ("created_at");
  CREATE UNIQUE INDEX "user_quiz_number_idx" ON "quiz_attempts" USING btree ("user_id","quiz_id","number");
  CREATE INDEX "quiz_status_idx" ON "quiz_attempts" USING btree ("quiz_id","status");
  CREATE UNIQUE INDEX "scorm_packages_lesson_idx" ON "scorm_packages" USING btree ("lesson_id");
  CREATE INDEX "scorm_packages_course_idx" ON "scorm_packages" USING btree ("course_id");
  CREATE INDEX "scorm_packages_updated_at_idx" ON "scorm_packages" USING btree ("updated_at");
  CREATE INDEX "scorm_packages_created_at_idx" ON "scorm_packages" USING btree ("created_at");
  CREATE UNIQUE INDEX "scorm_packages_filename_idx" ON "scorm_packages" USING btree ("filename");
  CREATE INDEX "scorm_runtime_user_idx" ON "scorm_runtime" USING btree ("user_id");
  CREATE INDEX "scorm_runtime_package_idx" ON "scorm_runtime" USING btree ("package_id");
  CREATE INDEX "scorm_runtime_lesson_idx" ON "scorm_runtime" USING btree ("lesson_id");
  CREATE INDEX "scorm_runtime_course_idx" ON "scorm_runtime" USING btree ("course_id");
  CREATE INDEX "scorm_runtime_updated_at_idx" ON "scorm_runtime" USING btree ("updated_at");
  CREATE INDEX "scorm_runtime_created_at_idx" ON "scorm_runtime" USING btree ("created_at");
  CREATE UNIQUE INDEX "user_package_sco_idx" ON "scorm_runtime" USING btree ("user_id","package_id","sco");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_licence_documents_fk" FOREIGN KEY ("licence_documents_id") REFERENCES "public"."licence_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_licence_verifications_fk" FOREIGN KEY ("licence_verifications_id") REFERENCES "public"."licence_verifications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_identity_check_events_fk" FOREIGN KEY ("identity_check_events_id") REFERENCES "public"."identity_check_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reports_fk" FOREIGN KEY ("reports_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_courses_fk" FOREIGN KEY ("courses_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_course_modules_fk" FOREIGN KEY ("course_modules_id") REFERENCES "public"."course_modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_lessons_fk" FOREIGN KEY ("lessons_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_enrollments_fk" FOREIGN KEY ("enrollments_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_course_entitlements_fk" FOREIGN KEY ("course_entitlements_id") REFERENCES "public"."course_entitlements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_lesson_progress_fk" FOREIGN KEY ("lesson_progress_id") REFERENCES "public"."lesson_progress"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_lesson_media_fk" FOREIGN KEY ("lesson_media_id") REFERENCES "public"."lesson_media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_live_sessions_fk" FOREIGN KEY ("live_sessions_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_live_registrations_fk" FOREIGN KEY ("live_registrations_id") REFERENCES "public"."live_registrations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_live_questions_fk" FOREIGN KEY ("live_questions_id") REFERENCES "public"."live_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_live_question_votes_fk" FOREIGN KEY ("live_question_votes_id") REFERENCES "public"."live_question_votes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_live_polls_fk" FOREIGN KEY ("live_polls_id") REFERENCES "public"."live_polls"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_live_poll_votes_fk" FOREIGN KEY ("live_poll_votes_id") REFERENCES "public"."live_poll_votes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_certificates_fk" FOREIGN KEY ("certificates_id") REFERENCES "public"."certificates"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_quizzes_fk" FOREIGN KEY ("quizzes_id") REFERENCES "public"."quizzes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_quiz_questions_fk" FOREIGN KEY ("quiz_questions_id") REFERENCES "public"."quiz_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_question_banks_fk" FOREIGN KEY ("question_banks_id") REFERENCES "public"."question_banks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_quiz_attempts_fk" FOREIGN KEY ("quiz_attempts_id") REFERENCES "public"."quiz_attempts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_scorm_packages_fk" FOREIGN KEY ("scorm_packages_id") REFERENCES "public"."scorm_packages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_scorm_runtime_fk" FOREIGN KEY ("scorm_runtime_id") REFERENCES "public"."scorm_runtime"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "audit_events_type_created_at_idx" ON "audit_events" USING btree ("type","created_at");
  CREATE INDEX "audit_events_user_created_at_idx" ON "audit_events" USING btree ("user_id","created_at");
  CREATE INDEX "payload_locked_documents_rels_licence_documents_id_idx" ON "payload_locked_documents_rels" USING btree ("licence_documents_id");
  CREATE INDEX "payload_locked_documents_rels_licence_verifications_id_idx" ON "payload_locked_documents_rels" USING btree ("licence_verifications_id");
  CREATE INDEX "payload_locked_documents_rels_identity_check_events_id_idx" ON "payload_locked_documents_rels" USING btree ("identity_check_events_id");
  CREATE INDEX "payload_locked_documents_rels_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("reports_id");
  CREATE INDEX "payload_locked_documents_rels_courses_id_idx" ON "payload_locked_documents_rels" USING btree ("courses_id");
  CREATE INDEX "payload_locked_documents_rels_course_modules_id_idx" ON "payload_locked_documents_rels" USING btree ("course_modules_id");
  CREATE INDEX "payload_locked_documents_rels_lessons_id_idx" ON "payload_locked_documents_rels" USING btree ("lessons_id");
  CREATE INDEX "payload_locked_documents_rels_enrollments_id_idx" ON "payload_locked_documents_rels" USING btree ("enrollments_id");
  CREATE INDEX "payload_locked_documents_rels_course_entitlements_id_idx" ON "payload_locked_documents_rels" USING btree ("course_entitlements_id");
  CREATE INDEX "payload_locked_documents_rels_lesson_progress_id_idx" ON "payload_locked_documents_rels" USING btree ("lesson_progress_id");
  CREATE INDEX "payload_locked_documents_rels_lesson_media_id_idx" ON "payload_locked_documents_rels" USING btree ("lesson_media_id");
  CREATE INDEX "payload_locked_documents_rels_live_sessions_id_idx" ON "payload_locked_documents_rels" USING btree ("live_sessions_id");
  CREATE INDEX "payload_locked_documents_rels_live_registrations_id_idx" ON "payload_locked_documents_rels" USING btree ("live_registrations_id");
  CREATE INDEX "payload_locked_documents_rels_live_questions_id_idx" ON "payload_locked_documents_rels" USING btree ("live_questions_id");
  CREATE INDEX "payload_locked_documents_rels_live_question_votes_id_idx" ON "payload_locked_documents_rels" USING btree ("live_question_votes_id");
  CREATE INDEX "payload_locked_documents_rels_live_polls_id_idx" ON "payload_locked_documents_rels" USING btree ("live_polls_id");
  CREATE INDEX "payload_locked_documents_rels_live_poll_votes_id_idx" ON "payload_locked_documents_rels" USING btree ("live_poll_votes_id");
  CREATE INDEX "payload_locked_documents_rels_certificates_id_idx" ON "payload_locked_documents_rels" USING btree ("certificates_id");
  CREATE INDEX "payload_locked_documents_rels_quizzes_id_idx" ON "payload_locked_documents_rels" USING btree ("quizzes_id");
  CREATE INDEX "payload_locked_documents_rels_quiz_questions_id_idx" ON "payload_locked_documents_rels" USING btree ("quiz_questions_id");
  CREATE INDEX "payload_locked_documents_rels_question_banks_id_idx" ON "payload_locked_documents_rels" USING btree ("question_banks_id");
  CREATE INDEX "payload_locked_documents_rels_quiz_attempts_id_idx" ON "payload_locked_documents_rels" USING btree ("quiz_attempts_id");
  CREATE INDEX "payload_locked_documents_rels_scorm_packages_id_idx" ON "payload_locked_documents_rels" USING btree ("scorm_packages_id");
  CREATE INDEX "payload_locked_documents_rels_scorm_runtime_id_idx" ON "payload_locked_documents_rels" USING btree ("scorm_runtime_id");`)
  // The audit trail is append-only for every connection, its owner included (Drizzle cannot declare triggers).
  await db.execute(sql.raw(`
create or replace function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege',
          hint = 'Audit events are never changed or removed; record a new event instead.';
end $$;
create or replace trigger audit_events_no_update_delete before update or delete on audit_events
  for each row execute function audit_events_append_only();
create or replace trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_append_only();
`))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(`
drop trigger if exists audit_events_no_update_delete on audit_events;
drop trigger if exists audit_events_no_truncate on audit_events;
drop function if exists audit_events_append_only();
`))
  await db.execute(sql`
   ALTER TABLE "licence_documents" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "licence_verifications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "identity_check_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reports" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "courses" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "courses_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "courses_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_courses_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_courses_v_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_courses_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "course_modules" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "lessons" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "enrollments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "course_entitlements" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "lesson_progress" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "lesson_media" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "live_sessions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "live_sessions_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "live_registrations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "live_questions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "live_question_votes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "live_polls_options" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "live_polls" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "live_poll_votes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "certificates" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "quizzes_draws" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "quizzes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "quizzes_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "quiz_questions_options" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "quiz_questions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "question_banks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "quiz_attempts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "scorm_packages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "scorm_runtime" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "moderation_settings" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "licence_documents" CASCADE;
  DROP TABLE "licence_verifications" CASCADE;
  DROP TABLE "identity_check_events" CASCADE;
  DROP TABLE "reports" CASCADE;
  DROP TABLE "courses" CASCADE;
  DROP TABLE "courses_texts" CASCADE;
  DROP TABLE "courses_rels" CASCADE;
  DROP TABLE "_courses_v" CASCADE;
  DROP TABLE "_courses_v_texts" CASCADE;
  DROP TABLE "_courses_v_rels" CASCADE;
  DROP TABLE "course_modules" CASCADE;
  DROP TABLE "lessons" CASCADE;
  DROP TABLE "enrollments" CASCADE;
  DROP TABLE "course_entitlements" CASCADE;
  DROP TABLE "lesson_progress" CASCADE;
  DROP TABLE "lesson_media" CASCADE;
  DROP TABLE "live_sessions" CASCADE;
  DROP TABLE "live_sessions_rels" CASCADE;
  DROP TABLE "live_registrations" CASCADE;
  DROP TABLE "live_questions" CASCADE;
  DROP TABLE "live_question_votes" CASCADE;
  DROP TABLE "live_polls_options" CASCADE;
  DROP TABLE "live_polls" CASCADE;
  DROP TABLE "live_poll_votes" CASCADE;
  DROP TABLE "certificates" CASCADE;
  DROP TABLE "quizzes_draws" CASCADE;
  DROP TABLE "quizzes" CASCADE;
  DROP TABLE "quizzes_rels" CASCADE;
  DROP TABLE "quiz_questions_options" CASCADE;
  DROP TABLE "quiz_questions" CASCADE;
  DROP TABLE "question_banks" CASCADE;
  DROP TABLE "quiz_attempts" CASCADE;
  DROP TABLE "scorm_packages" CASCADE;
  DROP TABLE "scorm_runtime" CASCADE;
  DROP TABLE "moderation_settings" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_licence_documents_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_licence_verifications_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_identity_check_events_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_reports_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_courses_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_course_modules_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_lessons_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_enrollments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_course_entitlements_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_lesson_progress_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_lesson_media_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_live_sessions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_live_registrations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_live_questions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_live_question_votes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_live_polls_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_live_poll_votes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_certificates_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_quizzes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_quiz_questions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_question_banks_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_quiz_attempts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_scorm_packages_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_scorm_runtime_fk";
  
  ALTER TABLE "notifications" ALTER COLUMN "type" SET DATA TYPE text;
  DROP TYPE "public"."enum_notifications_type";
  CREATE TYPE "public"."enum_notifications_type" AS ENUM('reply', 'comment', 'mention', 'reaction', 'follow', 'message', 'moderation');
  ALTER TABLE "notifications" ALTER COLUMN "type" SET DATA TYPE "public"."enum_notifications_type" USING "type"::"public"."enum_notifications_type";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'refreshRecommendations', 'notificationDigest', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'refreshRecommendations', 'notificationDigest', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "audit_events_type_created_at_idx";
  DROP INDEX "audit_events_user_created_at_idx";
  DROP INDEX "payload_locked_documents_rels_licence_documents_id_idx";
  DROP INDEX "payload_locked_documents_rels_licence_verifications_id_idx";
  DROP INDEX "payload_locked_documents_rels_identity_check_events_id_idx";
  DROP INDEX "payload_locked_documents_rels_reports_id_idx";
  DROP INDEX "payload_locked_documents_rels_courses_id_idx";
  DROP INDEX "payload_locked_documents_rels_course_modules_id_idx";
  DROP INDEX "payload_locked_documents_rels_lessons_id_idx";
  DROP INDEX "payload_locked_documents_rels_enrollments_id_idx";
  DROP INDEX "payload_locked_documents_rels_course_entitlements_id_idx";
  DROP INDEX "payload_locked_documents_rels_lesson_progress_id_idx";
  DROP INDEX "payload_locked_documents_rels_lesson_media_id_idx";
  DROP INDEX "payload_locked_documents_rels_live_sessions_id_idx";
  DROP INDEX "payload_locked_documents_rels_live_registrations_id_idx";
  DROP INDEX "payload_locked_documents_rels_live_questions_id_idx";
  DROP INDEX "payload_locked_documents_rels_live_question_votes_id_idx";
  DROP INDEX "payload_locked_documents_rels_live_polls_id_idx";
  DROP INDEX "payload_locked_documents_rels_live_poll_votes_id_idx";
  DROP INDEX "payload_locked_documents_rels_certificates_id_idx";
  DROP INDEX "payload_locked_documents_rels_quizzes_id_idx";
  DROP INDEX "payload_locked_documents_rels_quiz_questions_id_idx";
  DROP INDEX "payload_locked_documents_rels_question_banks_id_idx";
  DROP INDEX "payload_locked_documents_rels_quiz_attempts_id_idx";
  DROP INDEX "payload_locked_documents_rels_scorm_packages_id_idx";
  DROP INDEX "payload_locked_documents_rels_scorm_runtime_id_idx";
  ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users" DROP COLUMN "verified_until";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_in_app_certificate";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_in_app_verification";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_email_certificate";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_email_verification";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "licence_documents_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "licence_verifications_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "identity_check_events_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reports_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "courses_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "course_modules_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "lessons_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "enrollments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "course_entitlements_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "lesson_progress_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "lesson_media_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "live_sessions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "live_registrations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "live_questions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "live_question_votes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "live_polls_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "live_poll_votes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "certificates_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "quizzes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "quiz_questions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "question_banks_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "quiz_attempts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "scorm_packages_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "scorm_runtime_id";
  DROP TYPE "public"."enum_licence_verifications_status";
  DROP TYPE "public"."enum_licence_verifications_previous_status";
  DROP TYPE "public"."enum_licence_verifications_provider_check_result";
  DROP TYPE "public"."enum_reports_target_type";
  DROP TYPE "public"."enum_reports_reason";
  DROP TYPE "public"."enum_reports_status";
  DROP TYPE "public"."enum_courses_level";
  DROP TYPE "public"."enum_courses_pricing";
  DROP TYPE "public"."enum_courses_completion_rule";
  DROP TYPE "public"."enum_courses_status";
  DROP TYPE "public"."enum__courses_v_version_level";
  DROP TYPE "public"."enum__courses_v_version_pricing";
  DROP TYPE "public"."enum__courses_v_version_completion_rule";
  DROP TYPE "public"."enum__courses_v_version_status";
  DROP TYPE "public"."enum_lessons_kind";
  DROP TYPE "public"."enum_enrollments_status";
  DROP TYPE "public"."enum_enrollments_source";
  DROP TYPE "public"."enum_course_entitlements_source";
  DROP TYPE "public"."enum_lesson_progress_status";
  DROP TYPE "public"."enum_live_sessions_state";
  DROP TYPE "public"."enum_live_questions_status";
  DROP TYPE "public"."enum_live_polls_status";
  DROP TYPE "public"."enum_quizzes_review_policy";
  DROP TYPE "public"."enum_quiz_questions_kind";
  DROP TYPE "public"."enum_quiz_attempts_status";
  DROP TYPE "public"."enum_scorm_packages_standard";
  DROP TYPE "public"."enum_scorm_packages_storage";`)
}
