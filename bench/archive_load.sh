#!/usr/bin/env bash
# What a reader page costs as the archive grows: the demo network against the same network with
# archives of each of SIZES articles per site (bench/generate_archive), every page rendered (page
# cache off), requests per second by wrk on loopback, and ratios (1.0: independent of size).
# Usage: bench/archive_load.sh [path/to/dateline]    SIZES="1000 10000" DURATION=3s CONNECTIONS=8
#        BACKEND=postgres: every data directory on a throwaway PostgreSQL cluster of its own
#        (scripts/postgres-test-cluster.sh; fsync off, as durability is not measured here).
#        ARCHIVE=DIR measures DIR, an archive already made (on either backend, as its
#        configuration says; migrated first if need be), against the demo instead of
#        generating SIZES.
# Bounded: one wrk run of DURATION per page and size, loopback only.
set -euo pipefail
[ -n "${TRACE:-}" ] && set -x
bin=${1:-build/release/dateline}
generator=${GENERATOR:-$(dirname "$bin")/bench/generate_archive}
sizes=${SIZES:-1000 10000}
duration=${DURATION:-3s}
connections=${CONNECTIONS:-8}
work=$(mktemp -d)
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=""
}
backend=${BACKEND:-sqlite}
cluster=scripts/postgres-test-cluster.sh
trap 'stop_server; [ "$backend" = postgres ] && bash "$cluster" stop "$work/pg" >/dev/null 2>&1; rm -rf "$work"' EXIT
# The cluster runs as the postgres user, who must reach into the work directory.
if [ "$backend" = postgres ]; then chmod 755 "$work"; bash "$cluster" start "$work/pg" >/dev/null; fi

# A data directory, initialised with the demo network; on PostgreSQL with a database of its own.
make_data() {
  local dir=$1
  mkdir -p "$dir"
  if [ "$backend" = postgres ]; then
    local name=bench_$(basename "$dir") socket="host=$work/pg/socket&port=55432"
    psql "postgresql://postgres@/postgres?$socket" -q -c "CREATE DATABASE $name" >/dev/null
    echo "db = \"postgresql://postgres@/$name?$socket\"" >"$dir/dateline.toml"
  fi
  "$bin" init --data "$dir" --demo >/dev/null
}

source "$(dirname "$0")/loopback.sh"
source "$(dirname "$0")/wrk_checked.sh"
rps() { wrk_checked -t1 -c"$connections" -d"$duration" "$1" | awk '/Requests\/sec/ {print $2}'; }
# The first link matching PATTERN in the page on standard input (reads it all: no SIGPIPE).
first_href() { { grep -o "$1" || true; } | sed -n '1{s/.*href="\([^"]*\)".*/\1/; s/&amp;/\&/g; p}'; }

# The "older stories" link of a listing page, as a path.
older_of() {
  local href
  href=$(curl -s "$1$2" | first_href 'href="[^"]*" rel="next"')
  case $href in '') ;; /*) echo "$href" ;; *) echo "${2%%\?*}$href" ;; esac
}

# Serves DIR uncached and measures each page type; prints "name rps" lines.
measure() {
  local dir=$1 port base article tag deep next started
  port=$(free_port)
  started=$(date +%s.%N)
  DATELINE_LOG_LEVEL=warn DATELINE_PAGE_CACHE_MB=0 "$bin" serve --data "$dir" --listen "127.0.0.1:$port" --threads 2 \
    >"$work/serve.log" 2>&1 &
  server_pid=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.05; done
  # Start-up: from launch until /healthz answers (migrations checked, sites loaded).
  printf '%s %.3f\n' "$(basename "$dir")" "$(echo "$(date +%s.%N) - $started" | bc -l)" >>"$work/startup"
  article=$(curl -s "$base/en/" | first_href 'class="card__headline"><a href="[^"]*"')
  tag=$(curl -s "$base$article" | first_href 'href="/en/tags/[^"]*"')
  # The deepest full listing page within 50 "older" links of the section's first page (the
  # last page may show only a few stories).
  deep=/en/region/
  next=$(older_of "$base" "$deep")
  for _ in $(seq 50); do
    [ -n "$next" ] || break
    after=$(older_of "$base" "$next")
    [ -n "$after" ] || break
    deep=$next; next=$after
  done
  for page in "home /en/" "section /en/region/" "deep-section $deep" "tag $tag" \
              "article $article" "arabic-home /ar/"; do
    set -- $page
    echo "$1 $(rps "$base$2")"
  done
  # Peak resident memory after every page type was served (the kernel's high-water mark).
  echo "$(basename "$dir") $(awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$server_pid/status")" >>"$work/memory"
  stop_server
}

make_data "$work/demo"
measure "$work/demo" >"$work/0.txt"
if [ -n "${ARCHIVE:-}" ]; then
  sizes=archive
  ln -s "$(realpath "$ARCHIVE")" "$work/archive"
  "$bin" migrate --data "$work/archive" >/dev/null
  measure "$work/archive" >"$work/archive.txt"
else
  for n in $sizes; do
    make_data "$work/$n"
    echo "generating $n articles per site..." >&2
    "$generator" --data "$work/$n" --articles "$n" >&2
    measure "$work/$n" >"$work/$n.txt"
    rm -rf "${work:?}/$n"
  done
fi

# Pages differ in what they show as well as in what they search (a demo section lists a few
# stories, an archive's a full page), so the ratio that isolates the archive's size is the
# largest archive against the smallest; the ratio against the demo is the issue's target.
first=${sizes%% *}; last=${sizes##* }
printf '%-14s %10s' page demo
for n in $sizes; do printf ' %10s' "$n/site"; done
printf ' %12s %12s\n' "$last:demo" "$last:$first"
while read -r page demo; do
  printf '%-14s %10s' "$page" "$demo"
  for n in $sizes; do printf ' %10s' "$(awk -v p="$page" '$1 == p {print $2}' "$work/$n.txt")"; done
  small=$(awk -v p="$page" '$1 == p {print $2}' "$work/$first.txt")
  large=$(awk -v p="$page" '$1 == p {print $2}' "$work/$last.txt")
  printf ' %12.3f %12.3f\n' "$(echo "$large / $demo" | bc -l)" "$(echo "$large / $small" | bc -l)"
done <"$work/0.txt"
echo "(uncached requests per second on $backend, wrk -t1 -c$connections -d$duration beside the server, 2 threads)"
echo
printf '%-14s %12s %16s\n' "articles/site" "start-up s" "peak memory MB"
join <(sort "$work/startup") <(sort "$work/memory") | sort -n | while read -r name up mem; do
  [ "$name" = demo ] && name="demo"
  printf '%-14s %12s %16s\n' "$name" "$up" "$mem"
done
