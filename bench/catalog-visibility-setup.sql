-- Catalog visibility benchmark data (docs/query-plans.md, "Catalog visibility"): a stand-alone schema catalog_bench
-- with only the columns and indexes the search statements touch. psql -h 127.0.0.1 -U postgres -d test -f this-file
-- then run the statements of docs/query-plans.md with search_path = catalog_bench; drop schema catalog_bench cascade after.
drop schema if exists catalog_bench cascade;
create schema catalog_bench;
set search_path = catalog_bench;
create table users (id bigint primary key, profile_visibility varchar(10) not null);
create table artists (id bigint primary key, name text, name_key text, mbid text);
create table albums (id bigint primary key, title text, artist_id bigint, album_key text, mbid text);
create table tracks (id bigint primary key, title text, track_key text, length_ms bigint, mbid text, isrc text);
create table track_artists (track_id bigint, artist_id bigint, position int, role text, primary key (track_id, position));
create index ix_track_artists_artist on track_artists (artist_id, track_id);
create table listens (id bigserial primary key, user_id bigint, track_id bigint, album_id bigint, listened_at bigint);
-- 10 users: 1..8 private, 9..10 public
insert into users select g, case when g > 8 then 'PUBLIC' else 'PRIVATE' end from generate_series(1,10) g;
-- 40k artists, 40k albums, 200k tracks; every 50th name contains 'love'
insert into artists select g, 'Artist ' || g || case when g % 50 = 0 then ' love' else '' end,
  'artist ' || g || case when g % 50 = 0 then ' love' else '' end, null from generate_series(1,40000) g;
insert into albums select g, 'Album ' || g || case when g % 50 = 0 then ' love' else '' end, g,
  'artist ' || g || '|album ' || g || case when g % 50 = 0 then ' love' else '' end, null from generate_series(1,40000) g;
insert into tracks select g, 'Song ' || g || case when g % 50 = 0 then ' love' else '' end,
  'artist ' || (g % 40000 + 1) || '|song ' || g || case when g % 50 = 0 then ' love' else '' end, 200000, null, null
  from generate_series(1,200000) g;
insert into track_artists select g, g % 40000 + 1, 0, 'primary' from generate_series(1,200000) g;
-- 1,000,000 listens: 100k per user, each user over their own slice of 20k tracks (users 1..8 private slices)
insert into listens (user_id, track_id, album_id, listened_at)
  select u, ((u - 1) * 20000 + (g % 20000)) + 1, ((u - 1) * 4000 + (g % 4000)) + 1, 1700000000000::bigint + g * 60000::bigint
  from generate_series(1,10) u, generate_series(1,100000) g;
create index ix_listens_user_time on listens (user_id, listened_at, id);
create index ix_listens_user_track_time on listens (user_id, track_id, listened_at);
create index ix_listens_user_album on listens (user_id, album_id);
analyze;
