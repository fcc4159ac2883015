#!/usr/bin/env bash
# What one read of a child's records costs PostgreSQL itself, with no Node in the way: pgbench
# runs the bare read of bench/view (person_link join subject_record for a random child of the
# view benchmark's million) as a prepared statement, with 1 and then 2 clients, for 8 s each,
# and appends a line of JSON with the server's settings to bench/results/read-cost.jsonl.
# Run it before and after bench/support/tune-postgres.sh to see what the settings are worth.
# Needs the view benchmark's database (npm run bench -- view fills it) and pgbench.
set -euo pipefail
cd "$(dirname "$0")/../.."
url=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
db="${url%/*}/tessera_bench_view"
partnership=$(psql "$db" -qAt -c 'select partnership_id from person_link limit 1')
script=$(mktemp)
trap 'rm -f "$script"' EXIT
cat >"$script" <<SQL
\set c random(0, 999999)
select r.id, r.organisation_id, r.field_group, r.kind, r.payload, r.event_date::text, r.recorded_at,
       r.fact_or_opinion, l.match_probability
  from person_link l
  join subject_record r on r.partnership_id = l.partnership_id and r.subject_id = l.agency_person_id::text
 where l.partnership_id = '$partnership' and l.person_id = md5('person:' || :c)::uuid
 order by r.event_date desc nulls last, r.recorded_at desc, r.id;
SQL
# Touch every page once first, so both runs read a warm server.
PGOPTIONS="-c client_min_messages=warning" psql "$db" -qAt -c "create extension if not exists pg_prewarm" \
  -c "select sum(pg_prewarm(c.oid::regclass)) from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'i')
        and (c.relname like 'subject_record%' or c.relname like 'person_link%')" >/dev/null
tps() { pgbench -n -M prepared -f "$script" -T 8 -c "$1" -j "$1" "$db" 2>/dev/null | awk -F'= ' '/^tps/ {printf "%d", $2}'; }
one=$(tps 1)
two=$(tps 2)
settings=$(psql "$db" -qAt -c "select current_setting('shared_buffers') || ' ' || current_setting('huge_pages')")
reserved=$(awk '/^HugePages_Total:/ {print $2}' /proc/meminfo)
mkdir -p bench/results
line=$(printf '{"date":"%s","cpu":"%s","sharedBuffers":"%s","hugePages":"%s","hugePagesReserved":%s,"readsPerSecond1Client":%s,"readsPerSecond2Clients":%s}' \
  "$(date -u +%FT%TZ)" "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" \
  "${settings% *}" "${settings#* }" "$reserved" "$one" "$two")
echo "$line" | tee -a bench/results/read-cost.jsonl
