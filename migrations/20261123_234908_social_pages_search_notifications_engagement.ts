import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm;`)
  await db.execute(sql`
   CREATE TYPE "public"."enum_point_events_reason" AS ENUM('post', 'repost', 'comment', 'reaction', 'follower', 'login', 'streak7', 'streak30');
  CREATE TYPE "public"."enum_recommendations_kind" AS ENUM('person', 'post', 'course');
  CREATE TYPE "public"."enum_notifications_type" AS ENUM('reply', 'comment', 'mention', 'reaction', 'follow', 'message', 'moderation');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'refreshRecommendations' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'notificationDigest' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'refreshRecommendations' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'notificationDigest' BEFORE 'schedulePublish';
  CREATE TABLE "point_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"member_id" integer,
  	"reason" "enum_point_events_reason" NOT NULL,
  	"source" varchar NOT NULL,
  	"points" numeric NOT NULL,
  	"post_id" integer,
  	"active" boolean DEFAULT true,
  	"withheld" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "recommendations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"member_id" integer,
  	"kind" "enum_recommendations_kind" NOT NULL,
  	"target_id" numeric NOT NULL,
  	"score" numeric NOT NULL,
  	"reasons" jsonb,
  	"computed_at" timestamp(3) with time zone,
  	"dismissed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"recipient_id" integer,
  	"type" "enum_notifications_type" NOT NULL,
  	"subject_key" varchar NOT NULL,
  	"actor_id" integer,
  	"actor_count" numeric DEFAULT 1,
  	"event_count" numeric DEFAULT 1,
  	"post_id" integer,
  	"comment_id" integer,
  	"conversation_id" integer,
  	"detail" varchar,
  	"activity_at" timestamp(3) with time zone NOT NULL,
  	"read_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notification_actors" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"notification_id" integer NOT NULL,
  	"actor_id" integer,
  	"source" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notification_digests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"member_id" integer,
  	"day" varchar NOT NULL,
  	"items" numeric DEFAULT 0 NOT NULL,
  	"sent_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "users" ADD COLUMN "notification_preferences_in_app_reply" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_in_app_comment" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_in_app_mention" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_in_app_reaction" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_in_app_follow" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_in_app_message" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_in_app_moderation" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_email_reply" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_email_comment" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_email_mention" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_email_reaction" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_email_follow" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_email_message" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_email_moderation" boolean DEFAULT true;
  ALTER TABLE "rooms" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(name, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')) STORED;
  ALTER TABLE "posts" ADD COLUMN "published_at" timestamp(3) with time zone;
  ALTER TABLE "posts" ADD COLUMN "tags_text" text;
  ALTER TABLE "posts" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(tags_text, '')), 'B') || setweight(to_tsvector('english', coalesce(text, '')), 'C')) STORED;
  ALTER TABLE "_posts_v" ADD COLUMN "version_published_at" timestamp(3) with time zone;
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "point_events_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "recommendations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notifications_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notification_actors_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notification_digests_id" integer;
  ALTER TABLE "point_events" ADD CONSTRAINT "point_events_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "point_events" ADD CONSTRAINT "point_events_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_actors" ADD CONSTRAINT "notification_actors_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_actors" ADD CONSTRAINT "notification_actors_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "point_events_member_idx" ON "point_events" USING btree ("member_id");
  CREATE INDEX "point_events_post_idx" ON "point_events" USING btree ("post_id");
  CREATE INDEX "point_events_updated_at_idx" ON "point_events" USING btree ("updated_at");
  CREATE INDEX "point_events_created_at_idx" ON "point_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "member_reason_source_idx" ON "point_events" USING btree ("member_id","reason","source");
  CREATE INDEX "member_createdAt_idx" ON "point_events" USING btree ("member_id","created_at");
  CREATE INDEX "recommendations_member_idx" ON "recommendations" USING btree ("member_id");
  CREATE INDEX "recommendations_updated_at_idx" ON "recommendations" USING btree ("updated_at");
  CREATE INDEX "recommendations_created_at_idx" ON "recommendations" USING btree ("created_at");
  CREATE UNIQUE INDEX "member_kind_targetId_idx" ON "recommendations" USING btree ("member_id","kind","target_id");
  CREATE INDEX "member_kind_score_idx" ON "recommendations" USING btree ("member_id","kind","score");
  CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id");
  CREATE INDEX "notifications_actor_idx" ON "notifications" USING btree ("actor_id");
  CREATE INDEX "notifications_post_idx" ON "notifications" USING btree ("post_id");
  CREATE INDEX "notifications_comment_idx" ON "notifications" USING btree ("comment_id");
  CREATE INDEX "notifications_conversation_idx" ON "notifications" USING btree ("conversation_id");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  CREATE UNIQUE INDEX "recipient_type_subjectKey_idx" ON "notifications" USING btree ("recipient_id","type","subject_key");
  CREATE INDEX "recipient_activityAt_idx" ON "notifications" USING btree ("recipient_id","activity_at");
  CREATE INDEX "recipient_readAt_idx" ON "notifications" USING btree ("recipient_id","read_at");
  CREATE INDEX "readAt_activityAt_idx" ON "notifications" USING btree ("read_at","activity_at");
  CREATE INDEX "notification_actors_notification_idx" ON "notification_actors" USING btree ("notification_id");
  CREATE INDEX "notification_actors_actor_idx" ON "notification_actors" USING btree ("actor_id");
  CREATE INDEX "notification_actors_updated_at_idx" ON "notification_actors" USING btree ("updated_at");
  CREATE INDEX "notification_actors_created_at_idx" ON "notification_actors" USING btree ("created_at");
  CREATE UNIQUE INDEX "notification_actor_idx" ON "notification_actors" USING btree ("notification_id","actor_id");
  CREATE INDEX "notification_digests_member_idx" ON "notification_digests" USING btree ("member_id");
  CREATE INDEX "notification_digests_updated_at_idx" ON "notification_digests" USING btree ("updated_at");
  CREATE INDEX "notification_digests_created_at_idx" ON "notification_digests" USING btree ("created_at");
  CREATE UNIQUE INDEX "member_day_idx" ON "notification_digests" USING btree ("member_id","day");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_point_events_fk" FOREIGN KEY ("point_events_id") REFERENCES "public"."point_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_recommendations_fk" FOREIGN KEY ("recommendations_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notifications_fk" FOREIGN KEY ("notifications_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notification_actors_fk" FOREIGN KEY ("notification_actors_id") REFERENCES "public"."notification_actors"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notification_digests_fk" FOREIGN KEY ("notification_digests_id") REFERENCES "public"."notification_digests"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_name_trgm_idx" ON "users" USING gin ("name" gin_trgm_ops);
  CREATE INDEX "users_handle_trgm_idx" ON "users" USING gin ("handle" gin_trgm_ops);
  CREATE INDEX "rooms_search_vector_idx" ON "rooms" USING gin ("search_vector");
  CREATE INDEX "rooms_name_trgm_idx" ON "rooms" USING gin ("name" gin_trgm_ops);
  CREATE INDEX "posts_published_at_idx" ON "posts" USING btree ("published_at");
  CREATE INDEX "author_publishedAt_idx" ON "posts" USING btree ("author_id","published_at");
  CREATE INDEX "room_publishedAt_idx" ON "posts" USING btree ("room_id","published_at");
  CREATE INDEX "posts_search_vector_idx" ON "posts" USING gin ("search_vector");
  CREATE INDEX "_posts_v_version_version_published_at_idx" ON "_posts_v" USING btree ("version_published_at");
  CREATE INDEX "version_author_version_publishedAt_idx" ON "_posts_v" USING btree ("version_author_id","version_published_at");
  CREATE INDEX "version_room_version_publishedAt_idx" ON "_posts_v" USING btree ("version_room_id","version_published_at");
  CREATE INDEX "payload_locked_documents_rels_point_events_id_idx" ON "payload_locked_documents_rels" USING btree ("point_events_id");
  CREATE INDEX "payload_locked_documents_rels_recommendations_id_idx" ON "payload_locked_documents_rels" USING btree ("recommendations_id");
  CREATE INDEX "payload_locked_documents_rels_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("notifications_id");
  CREATE INDEX "payload_locked_documents_rels_notification_actors_id_idx" ON "payload_locked_documents_rels" USING btree ("notification_actors_id");
  CREATE INDEX "payload_locked_documents_rels_notification_digests_id_idx" ON "payload_locked_documents_rels" USING btree ("notification_digests_id");`)

  // Posts published before feeds ordered by publishedAt went live when they were created.
  await db.execute(sql`
  UPDATE "posts" SET "published_at" = "created_at" WHERE "_status" = 'published' AND "published_at" IS NULL;
  UPDATE "_posts_v" SET "version_published_at" = "version_created_at" WHERE "version__status" = 'published' AND "version_published_at" IS NULL;`)

  // posts.tags_text follows the post's tag rows (Drizzle cannot declare triggers), then is filled once.
  await db.execute(sql.raw(`
create or replace function posts_tags_text_refresh() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    update posts p set tags_text = (
      select string_agg(t.text, ' ' order by t."order") from posts_texts t where t.parent_id = p.id and t.path = 'tags')
    where p.id in (select parent_id from changed_new where path = 'tags');
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    update posts p set tags_text = (
      select string_agg(t.text, ' ' order by t."order") from posts_texts t where t.parent_id = p.id and t.path = 'tags')
    where p.id in (select parent_id from changed_old where path = 'tags');
  end if;
  return null;
end $$;
create or replace trigger posts_texts_tags_insert after insert on posts_texts
  referencing new table as changed_new for each statement execute function posts_tags_text_refresh();
create or replace trigger posts_texts_tags_update after update on posts_texts
  referencing new table as changed_new old table as changed_old for each statement execute function posts_tags_text_refresh();
create or replace trigger posts_texts_tags_delete after delete on posts_texts
  referencing old table as changed_old for each statement execute function posts_tags_text_refresh();
update posts p set tags_text = t.tags
from (select parent_id, string_agg(text, ' ' order by "order") as tags from posts_texts where path = 'tags' group by parent_id) t
where t.parent_id = p.id and p.tags_text is distinct from t.tags;`))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS posts_texts_tags_insert ON posts_texts;
  DROP TRIGGER IF EXISTS posts_texts_tags_update ON posts_texts;
  DROP TRIGGER IF EXISTS posts_texts_tags_delete ON posts_texts;
  DROP FUNCTION IF EXISTS posts_tags_text_refresh();`)
  await db.execute(sql`
   ALTER TABLE "point_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "recommendations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notifications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_actors" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_digests" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "point_events" CASCADE;
  DROP TABLE "recommendations" CASCADE;
  DROP TABLE "notifications" CASCADE;
  DROP TABLE "notification_actors" CASCADE;
  DROP TABLE "notification_digests" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_point_events_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_recommendations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notifications_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notification_actors_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notification_digests_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "users_name_trgm_idx";
  DROP INDEX "users_handle_trgm_idx";
  DROP INDEX "rooms_search_vector_idx";
  DROP INDEX "rooms_name_trgm_idx";
  DROP INDEX "posts_published_at_idx";
  DROP INDEX "author_publishedAt_idx";
  DROP INDEX "room_publishedAt_idx";
  DROP INDEX "posts_search_vector_idx";
  DROP INDEX "_posts_v_version_version_published_at_idx";
  DROP INDEX "version_author_version_publishedAt_idx";
  DROP INDEX "version_room_version_publishedAt_idx";
  DROP INDEX "payload_locked_documents_rels_point_events_id_idx";
  DROP INDEX "payload_locked_documents_rels_recommendations_id_idx";
  DROP INDEX "payload_locked_documents_rels_notifications_id_idx";
  DROP INDEX "payload_locked_documents_rels_notification_actors_id_idx";
  DROP INDEX "payload_locked_documents_rels_notification_digests_id_idx";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_in_app_reply";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_in_app_comment";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_in_app_mention";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_in_app_reaction";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_in_app_follow";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_in_app_message";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_in_app_moderation";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_email_reply";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_email_comment";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_email_mention";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_email_reaction";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_email_follow";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_email_message";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_email_moderation";
  ALTER TABLE "rooms" DROP COLUMN "search_vector";
  ALTER TABLE "posts" DROP COLUMN "published_at";
  ALTER TABLE "posts" DROP COLUMN "tags_text";
  ALTER TABLE "posts" DROP COLUMN "search_vector";
  ALTER TABLE "_posts_v" DROP COLUMN "version_published_at";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "point_events_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "recommendations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notifications_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notification_actors_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notification_digests_id";
  DROP TYPE "public"."enum_point_events_reason";
  DROP TYPE "public"."enum_recommendations_kind";
  DROP TYPE "public"."enum_notifications_type";`)
}
