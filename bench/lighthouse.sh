#!/usr/bin/env bash
# Lighthouse (npm, pinned in bench/lighthouse/) on the home, a section and an article page of both
# demo sites, as a phone (Lighthouse's mobile emulation, throttled) and as a desktop, with Debian's
# Chromium: the median of RUNS runs (3) of each category's score, and the audits that cost a
# point in accessibility, best practices or SEO. Loopback only; about 20 s a run.
# Usage: bench/lighthouse.sh [path/to/dateline]
set -euo pipefail
source "$(dirname "$0")/loopback.sh"
bin=${1:-build/release/dateline}
runs=${RUNS:-3}
here=$(cd "$(dirname "$0")" && pwd)
with_work_dir

[ -d "$here/lighthouse/node_modules/lighthouse" ] ||
  npm ci --prefix "$here/lighthouse" --no-audit --no-fund --loglevel=error

fail() { echo "lighthouse.sh: $1" >&2; [ -f "${2:-}" ] && tail -n 20 "$2" >&2; exit 1; }
"$bin" init --data "$work/data" --demo >"$work/init.log" 2>&1 || fail "init failed" "$work/init.log"
port=$(free_port)
"$bin" serve --data "$work/data" --listen "127.0.0.1:$port" --threads 2 >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || fail "the server did not start" "$work/serve.log"
base="http://127.0.0.1:$port"

pages=()
for site in en ar; do
  home=$(curl -s "$base/$site/")
  article=$(echo "$home" | { grep -o 'class="card__headline"><a href="[^"]*"' || true; } | sed -n 1p | cut -d'"' -f4)
  section=$(echo "$home" | { grep -o 'class="card__kicker"><a href="[^"]*"' || true; } | sed -n 1p | cut -d'"' -f4)
  [ -n "$article" ] && [ -n "$section" ] || fail "no story or section link on /$site/"
  pages+=("$site home|/$site/" "$site section|$section" "$site article|$article")
done

printf '%-14s %-8s %12s %14s %15s %5s\n' page device performance accessibility "best practices" SEO
for entry in "${pages[@]}"; do
  name=${entry%%|*}
  path=${entry#*|}
  for device in mobile desktop; do
    preset=()
    [ "$device" = desktop ] && preset=(--preset=desktop)
    for run in $(seq "$runs"); do
      CHROME_PATH=/usr/bin/chromium "$here/lighthouse/node_modules/.bin/lighthouse" "$base$path" \
        --quiet --chrome-flags="--headless=new --no-sandbox" "${preset[@]}" \
        --only-categories=performance,accessibility,best-practices,seo \
        --output=json --output-path="$work/$device-$run.json" >"$work/lighthouse.log" 2>&1 ||
        fail "Lighthouse failed on $path ($device)" "$work/lighthouse.log"
    done
    node - "$name" "$device" "$work" "$runs" <<'JS'
const [name, device, dir, runs] = process.argv.slice(2);
const fs = require('fs');
const reports = [...Array(Number(runs)).keys()].map((i) =>
  JSON.parse(fs.readFileSync(`${dir}/${device}-${i + 1}.json`, 'utf8')));
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const score = (id) => Math.round(100 * median(reports.map((r) => r.categories[id].score)));
console.log(`${name.padEnd(14)} ${device.padEnd(8)} ${String(score('performance')).padStart(12)} ` +
  `${String(score('accessibility')).padStart(14)} ${String(score('best-practices')).padStart(15)} ` +
  `${String(score('seo')).padStart(5)}`);
// What cost a point where the target is 100: each failing audit once, with its score.
const failing = new Set();
for (const r of reports)
  for (const id of ['accessibility', 'best-practices', 'seo'])
    for (const ref of r.categories[id].auditRefs)
      if (ref.weight > 0 && r.audits[ref.id].score !== null && r.audits[ref.id].score < 1)
        failing.add(`${id}: ${ref.id}`);
for (const f of failing) console.log(`    ${f}`);
JS
  done
done
