#!/usr/bin/env bash
# Sizes the local PostgreSQL for the benchmarks as one would for production, then restarts it.
# Run it once, as root, before `npm run bench` on a new machine; run it with --undo to go back.
#
# Why: the view and linkage benchmarks hold 1M children and 10M records (about 6.5 GB).
# Debian's default shared_buffers (128 MB) makes nearly every page a read() from the kernel's
# cache, and a large shared_buffers without huge pages makes every backend take a page fault on
# the first touch of each 4 kB page: on this kind of virtual machine either cost several times
# the query itself (bench/results/view.json notes the measured difference). PostgreSQL's own
# guidance (runtime-config-resource: shared_buffers "25% of the memory", huge_pages) is what
# this applies: shared_buffers a quarter of RAM, backed by huge pages reserved for it.
# huge_pages stays 'try', so PostgreSQL still starts on a machine without them reserved.
set -euo pipefail
version=$(ls /etc/postgresql | sort -n | tail -n 1)
psql_admin() { psql -h 127.0.0.1 -U "${PGUSER:-postgres}" -d postgres -qAt "$@"; }

if [ "${1:-}" = "--undo" ]; then
  psql_admin -c 'alter system reset shared_buffers' -c 'alter system reset huge_pages'
  sysctl -q -w vm.nr_hugepages=0
  pg_ctlcluster --skip-systemctl-redirect "$version" main restart
  echo "PostgreSQL $version back to its defaults"
  exit 0
fi

mem_kib=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
buffers_mib=$((mem_kib / 4 / 1024))
page_kib=$(awk '/^Hugepagesize:/ {print $2}' /proc/meminfo)
# The shared memory segment is shared_buffers plus PostgreSQL's other shared structures (about
# 160 MB more at 6 GB): reserve 5% more.
pages=$(((buffers_mib * 1024 * 105 / 100) / page_kib + 1))
sysctl -q -w vm.nr_hugepages="$pages"
psql_admin -c "alter system set shared_buffers = '${buffers_mib}MB'" -c "alter system set huge_pages = 'try'"
pg_ctlcluster --skip-systemctl-redirect "$version" main restart
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -q && break; sleep 1; done
echo "PostgreSQL $version: shared_buffers ${buffers_mib}MB on $pages huge pages of ${page_kib} kB"
