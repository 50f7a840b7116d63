#!/usr/bin/env bash
# Breaking news on a large archive: readers spread over READERS_PAGES article pages of a site with
# ARTICLES articles per site (the long tail), cached as served, first quietly, then while a story
# is published every second. Prints requests per second, p50 and p99 of both runs, their ratio,
# the errors (non-2xx/3xx answers and socket errors), and how long each published story took to
# show on its section page.
# Usage: bench/breaking_news.sh [path/to/dateline]   ARTICLES=10000 READERS_PAGES=500 DURATION=10s
# ACCEPT_ENCODING="gzip, deflate, br" has the readers ask as browsers do (none by default: pages
# go uncompressed, as in the figures recorded before it).
# Bounded: two wrk runs of DURATION on loopback, one import a second during the second.
set -euo pipefail
source "$(dirname "$0")/loopback.sh"
bin=${1:-build/release/dateline}
generator=${GENERATOR:-$(dirname "$bin")/bench/generate_archive}
articles=${ARTICLES:-10000}
pages=${READERS_PAGES:-500}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}
accept_encoding=${ACCEPT_ENCODING:-}
with_work_dir

"$bin" init --data "$work/data" --demo >/dev/null
echo "generating $articles articles per site..." >&2
"$generator" --data "$work/data" --articles "$articles" >&2
port=$(free_port)
base="http://127.0.0.1:$port"
DATELINE_LOG_LEVEL=warn "$bin" serve --data "$work/data" --listen "127.0.0.1:$port" --threads 2 \
  >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.05; done

# The long tail: article pages found by walking each section's listing from the newest.
: >"$work/paths"
per_section=$((pages / 6 + 1))
for section in region world business technology sport culture; do
  listing="/en/$section/"
  : >"$work/section"
  while [ -n "$listing" ] && [ "$(wc -l <"$work/section")" -lt "$per_section" ]; do
    page=$(curl -s "$base$listing")
    { grep -o 'class="card__headline"><a href="[^"]*"' <<<"$page" || true; } |
      sed 's/.*href="\([^"]*\)"/\1/' >>"$work/section"
    listing=$({ grep -o 'href="[^"]*" rel="next"' <<<"$page" || true; } |
      sed -n '1{s/href="\([^"]*\)".*/\1/;s/&amp;/\&/g;p}')
  done
  head -n "$per_section" "$work/section" >>"$work/paths"
done
sort -u "$work/paths" | head -n "$pages" >"$work/tail"
count=$(wc -l <"$work/tail")

cat >"$work/readers.lua" <<LUA
local paths = {}
for line in io.lines("$work/tail") do paths[#paths + 1] = line end
math.randomseed(7)
local headers = {}
if "$accept_encoding" ~= "" then headers["Accept-Encoding"] = "$accept_encoding" end
request = function() return wrk.format(nil, paths[math.random(#paths)], headers) end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write +
                 summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
                         latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
LUA
readers() { wrk -t1 -c"$connections" -d"$duration" -s "$work/readers.lua" "$base" | awk '/^RESULT/ {print $2, $3, $4, $5}'; }

# Warm the cache, then the quiet run.
while read -r p; do curl -s -o /dev/null -H "Accept-Encoding: $accept_encoding" "$base$p"; done <"$work/tail"
read -r quiet_rps quiet_p50 quiet_p99 quiet_errors <<<"$(readers)"

# A story a second while the readers read; each is looked for on its section page.
publish() {
  local n=0 until=$((SECONDS + ${duration%s}))
  while [ $SECONDS -lt $until ]; do
    n=$((n + 1))
    local file="$work/story-$n.json" started
    printf '{"uri":"urn:bench:breaking:%d","type":"text","headline":"Breaking update %d from the harbour","body_html":"<p>Update %d.</p>","firstcreated":"%s","subject":[{"name":"Harbour"}]}' \
      "$n" "$n" "$n" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$file"
    started=$(date +%s%N)
    url=$("$bin" import --data "$work/data" --site en --section region --publish "$file" 2>/dev/null)
    path=${url#http*://*/}
    for _ in $(seq 200); do
      curl -s "$base/en/region/" | grep -q "/$path\"" && break
      sleep 0.01
    done
    echo $(( ($(date +%s%N) - started) / 1000000 )) >>"$work/visible-ms"
    sleep 1
  done
}
publish &
publisher=$!
read -r busy_rps busy_p50 busy_p99 busy_errors <<<"$(readers)"
wait "$publisher"

printf '%-28s %10s %10s %10s %8s\n' run "req/s" "p50 ms" "p99 ms" errors
printf '%-28s %10s %10s %10s %8s\n' "quiet" "$quiet_rps" "$quiet_p50" "$quiet_p99" "$quiet_errors"
printf '%-28s %10s %10s %10s %8s\n' "a story published each second" "$busy_rps" "$busy_p50" "$busy_p99" "$busy_errors"
printf 'ratio of requests per second: %.3f\n' "$(echo "$busy_rps / $quiet_rps" | bc -l)"
sort -n "$work/visible-ms" | awk '{a[NR]=$1} END {printf "stories published: %d; on their section page after import returned: median %d ms, max %d ms\n", NR, a[int((NR+1)/2)], a[NR]}'
echo "($count article pages of a site with $articles articles per site, wrk -t1 -c$connections -d$duration, 2 server threads; Accept-Encoding: ${accept_encoding:-none})"
