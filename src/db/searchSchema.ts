import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import { customType, index, text } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { Payload } from 'payload'

import { sql } from './sql'

/**
 * What search needs from Postgres that Payload's collections cannot declare: tsvector columns the
 * database keeps up to date itself, GIN indexes over them, and pg_trgm indexes for typo-tolerant
 * names. Declared here, on Payload's own drizzle tables (the adapter's afterSchemaInit), so that the
 * dev/test schema push and `payload migrate:create` both produce them. The pg_trgm extension comes
 * from the adapter's `extensions` option (created before every push and every migration run).
 */

/** The text search configuration used everywhere: English stemming ("operations" finds "operation"). */
export const SEARCH_CONFIG = 'english'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

type SchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

export const searchSchema: SchemaHook = ({ schema, extendTable }) => {
  const { posts, users, rooms, courses } = schema.tables as Record<string, never>
  extendTable({
    table: posts,
    columns: {
      // The post's tags joined by spaces: tags live in posts_texts, which a generated column cannot
      // read, so a trigger on that table copies them here (SEARCH_TRIGGERS_SQL).
      tagsText: text('tags_text'),
      // Title weighs most, then tags, then the body's plain text.
      searchVector: tsvector('search_vector').generatedAlwaysAs(
        sql.raw(
          `setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(title, '')), 'A') || ` +
            `setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(tags_text, '')), 'B') || ` +
            `setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(text, '')), 'C')`,
        ),
      ),
    },
    extraConfig: (t) => ({
      postsSearchVector: index('posts_search_vector_idx').using('gin', t.searchVector),
    }),
  })
  extendTable({
    table: users,
    extraConfig: (t) => ({
      usersNameTrgm: index('users_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
      usersHandleTrgm: index('users_handle_trgm_idx').using('gin', t.handle.op('gin_trgm_ops')),
    }),
  })
  extendTable({
    table: rooms,
    columns: {
      searchVector: tsvector('search_vector').generatedAlwaysAs(
        sql.raw(
          `setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(name, '')), 'A') || ` +
            `setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(description, '')), 'B')`,
        ),
      ),
    },
    extraConfig: (t) => ({
      roomsSearchVector: index('rooms_search_vector_idx').using('gin', t.searchVector),
      roomsNameTrgm: index('rooms_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    }),
  })
  extendTable({
    table: courses,
    columns: {
      // Title weighs most, then the summary (the description is rich text, kept out of the index).
      searchVector: tsvector('search_vector').generatedAlwaysAs(
        sql.raw(
          `setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(title, '')), 'A') || ` +
            `setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(summary, '')), 'B')`,
        ),
      ),
    },
    extraConfig: (t) => ({
      coursesSearchVector: index('courses_search_vector_idx').using('gin', t.searchVector),
      coursesTitleTrgm: index('courses_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    }),
  })
  return schema
}

/**
 * Keeps posts.tags_text equal to the post's tags: one statement-level trigger per event on
 * posts_texts (Postgres allows transition tables only on single-event triggers). Payload replaces a
 * post's tag rows on every save, so each save updates each touched post once. Drizzle cannot declare
 * triggers: production migrations must contain this SQL verbatim; push-mode databases get it from
 * installSearchTriggers below.
 */
export const SEARCH_TRIGGERS_SQL = `
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
`

/** Fills tags_text for posts that existed before the trigger (once, in the migration that adds it). */
export const SEARCH_BACKFILL_SQL = `
update posts p set tags_text = t.tags
from (select parent_id, string_agg(text, ' ' order by "order") as tags from posts_texts where path = 'tags' group by parent_id) t
where t.parent_id = p.id and p.tags_text is distinct from t.tags;
`

/**
 * Installs the triggers on databases whose schema Payload pushes (development, tests); production
 * runs committed migrations only and is left alone. Idempotent.
 */
export async function installSearchTriggers(payload: Payload) {
  const db = payload.db as unknown as { push?: boolean; drizzle: { execute: (q: unknown) => Promise<unknown> } }
  if (process.env.NODE_ENV === 'production' || db.push === false) return
  await db.drizzle.execute(sql.raw(SEARCH_TRIGGERS_SQL))
}
