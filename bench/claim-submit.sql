-- One resident's writes, as the API issues them: the claim (confirm) and the submission (POST /api/responses).
-- Run by bench/surge.ts: pgbench -n -M extended -f bench/claim-submit.sql -D wave=… -D communities=…
--   -D questionnaire=… -D answers='<answers JSON>' -D items='<scored items JSON>'
-- bench_communities (n, community_code, town_code) numbers the wave's communities 1..communities.
\set k random(1, :communities)
select community_code as community, town_code as town from bench_communities where n = :k \gset

-- claim: reservation insert + the two conditional quota UPDATEs (data/quota.ts claimSlot)
BEGIN;
insert into reservations (wave_id, community_code, town_code, id_hash, phone_hash, sex, birth_year, age_group,
    registered, created_at, expires_at)
  values (:wave, :community, :town, md5(random()::text), md5(random()::text), 'female', 1980, '35-44', true,
    now(), now() + interval '30 minutes')
  returning id as reservation, id_hash as id_hash, phone_hash as phone_hash \gset
update wave_communities set reserved = reserved + 1
  where wave_id = :wave and community_code = :community and completed + reserved < cap;
update wave_towns set reserved = reserved + 1
  where wave_id = :wave and town_code = :town and completed + reserved < target;
COMMIT;

-- submission: lock the reservation, mark it submitted, completion UPDATEs (completeHeldSlot),
-- response insert and its scored item rows (response-store.ts)
BEGIN;
select status from reservations where id = :reservation for update;
update reservations set status = 'submitted', released_at = now() where id = :reservation;
update wave_communities set reserved = reserved - 1, completed = completed + 1
  where wave_id = :wave and community_code = :community;
update wave_towns set reserved = reserved - 1, completed = completed + 1
  where wave_id = :wave and town_code = :town;
insert into responses (wave_id, questionnaire_id, reservation_id, community_code, town_code, mode, id_hash,
    phone_hash, sex, birth_year, age_group, registered, counted, receipt_code, answers, started_at, submitted_at)
  values (:wave, :questionnaire, :reservation, :community, :town, 'online', :id_hash, :phone_hash, 'female', 1980,
    '35-44', true, true, upper(substr(md5(random()::text), 1, 11)), :answers::jsonb, now(), now())
  returning id as response \gset
insert into response_items (response_id, wave_id, town_code, question, dimension, domain, code, score, counted)
  select :response, :wave, :town, i.question, i.dimension, i.domain, i.code, i.score, true
  from jsonb_to_recordset(:items::jsonb) as i(question text, dimension text, domain text, code smallint, score real);
COMMIT;
