# Sourced by the benchmarks that run wrk. wrk counts every answer as a request, an error page's
# as much as the page's own: a run that met any gets no figure, as it does not measure the page.
# wrk_checked ARGS...: runs `wrk ARGS...` and prints its report; exits the benchmark with the
# report's error lines when it counted answers outside 2xx and 3xx, or socket errors.
wrk_checked() {
  local report
  report=$(wrk "$@")
  if grep -qE 'Non-2xx or 3xx responses|Socket errors' <<<"$report"; then
    {
      echo "benchmark stopped: wrk $* met errors, so its figures are not the page's:"
      grep -E 'Non-2xx or 3xx responses|Socket errors' <<<"$report"
    } >&2
    exit 1
  fi
  printf '%s\n' "$report"
}
