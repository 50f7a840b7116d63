#!/usr/bin/env bash
# Requests per second for pages served by `dateline serve` over loopback, beside nginx serving the
# very same bytes from disk: the ratio says how far we are from a static file server.
# Usage: bench/http_load.sh [path/to/dateline]   (bounded: 5 s per run, loopback only)
set -euo pipefail
bin=${1:-build/release/dateline}
duration=${DURATION:-5s}
connections=${CONNECTIONS:-32}
work=$(mktemp -d)
server_pid=""; nginx_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

"$bin" init --data "$work/data" --demo >/dev/null
port=$(free_port)
"$bin" serve --data "$work/data" --listen "127.0.0.1:$port" --threads 2 >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

base="http://127.0.0.1:$port"
article=$(curl -s "$base/en/" | grep -o 'class="card__headline"><a href="[^"]*"' | head -n 1 | cut -d'"' -f4)
mkdir -p "$work/static"
curl -s "$base/en/" -o "$work/static/home.html"
curl -s "$base$article" -o "$work/static/article.html"
# nginx serves the same bytes compressed ahead of time (gzip_static), as Dateline keeps them.
gzip -k -9 "$work/static/home.html" "$work/static/article.html"

nginx_port=$(free_port)
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  # A production server's settings, not a flattering toy's.
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  gzip_static on;
  server { listen 127.0.0.1:$nginx_port; root $work/static; }
}
CONF
nginx -c "$work/nginx.conf" -e "$work/nginx-error.log" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/home.html" >/dev/null && break; sleep 0.1; done

rps() { wrk -t1 -c"$connections" -d"$duration" "$@" | awk '/Requests\/sec/ {print $2}'; }

printf '%-16s %12s %12s %8s\n' page dateline nginx ratio
for page in home article; do
  if [ "$page" = home ]; then ours="$base/en/"; else ours="$base$article"; fi
  theirs="http://127.0.0.1:$nginx_port/$page.html"
  a=$(rps "$ours"); b=$(rps "$theirs")
  printf '%-16s %12s %12s %8.3f\n' "$page" "$a" "$b" "$(echo "$a / $b" | bc -l)"
  a=$(rps -H 'Accept-Encoding: gzip' "$ours"); b=$(rps -H 'Accept-Encoding: gzip' "$theirs")
  printf '%-16s %12s %12s %8.3f\n' "$page, gzip" "$a" "$b" "$(echo "$a / $b" | bc -l)"
done
etag=$(curl -sI "$base$article" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
nginx_etag=$(curl -sI "http://127.0.0.1:$nginx_port/article.html" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
a=$(rps -H "If-None-Match: $etag" "$base$article")
b=$(rps -H "If-None-Match: $nginx_etag" "http://127.0.0.1:$nginx_port/article.html")
printf '%-16s %12s %12s %8.3f\n' "article, 304" "$a" "$b" "$(echo "$a / $b" | bc -l)"
printf '%-16s %12s\n' "article, br" "$(rps -H 'Accept-Encoding: br' "$base$article")"
echo "(requests per second, $connections connections, $duration each, wrk beside both servers on 2 cores;"
echo " nginx with sendfile, keepalive_requests 100000 and gzip_static)"

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
