#!/usr/bin/env bash
# Requests per second for pages served by `dateline serve` over loopback, beside nginx serving the
# very same bytes from disk: the ratio says how far we are from a static file server.
# Usage: bench/http_load.sh [path/to/dateline]   (bounded: 5 s per run, loopback only)
# DURATION (5s), CONNECTIONS (32) and REPEAT (3 runs of each, medians printed) change the runs;
# THREADS (2) is each server's: Dateline's I/O threads and nginx's worker processes alike (1
# leaves wrk a core of its own on a two-core machine). REUSEPORT=1 gives each nginx worker a
# listening socket of its own (`listen ... reuseport`), so that the kernel spreads wrk's
# connections over them as Dateline spreads them over its loops.
# nginx writes an access log line for each request, as a production server does and as Dateline
# does: kept in a 4 KB buffer (`access_log ... buffer=4k`), as Dateline keeps its lines in
# batches of PIPE_BUF (4 KB) bytes. NGINX_ACCESS_LOG=0 turns its log off, as runs before
# 2026-12-06 had it. NGINX_HEADERS=1 has nginx send Dateline's security fields too (below).
set -euo pipefail
bin=${1:-build/release/dateline}
duration=${DURATION:-5s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
reuseport=""
[ "${REUSEPORT:-0}" = 1 ] && reuseport=" reuseport"
work=$(mktemp -d)
# nginx's workers run as another user than its master: they must reach the pages it serves. A
# tree only root could read had them answer every request with 403 until 2026-12-04, and every
# ratio to nginx printed before then compared our pages with its error page.
chmod 711 "$work"
repeat=${REPEAT:-3}
server_pid=""; uncached_pid=""; nginx_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$uncached_pid" ] && kill "$uncached_pid" 2>/dev/null && wait "$uncached_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

source "$(dirname "$0")/loopback.sh"

"$bin" init --data "$work/data" --demo >/dev/null
port=$(free_port)
"$bin" serve --data "$work/data" --listen "127.0.0.1:$port" --threads "$threads" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

uncached_port=$(free_port)
DATELINE_PAGE_CACHE_MB=0 "$bin" serve --data "$work/data" --listen "127.0.0.1:$uncached_port" --threads "$threads" >"$work/serve-uncached.log" 2>&1 &
uncached_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$uncached_port/healthz" >/dev/null && break; sleep 0.1; done

base="http://127.0.0.1:$port"
uncached="http://127.0.0.1:$uncached_port"
article=$(curl -s "$base/en/" | grep -o 'class="card__headline"><a href="[^"]*"' | head -n 1 | cut -d'"' -f4)
mkdir -m 755 "$work/static"
curl -s "$base/en/" -o "$work/static/home.html"
curl -s "$base$article" -o "$work/static/article.html"
# nginx serves the same bytes compressed ahead of time (gzip_static), as Dateline keeps them.
gzip -k -9 "$work/static/home.html" "$work/static/article.html"
chmod 644 "$work"/static/*

nginx_port=$(free_port)
nginx_access_log="access_log $work/nginx-access.log combined buffer=4k flush=1s;"
[ "${NGINX_ACCESS_LOG:-1}" = 0 ] && nginx_access_log="access_log off;"
# NGINX_HEADERS=1: nginx sends the security fields Dateline sends with every response (its own
# defaults, read from a response), as a site's nginx would be configured to; wrk, on the same
# cores, then reads heads of about the same size from both.
nginx_headers=""
if [ "${NGINX_HEADERS:-0}" = 1 ]; then
  while IFS= read -r field; do
    name=${field%%:*}; value=${field#*: }
    nginx_headers+="  add_header $name \"$value\" always;"$'\n'
  done < <(curl -sI "$base/healthz" | tr -d '\r' |
           grep -E '^(Content-Security-Policy|X-Content-Type-Options|Referrer-Policy|X-Frame-Options|Cross-Origin-Opener-Policy|Permissions-Policy):')
fi
cat >"$work/nginx.conf" <<CONF
worker_processes $threads;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
daemon off;
events { worker_connections 1024; }
http {
  $nginx_access_log
  default_type text/html;
  # A production server's settings, not a flattering toy's.
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  gzip_static on;
$nginx_headers  server { listen 127.0.0.1:$nginx_port$reuseport; root $work/static; }
}
CONF
nginx -c "$work/nginx.conf" -e "$work/nginx-error.log" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/home.html" >/dev/null && break; sleep 0.1; done

# Both servers must answer each compared request with the same page, whatever its coding.
same_page() {
  local ours=$1 theirs=$2; shift 2
  local status
  for url in "$ours" "$theirs"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")
    [ "$status" = 200 ] || { echo "benchmark stopped: $url answered $status, not 200" >&2; exit 1; }
  done
  cmp -s <(curl -s --compressed "$@" "$ours") <(curl -s --compressed "$@" "$theirs") ||
    { echo "benchmark stopped: $ours and $theirs are not the same page" >&2; exit 1; }
}
if [ "${NGINX_HEADERS:-0}" = 1 ]; then
  curl -sI "http://127.0.0.1:$nginx_port/article.html" | grep -qi '^Content-Security-Policy:' ||
    { echo "benchmark stopped: nginx does not send the security fields" >&2; exit 1; }
fi
same_page "$base/en/" "http://127.0.0.1:$nginx_port/home.html"
same_page "$base$article" "http://127.0.0.1:$nginx_port/article.html"
same_page "$base$article" "http://127.0.0.1:$nginx_port/article.html" -H 'Accept-Encoding: gzip'
[ "$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "http://127.0.0.1:$nginx_port/article.html")" \
  -lt "$(stat -c %s "$work/static/article.html")" ] ||
  { echo "benchmark stopped: nginx does not serve the compressed article" >&2; exit 1; }

browser='Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36'
source "$(dirname "$0")/wrk_checked.sh"
rps() { wrk_checked -t1 -c"$connections" -d"$duration" "$@" | awk '/Requests\/sec/ {print $2}'; }

# One wrk run: "requests/s p50 p99" (latencies in ms).
run() {
  wrk_checked -t1 -c"$connections" -d"$duration" --latency "$@" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /Requests\/sec/ { r = $2 }
    END { printf "%.0f %.3f %.3f\n", r, p50, p99 }'
}
their_args=()
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Runs ours and theirs in turn, $repeat times each (so that a noisy moment hits both alike), and
# prints the medians of each figure and the ratio of requests per second.
compare() {
  local label=$1 ours=$2 theirs=$3; shift 3
  : >"$work/ours" ; : >"$work/theirs"
  for _ in $(seq "$repeat"); do
    run "$@" "$ours" >>"$work/ours"
    if [ -n "$theirs" ]; then
      # Their own request headers when they differ (an ETag is each server's own).
      if [ ${#their_args[@]} -gt 0 ]; then run "${their_args[@]}" "$theirs"; else run "$@" "$theirs"; fi >>"$work/theirs"
    fi
  done
  local a a50 a99 b="" b50="" b99="" ratio=""
  a=$(cut -d' ' -f1 "$work/ours" | median); a50=$(cut -d' ' -f2 "$work/ours" | median); a99=$(cut -d' ' -f3 "$work/ours" | median)
  if [ -n "$theirs" ]; then
    b=$(cut -d' ' -f1 "$work/theirs" | median); b50=$(cut -d' ' -f2 "$work/theirs" | median); b99=$(cut -d' ' -f3 "$work/theirs" | median)
    ratio=$(printf '%.3f' "$(echo "$a / $b" | bc -l)")
  fi
  printf '%-22s %9s %7s %7s   %9s %7s %7s   %6s\n' "$label" "$a" "$a50" "$a99" "$b" "$b50" "$b99" "$ratio"
}

etag=$(curl -sI "$base$article" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
nginx_etag=$(curl -sI "http://127.0.0.1:$nginx_port/article.html" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
printf '%-22s %9s %7s %7s   %9s %7s %7s   %6s\n' page dateline p50 p99 nginx p50 p99 ratio
compare "home" "$base/en/" "http://127.0.0.1:$nginx_port/home.html"
compare "home, gzip" "$base/en/" "http://127.0.0.1:$nginx_port/home.html" -H 'Accept-Encoding: gzip'
compare "article" "$base$article" "http://127.0.0.1:$nginx_port/article.html"
compare "article, gzip" "$base$article" "http://127.0.0.1:$nginx_port/article.html" -H 'Accept-Encoding: gzip'
compare "article, br" "$base$article" "" -H 'Accept-Encoding: br'
# A browser's request is counted as a read of the story ("most read"); wrk's own is not.
compare "article, counted" "$base$article" "http://127.0.0.1:$nginx_port/article.html" -H "User-Agent: $browser"
their_args=(-H "If-None-Match: $nginx_etag")
compare "article, 304" "$base$article" "http://127.0.0.1:$nginx_port/article.html" -H "If-None-Match: $etag"
their_args=()
compare "uncached home" "$uncached/en/" "http://127.0.0.1:$nginx_port/home.html"
compare "uncached article" "$uncached$article" "http://127.0.0.1:$nginx_port/article.html"
echo "(requests per second and latency in ms, medians of $repeat runs of $duration each, taken in turn;"
echo " $connections connections; $threads thread(s) or worker(s) each; wrk beside both servers on the same cores; nginx with sendfile,"
echo " keepalive_requests 100000 and gzip_static; nginx's access log $([ "${NGINX_ACCESS_LOG:-1}" = 0 ] && echo off || echo 'buffered (4 KB)'); \"uncached\": a second server with no page cache)"

# Server CPU per request: the user and system time of the server's processes (/proc/PID/stat,
# fields 14 and 15, in clock ticks) over one run, divided by the requests answered. With wrk on
# the same two cores, requests per second swing with the scheduler's luck (nginx alone by 30%
# from run to run); the CPU a request costs each server swings far less.
ticks() { local sum=0 pid; for pid in "$@"; do sum=$((sum + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done; echo "$sum"; }
cpu_per_request() {
  local pids=$1 url=$2 before after requests; shift 2
  before=$(ticks $pids)
  requests=$(wrk_checked -t1 -c"$connections" -d"$duration" "$@" "$url" | awk '/requests in/ { print $1 }')
  after=$(ticks $pids)
  echo "($after - $before) * 1000000 / $(getconf CLK_TCK) / $requests" | bc -l
}
# The median of $repeat measurements.
cpu_median() { for _ in $(seq "$repeat"); do cpu_per_request "$@"; done | median; }
nginx_workers=$(pgrep -P "$nginx_pid" | tr '\n' ' ')

# How nginx spreads wrk's connections over its workers. Its workers take turns to accept
# (EPOLLEXCLUSIVE), and wrk opens its connections in one burst: one worker nearly always takes
# them all, so nginx's rows are one busy worker beside wrk while Dateline's loops share the
# connections evenly (the loop with the fewest open gets the next). With THREADS=1 each server
# has one busy thread, and with REUSEPORT=1 each spreads its connections: the p99 compares like
# with like there (docs/performance.md).
sockets() { find "/proc/$1/fd" -lname 'socket:*' 2>/dev/null | wc -l; }
nginx_spread() {
  local idle=() busy=() pid i=0
  for pid in $nginx_workers; do idle+=("$(sockets "$pid")"); done
  wrk_checked -t1 -c"$connections" -d2s "$@" >/dev/null &
  local load=$!
  sleep 1
  for pid in $nginx_workers; do busy+=("$(( $(sockets "$pid") - ${idle[i]} ))"); i=$((i + 1)); done
  wait "$load"
  echo "${busy[*]}"
}
printf '\nconnections on each nginx worker, under load: %s (of %s)\n' \
  "$(nginx_spread -H 'Accept-Encoding: gzip' "http://127.0.0.1:$nginx_port/article.html")" "$connections"
printf '\n%-22s %12s %12s %8s\n' "server CPU, µs/request" dateline nginx ratio
cpu_row() {
  local label=$1 ours theirs; shift
  ours=$(cpu_median "$server_pid" "$base$article" "$@")
  if [ ${#their_args[@]} -gt 0 ]; then set -- "${their_args[@]}"; fi
  theirs=$(cpu_median "$nginx_workers" "http://127.0.0.1:$nginx_port/article.html" "$@")
  printf '%-22s %12.1f %12.1f %8.2f\n' "$label" "$ours" "$theirs" "$(echo "$theirs / $ours" | bc -l)"
}
cpu_row "cached article"
cpu_row "cached article, gzip" -H 'Accept-Encoding: gzip'
cpu_row "cached article, counted" -H "User-Agent: $browser"
their_args=(-H "If-None-Match: $nginx_etag")
cpu_row "article, 304" -H "If-None-Match: $etag"
their_args=()
echo "(ratio: nginx's CPU per request over ours; above 1, a request costs us less)"
printf '%-22s %12.0f\n' "uncached home" "$(cpu_median "$uncached_pid" "$uncached/en/")"
printf '%-22s %12.0f\n' "uncached article" "$(cpu_median "$uncached_pid" "$uncached$article")"

# Cached pages while a flood of refused comment posts (no valid security answer) runs beside them:
# the refusals must cost no disk write and no render on the threads that serve cached pages.
cat >"$work/flood.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "name=Flood&email=flood%40example.com&title=Flood&comment=Flood&terms=yes&altcha=forged"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
LUA
undisturbed=$(rps "$base$article")
wrk -t1 -c20 -d"$duration" -s "$work/flood.lua" "$base$article" >"$work/flood.out" &
flood_pid=$!
sleep 0.2
flooded=$(rps "$base$article")
wait "$flood_pid"
posts=$(awk '/Requests\/sec/ {print $2}' "$work/flood.out")
printf '\n%-34s %12s\n' "cached article, undisturbed" "$undisturbed"
printf '%-34s %12s %8.3f\n' "cached article, beside a POST flood" "$flooded" "$(echo "$flooded / $undisturbed" | bc -l)"
printf '%-34s %12s\n' "refused posts answered" "$posts"
echo "(the flood: 20 connections posting comments with a forged security answer)"
