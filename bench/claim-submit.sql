-- One resident's writes, as the API issues them: the claim (confirm) and the submission (POST /api/responses),
-- the same statements as apps/api/src/data/quota.ts (claimSlot, completeHeldSlot) and
-- apps/api/src/services/response-store.ts (storeResponse), prepared as the API prepares them. Where the API's
-- statement does more (the claim also issues the resident's token; the submission's lock reads the reservation
-- through its token with the wave and any stored response), pgbench runs only the claim and submission part.
-- Run by bench/surge.ts: pgbench -n -M prepared -f bench/claim-submit.sql -D wave=… -D communities=…
--   -D questionnaire=… -D answers='<answers JSON>' -D items='<scored items JSON>' -D codes='<codes hex>'
-- bench_communities (n, community_code, town_code) numbers the wave's communities 1..communities.
\set k random(1, :communities)
select community_code as community, town_code as town from bench_communities where n = :k \gset

-- claim: both conditional quota UPDATEs and the reservation insert in one statement (claimSlot)
BEGIN;
with community as (
  update wave_communities set reserved = reserved + 1
  where wave_id = :wave and community_code = :community and completed + reserved < cap
  returning 1
), town as (
  update wave_towns set reserved = reserved + 1
  where wave_id = :wave and town_code = :town and completed + reserved < target and exists (select from community)
  returning 1
), reservation as (
  insert into reservations (wave_id, community_code, town_code, id_hash, phone_hash, sex, birth_year, age_group,
    registered, draft, created_at, expires_at)
  select :wave::int, :community::text, :town::text, md5(random()::text), md5(random()::text), 'female', 1980, '35-44', true,
    '{}'::jsonb, now(), now() + interval '30 minutes'
  where exists (select from town)
  returning id, expires_at
)
select (select count(*) from community)::int as community_ok, (select count(*) from town)::int as town_ok,
  (select id from reservation) as reservation, (select expires_at from reservation) as expires_at \gset
COMMIT;

-- submission: lock the reservation, mark it submitted with both completion UPDATEs (completeHeldSlot),
-- response, its scored item rows and its code row in one statement (storeResponse)
BEGIN;
select id_hash, phone_hash, status from reservations where id = :reservation for update \gset
-- who answered, recorded apart from what they answered (recordRespondentKeys: one bucket upsert per hash)
insert into respondent_key_sets as s (wave_id, bucket, keys) values (:wave, 'i' || left(:id_hash::text, 2), array[:id_hash::text])
on conflict (wave_id, bucket) do update
  set keys = (select array_agg(k order by k) from unnest(s.keys || excluded.keys) k), fresh = true
  where not (:id_hash::text = any(s.keys));
insert into respondent_key_sets as s (wave_id, bucket, keys) values (:wave, 'p' || left(:phone_hash::text, 2), array[:phone_hash::text])
on conflict (wave_id, bucket) do update
  set keys = (select array_agg(k order by k) from unnest(s.keys || excluded.keys) k), fresh = true
  where not (:phone_hash::text = any(s.keys));
with submitted as (
  update reservations set status = 'submitted', released_at = coalesce(released_at, now())
  where id = :reservation
), community as (
  update wave_communities set reserved = reserved - 1, completed = completed + 1
  where wave_id = :wave and community_code = :community
  returning 1
)
update wave_towns set reserved = reserved - 1, completed = completed + 1
where wave_id = :wave and town_code = :town and exists (select from community);
with response as (
  insert into responses (wave_id, questionnaire_id, reservation_id, community_code, town_code, mode,
    sex, birth_year, age_group, registered, counted, receipt_code, answers, started_at, submitted_at,
    entered_by)
  values (:wave, :questionnaire, :reservation, :community, :town, 'online', 'female',
    1980, '35-44', true, true, upper(substr(md5(random()::text), 1, 11)), :answers::jsonb, now(), now(), null)
  returning id, receipt_code, counted, wave_id, town_code
), items as (
  insert into response_items (response_id, wave_id, town_code, question, dimension, domain, code, score, counted)
  select response.id, response.wave_id, response.town_code, item.question, item.dimension, item.domain, item.code,
    item.score, response.counted
  from response, jsonb_to_recordset(:items::jsonb)
    as item(question text, dimension text, domain text, code smallint, score real)
), codes as (
  insert into response_codes (response_id, wave_id, town_code, sex, age_group, counted, codes)
  select response.id, response.wave_id, response.town_code, 'female', '35-44', response.counted, decode(:codes, 'hex')
  from response
)
select id, receipt_code, counted from response;
-- the reservation forgets the person (forgetRespondentOfReservation)
delete from verifications where reservation_id = :reservation;
update reservations set id_hash = null, phone_hash = null where id = :reservation;
COMMIT;
