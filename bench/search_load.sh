#!/usr/bin/env bash
# Search queries per second over an archive: the demo network with ARTICLES generated articles a
# site (bench/generate_archive), served, and each query of a mix (rare and common words, phrases,
# excluded words, both languages) asked by wrk on loopback for DURATION; then the whole mix in
# turn. Beside them, the same server's uncached story page: what a search costs against a page.
# Usage: bench/search_load.sh [path/to/dateline]     ARTICLES=10000 DURATION=3s CONNECTIONS=8
#        BACKEND=postgres: the data on a throwaway PostgreSQL cluster (scripts/postgres-test-cluster.sh).
#        DATA=DIR: an archive already made (and left as it is): no generating, no reindex.
# Bounded: one wrk run of DURATION per query, loopback only.
set -euo pipefail
[ -n "${TRACE:-}" ] && set -x
bin=${1:-build/release/dateline}
generator=${GENERATOR:-$(dirname "$bin")/bench/generate_archive}
articles=${ARTICLES:-10000}
duration=${DURATION:-3s}
connections=${CONNECTIONS:-8}
backend=${BACKEND:-sqlite}
cluster=scripts/postgres-test-cluster.sh
work=$(mktemp -d)
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=""
}
trap 'stop_server; [ "$backend" = postgres ] && bash "$cluster" stop "$work/pg" >/dev/null 2>&1; rm -rf "$work"' EXIT

data=${DATA:-$work/data}
mkdir -p "$data"
reindexed="not run"
if [ -n "${DATA:-}" ]; then
  articles="$(basename "$data")'s"
elif [ "$backend" = postgres ]; then
  chmod 755 "$work"
  bash "$cluster" start "$work/pg" >/dev/null
  socket="host=$work/pg/socket&port=55432"
  psql "postgresql://postgres@/postgres?$socket" -q -c "CREATE DATABASE bench_search" >/dev/null
  echo "db = \"postgresql://postgres@/bench_search?$socket\"" >"$data/dateline.toml"
fi
if [ -z "${DATA:-}" ]; then
  "$bin" init --data "$data" --demo >/dev/null
  echo "generating $articles articles per site..." >&2
  started=$(date +%s.%N)
  "$generator" --data "$data" --articles "$articles" >&2
  echo "generated and indexed in $(printf '%.1f' "$(echo "$(date +%s.%N) - $started" | bc -l)") s" >&2
  started=$(date +%s.%N)
  "$bin" reindex --data "$data" >/dev/null
  reindexed="$(printf '%.1f' "$(echo "$(date +%s.%N) - $started" | bc -l)") s"
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
DATELINE_LOG_LEVEL=warn "$bin" serve --data "$data" --listen "127.0.0.1:$port" --threads 2 >"$work/serve.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.05; done

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
# "site|query|what it is": the generator's words, so the share of the archive each matches is known.
queries=(
  "en|desalination|a word in 1 story in 12"
  "en|\"harbour expansion\"|a phrase, 1 in 12"
  "en|Salalah farmers|two words, 1 in 150"
  "en|film prize -Doha|a word left out"
  "en|said|a word in most stories"
  "en|zzyzx|a word in none"
  "ar|الميناء|Arabic, with the article"
  "ar|«محطات تحلية»|Arabic phrase"
  "ar|والمزارعون|Arabic, with a conjunction"
)
source "$(dirname "$0")/wrk_checked.sh"
rps() { wrk_checked -t1 -c"$connections" -d"$duration" "$@" | awk '/Requests\/sec/ {print $2}'; }
lua=$work/mix.lua
{
  echo "local paths = {"
  for q in "${queries[@]}"; do
    IFS='|' read -r site text _ <<<"$q"
    echo "  \"/$site/search?q=$(urlencode "$text")\","
  done
  echo "}"
  echo 'local i = 0'
  echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'
} >"$lua"

article=$(curl -s "$base/en/" | { grep -o 'class="card__headline"><a href="[^"]*"' || true; } | sed -n '1{s/.*href="\([^"]*\)".*/\1/; p}')
printf '%-32s %-28s %10s %8s\n' query "" "req/s" results
for q in "${queries[@]}"; do
  IFS='|' read -r site text what <<<"$q"
  path="/$site/search?q=$(urlencode "$text")"
  shown=$(curl -s "$base$path" | { grep -c 'class="search-result"' || true; })
  printf '%-32s %-28s %10s %8s\n' "$site: $text" "($what)" "$(rps "$base$path")" "$shown"
done
printf '%-32s %-28s %10s\n' "the mix, in turn" "" "$(rps -s "$lua" "$base")"
stop_server
# The story page rendered each time, for scale: a search against a page.
DATELINE_LOG_LEVEL=warn DATELINE_PAGE_CACHE_MB=0 "$bin" serve --data "$data" --listen "127.0.0.1:$port" --threads 2 \
  >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.05; done
printf '%-32s %-28s %10s\n' "a story page, uncached" "" "$(rps "$base$article")"
stop_server
echo "($articles articles a site on $backend; wrk -t1 -c$connections -d$duration beside the server, 2 threads;"
echo " results: on the first page, at most 10; reindex of every story: $reindexed)"
