#!/usr/bin/env python3
"""Rejects an #include that crosses a forbidden edge between modules (docs/architecture.md).

Also keeps libraries in their place: only src/db/ speaks SQLite or libpq, only src/metrics/ speaks
prometheus-cpp, and only src/http/server.cpp includes Boost.Beast or Asio (compile time). Exit 1 with one line per violation.
"""
import pathlib
import re
import sys

ALLOWED = {
    "core": set(),
    "domain": {"core"},
    "config": {"core"},
    "db": {"core"},
    "sanitize": {"core"},
    "search": {"core"},
    "render": {"core"},
    "http": {"core"},
    "crypto": {"core"},
    "media": {"domain", "crypto", "core"},
    "cache": {"core"},
    "metrics": set(),
    "storage": {"db", "domain", "core"},
    "backup": {"storage", "db", "core"},
    "ingest": {"domain", "sanitize", "core"},
    "fetch": {"core"},
    "app": {
        "storage", "db", "ingest", "fetch", "media", "search", "crypto", "sanitize", "domain",
        "config",
        "core",
    },
    "provision": {"app", "domain", "core"},
    "site": {
        "app", "cache", "render", "http", "metrics", "domain", "config", "core", "sanitize",
        "search",
    },
    "newsroom": {"app", "render", "http", "domain", "config", "core"},
    "api": {"app", "http", "domain", "core"},
    "cli": None,  # the composition root may use every module
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def main() -> int:
    root = pathlib.Path(__file__).resolve().parent.parent / "src"
    problems = []
    for path in sorted(root.rglob("*.[ch]pp")):
        rel = path.relative_to(root)
        module = rel.parts[0] if len(rel.parts) > 1 else None
        text = path.read_text(encoding="utf-8")
        for kind, target in INCLUDE.findall(text):
            if kind == '"':
                other = target.split("/")[0]
                if module and other != module and other in ALLOWED:
                    allowed = ALLOWED.get(module)
                    if module not in ALLOWED:
                        problems.append(f"{rel}: module '{module}' is not in the architecture table")
                    elif allowed is not None and other not in allowed:
                        problems.append(f"{rel}: '{module}' may not include '{target}'")
            else:
                if target.startswith(("sqlite3", "libpq")) and module != "db":
                    problems.append(f"{rel}: only src/db may include <{target}>")
                if target.startswith("prometheus/") and module != "metrics":
                    problems.append(f"{rel}: only src/metrics may include <{target}>")
                if target.startswith(("boost/beast", "boost/asio")) and str(rel) != "http/server.cpp":
                    problems.append(f"{rel}: only http/server.cpp may include <{target}>")
    for p in problems:
        print(p)
    print(f"{len(problems)} dependency violation(s) in {len(list(root.rglob('*.[ch]pp')))} files")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
