# Sourced by the benchmarks that start servers on loopback.

# free_port: prints a TCP port of 127.0.0.1 free at the moment of asking.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# with_work_dir: sets `work` to a new directory and, for the server the benchmark starts into
# `server_pid`, stops that server and removes the directory when the benchmark exits, however.
with_work_dir() {
  work=$(mktemp -d)
  server_pid=""
  trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
}
