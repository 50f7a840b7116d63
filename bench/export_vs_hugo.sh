#!/usr/bin/env bash
# `dateline export` against Hugo building the same content (issue 15: "Export: at least twice
# Hugo's pages per second on the same content"). Figures and ratios, never pass/fail.
# Usage: bench/export_vs_hugo.sh [path/to/dateline]
#        ARTICLES (5000 generated stories per site), REPEAT (3 runs of each, taken in turn, medians)
#        TMPDIR=/dev/shm: everything in memory, without the disk (both write ~300 MB of small files
#        at 5000, and the system time of creating them swings by 2x from run to run on this machine)
#
# The network: `dateline init --demo` (English and Arabic sites) plus ARTICLES generated stories per
# site (bench/generate_archive). bench/hugo_site_from_archive.py writes the same stories as one
# multilingual Hugo site (a language per Dateline site, /en/ and /ar/) with the layouts of
# bench/hugo/: every story page (headline, standfirst, byline, dateline, times, lead picture with
# caption and credit, body HTML as it is, tags, six related stories by tags and section), the home
# pages (lead story, latest, four per section), section and tag pages 20 stories a page, the
# 404 page, the theme's assets and the pictures copied. Only the `hugo` build is timed, never the
# conversion. Pages are counted alike for both: index.html files that are not a meta-refresh
# redirect (Hugo's page/1/ aliases, each tool's root page leading to /en/).
# Every heavy step takes /tmp/dateline-heavy.lock, so that it never runs beside a build.
# Loopback only: nothing is served, nothing is fetched.
set -euo pipefail
bin=${1:-build/release/dateline}
generator=${GENERATOR:-$(dirname "$bin")/bench/generate_archive}
articles=${ARTICLES:-5000}
repeat=${REPEAT:-3}
lock=/tmp/dateline-heavy.lock
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
command -v hugo >/dev/null || { echo "export_vs_hugo: hugo is missing (scripts/install-deps.sh); skipped" >&2; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
heavy() { flock "$lock" "$@"; }

"$bin" init --data "$work/data" --demo >"$work/init.log" 2>&1 || { cat "$work/init.log" >&2; exit 1; }
heavy "$generator" --data "$work/data" --articles "$articles" >/dev/null 2>"$work/generate.log" ||
  { cat "$work/generate.log" >&2; exit 1; }
heavy python3 "$here/hugo_site_from_archive.py" "$work/data" "$root/themes/default" "$here/hugo" \
  "$work/hugo" >/dev/null

# One timed run into an empty folder: appends "wall_s peak_kb user_s system_s" to $1.
timed() {
  local figures=$1 out=$2; shift 2
  rm -rf "$out"
  heavy /usr/bin/time -o "$work/time" -f '%e %M %U %S' "$@" >"$work/run.log" 2>&1 ||
    { cat "$work/run.log" >&2; exit 1; }
  cat "$work/time" >>"$figures"
}
: >"$work/dateline.figures"; : >"$work/hugo.figures"
for _ in $(seq "$repeat"); do
  timed "$work/dateline.figures" "$work/out-dateline" \
    "$bin" export --data "$work/data" --out "$work/out-dateline"
  timed "$work/hugo.figures" "$work/out-hugo" \
    hugo --quiet --source "$work/hugo" --destination "$work/out-hugo" --cacheDir "$work/hugo-cache"
done

# Pages: index.html files that are not redirects; the rest are counted apart.
count() { find "$1" -name index.html | wc -l; }
redirects() { { grep -rlF --include=index.html 'http-equiv="refresh"' "$1" || true; } | wc -l; }
newer() { find "$1" -path '*/newer/*' -name index.html | wc -l; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

declare -A pages rate
printf '%-9s %7s %9s %8s %7s %7s %9s %8s\n' tool pages redirects seconds "user s" "sys s" "pages/s" "peak MB"
for tool in dateline hugo; do
  out=$work/out-$tool figures=$work/$tool.figures
  r=$(redirects "$out")
  pages[$tool]=$(( $(count "$out") - r ))
  seconds=$(cut -d' ' -f1 "$figures" | median)
  user=$(cut -d' ' -f3 "$figures" | median)
  sys=$(cut -d' ' -f4 "$figures" | median)
  peak=$(cut -d' ' -f2 "$figures" | median)
  rate[$tool]=$(echo "${pages[$tool]} / $seconds" | bc -l)
  printf '%-9s %7d %9d %8.2f %7.2f %7.2f %9.0f %8.0f\n' "$tool" "${pages[$tool]}" "$r" "$seconds" "$user" "$sys" \
    "${rate[$tool]}" "$(echo "$peak / 1024" | bc -l)"
done
windows=$(newer "$work/out-dateline")
echo "each run, wall seconds: dateline $(cut -d' ' -f1 "$work/dateline.figures" | paste -sd' '); hugo $(cut -d' ' -f1 "$work/hugo.figures" | paste -sd' ')"
dateline_seconds=$(cut -d' ' -f1 "$work/dateline.figures" | median)
printf '\nratio, dateline pages/s / hugo pages/s:                          %.2f\n' \
  "$(echo "${rate[dateline]} / ${rate[hugo]}" | bc -l)"
printf 'ratio on the pages both write (dateline without its %d newer/ pages): %.2f\n' "$windows" \
  "$(echo "(${pages[dateline]} - $windows) / $dateline_seconds / ${rate[hugo]}" | bc -l)"
echo "($articles generated stories per site and the demo's, 2 sites; medians of $repeat runs each,"
echo " taken in turn; seconds: wall clock, user s and sys s: CPU time, peak: maximum resident set, from"
echo " /usr/bin/time; $(hugo version | cut -d' ' -f1-2); Dateline also writes a newer/ID/ page beside"
echo " each older page of a listing, which Hugo's numbered pages have no counterpart for)"
