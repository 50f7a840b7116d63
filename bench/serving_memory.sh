#!/usr/bin/env bash
# What a serving node holds in memory on a large archive with the page cache on, as it runs by
# default: start-up (launch until /healthz answers), then its resident memory after a reader's
# tour (both home pages, three sections, a tag, two searches, 50 pages down a section's older
# stories) and after wrk over STORIES stories chosen at random from the whole archive, each
# request with the browsers' Accept-Encoding. Prints the peak (VmHWM), the parts of the resident
# memory (anonymous, files, and the kept pages' memory file) and what the page cache holds.
# Usage: bench/serving_memory.sh [path/to/dateline]
#        DATA=DIR measures an archive already made (SQLite; it is migrated if need be), else
#        ARTICLES=10000 a site are generated first (bench/generate_archive);
#        STORIES=5000 DURATION=10s; PAGE_CACHE_MB sets the budget (default: the server's);
#        THEME=DIR serves with that theme (a binary's own, to compare two binaries).
# Bounded: one wrk run of DURATION on loopback, and the tour's few dozen pages.
set -euo pipefail
source "$(dirname "$0")/loopback.sh"
bin=${1:-build/release/dateline}
generator=${GENERATOR:-$(dirname "$bin")/bench/generate_archive}
stories=${STORIES:-5000}
duration=${DURATION:-10s}
accept_encoding="gzip, deflate, br"
with_work_dir
source "$(dirname "$0")/wrk_checked.sh"

data=${DATA:-}
if [ -z "$data" ]; then
  data=$work/data
  "$bin" init --data "$data" --demo >/dev/null
  echo "generating ${ARTICLES:-10000} articles per site..." >&2
  "$generator" --data "$data" --articles "${ARTICLES:-10000}" >&2
fi
"$bin" migrate --data "$data" >/dev/null

port=$(free_port)
metrics_port=$(free_port)
base="http://127.0.0.1:$port"
started=$(date +%s.%N)
env ${PAGE_CACHE_MB:+DATELINE_PAGE_CACHE_MB=$PAGE_CACHE_MB} DATELINE_LOG_LEVEL=warn \
  "$bin" serve --data "$data" --listen "127.0.0.1:$port" --threads 2 \
  --metrics-listen "127.0.0.1:$metrics_port" ${THEME:+--theme "$THEME"} >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 200); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.025; done
startup=$(echo "$(date +%s.%N) - $started" | bc -l)

# The process's memory: its peak, and what is resident now by kind (kB in /proc, MB here).
memory() {
  awk '/^(VmHWM|VmRSS|RssAnon|RssFile|RssShmem):/ {printf "%s %.1f  ", $1, $2 / 1024} END {print ""}' \
    "/proc/$server_pid/status"
}
fetch() { curl -s -o /dev/null -H "Accept-Encoding: $accept_encoding" "$base$1"; }
echo "start-up: $(printf '%.3f' "$startup") s;  $(memory)"

# The tour.
for page in /en/ /ar/ /en/region/ /en/world/ /ar/region/ "/en/search?q=harbour" "/ar/search?q=%D8%A7%D9%84%D9%85%D9%8A%D9%86%D8%A7%D8%A1"; do
  fetch "$page"
done
article=$(curl -s "$base/en/" | { grep -o 'class="card__headline"><a href="[^"]*"' || true; } | sed -n '1s/.*href="\([^"]*\)"/\1/p')
tag=$(curl -s "$base$article" | { grep -o 'href="/en/tags/[^"]*"' || true; } | sed -n '1s/href="\([^"]*\)"/\1/p')
fetch "$tag"
listing=/en/region/
for _ in $(seq 50); do
  href=$(curl -s "$base$listing" | { grep -o 'href="[^"]*" rel="next"' || true; } | sed -n '1{s/href="\([^"]*\)".*/\1/;s/&amp;/\&/g;p}')
  case $href in '') break ;; /*) listing=$href ;; *) listing=${listing%%\?*}$href ;; esac
done
echo "after the tour:  $(memory)"

# Readers over stories chosen at random from the whole archive, both sites.
sqlite3 "$data/dateline.db" "SELECT '/' || si.slug || '/' || se.slug || '/' || a.slug
  FROM articles a JOIN sites si ON si.id = a.site_id JOIN sections se ON se.id = a.section_id
  WHERE a.status = 'published' ORDER BY random() LIMIT $stories" |
  python3 -c 'import sys, urllib.parse; [print(urllib.parse.quote(l.rstrip("\n"), safe="/")) for l in sys.stdin]' \
  >"$work/paths"
cat >"$work/readers.lua" <<LUA
local paths = {}
for line in io.lines("$work/paths") do paths[#paths + 1] = line end
math.randomseed(11)
local headers = {["Accept-Encoding"] = "$accept_encoding"}
request = function() return wrk.format(nil, paths[math.random(#paths)], headers) end
LUA
rate=$(wrk_checked -t1 -c32 -d"$duration" -s "$work/readers.lua" "$base" | awk '/Requests\/sec/ {print $2}')
echo "after $duration of readers over $(wc -l <"$work/paths") random stories ($rate pages a second):"
echo "                 $(memory)"
curl -s "http://127.0.0.1:$metrics_port/metrics" |
  awk '/^dateline_page_cache_(pages|bytes|evictions_total|requests_total|compressions_total|decodes_total)/' |
  sed 's/^/  /'
