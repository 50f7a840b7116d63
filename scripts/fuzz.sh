#!/usr/bin/env bash
# Runs libFuzzer harnesses built by `make fuzz` (build/fuzz), one after another, each for
# FUZZ_SECONDS on its corpus. Usage: scripts/fuzz.sh BUILD_DIR HARNESS...
#
# Each harness reads fuzz/corpus/<harness>/ (the seeds, never written) and keeps the inputs it
# finds interesting in BUILD_DIR/corpus/<harness>/ (reused by the next run). A crashing, leaking
# or slow input is written to FUZZ_FINDINGS/<harness>/ (default BUILD_DIR/findings). Exits 1 when
# any harness found one.
set -uo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:?build directory}")
shift
seconds=${FUZZ_SECONDS:-60}
findings=${FUZZ_FINDINGS:-$build/findings}
mkdir -p "$findings" && findings=$(realpath "$findings")
# Extra libFuzzer flags, e.g. FUZZ_FLAGS="-jobs=2 -workers=2" or "-only_ascii=1".
read -r -a extra <<<"${FUZZ_FLAGS:-}"

# Readable stack traces; UBSan's reports stop the run (-fno-sanitize-recover) with a trace.
symbolizer=/usr/lib/llvm-14/bin/llvm-symbolizer
[ -x "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH=$symbolizer
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

failed=()
for harness in "$@"; do
  binary=$build/fuzz/fuzz_$harness
  seeds=$PWD/fuzz/corpus/$harness
  [ -x "$binary" ] || { echo "fuzz: $binary is missing (make fuzz builds it)" >&2; exit 2; }
  [ -d "$seeds" ] || { echo "fuzz: no corpus folder $seeds" >&2; exit 2; }
  mkdir -p "$build/corpus/$harness" "$findings/$harness"
  echo "fuzz: $harness for ${seconds}s; crashing inputs go to $findings/$harness/"
  rm -f "$findings/$harness"/fuzz-*.log
  # -timeout: an input that takes this long counts as a finding (a hang), not a slow run. Run
  # from the findings folder: with -jobs, libFuzzer writes its workers' fuzz-N.log there.
  (cd "$findings/$harness" && "$binary" -max_total_time="$seconds" -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$findings/$harness/" "${extra[@]}" \
    "$build/corpus/$harness" "$seeds") >"$findings/$harness.log" 2>&1
  status=$?
  cat "$findings/$harness"/fuzz-*.log >>"$findings/$harness.log" 2>/dev/null
  if [ $status -ne 0 ] || ls "$findings/$harness"/{crash,leak,timeout,oom}-* >/dev/null 2>&1; then
    failed+=("$harness")
    tail -n 40 "$findings/$harness.log"
  fi
  grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$findings/$harness.log" | tail -n 2
done

if [ ${#failed[@]} -gt 0 ]; then
  echo
  echo "fuzz: findings in: ${failed[*]} (full logs: $findings/<harness>.log)"
  for harness in "${failed[@]}"; do
    ls -1 "$findings/$harness"/{crash,leak,timeout,oom}-* 2>/dev/null
  done
  echo "Reproduce with $build/fuzz/fuzz_<harness> <file>; once fixed, copy the file (minimised with"
  echo "-minimize_crash=1 -runs=10000) into fuzz/corpus/<harness>/ so that make test replays it."
  exit 1
fi
echo "fuzz: no findings; inputs found crashing would be in $findings/<harness>/"
