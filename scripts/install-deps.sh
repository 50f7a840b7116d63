#!/usr/bin/env bash
# Installs every Debian and npm package Dateline needs. Idempotent: when everything is present it
# only checks and returns in about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(
  build-essential cmake ninja-build ccache mold pkgconf git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libctemplate-dev libsqlite3-dev sqlite3 libpq-dev postgresql libicu-dev libgumbo-dev
  # cmark-gfm: the newsroom's Markdown bodies (tables, strikethrough, autolinks: the extensions package)
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  # dtl: the diff (Myers' O(NP)) behind comparing two revisions of a story; header-only
  libdtl-dev
  # libstemmer (Snowball): English and Arabic stems for search
  libstemmer-dev
  # pugixml: feeds (RSS, Atom) and sitemaps written as XML with every character escaped right
  libpugixml-dev
  # valijson: wire items checked against the JSON Schema their standard publishes (ninjs); header-only
  libvalijson-dev
  # libcurl: the wire desk's pulls of feeds and agencies' endpoints, and remote pictures
  libcurl4-openssl-dev
  # libxml2-utils (xmllint) checks sitemaps against their schemas; python3-feedparser reads the
  # feeds back as a feed reader does (tests/http/discovery.test.mjs)
  libxml2-utils python3-feedparser
  # libqrencode: the QR code that carries a two-step sign-in key to an authenticator app
  libqrencode-dev
  # libsystemd: `serve` tells systemd it is ready (Type=notify); systemd-analyze checks the unit
  # file; dpkg-dev's dpkg-shlibdeps finds the package's dependencies (`make package`)
  libsystemd-dev systemd dpkg-dev
  # libarchive: `dateline backup` and `restore` (tar archives, gzip optional)
  libarchive-dev
  # openssl: the proxy tests' throwaway certificate; caddy: the Caddy example run in front of
  # Dateline as nginx's is (tests/http/proxy.test.mjs)
  openssl caddy
  libsodium-dev libssl-dev libxxhash-dev zlib1g-dev libbrotli-dev prometheus-cpp-dev libcli11-dev libspdlog-dev libfmt-dev libtomlplusplus-dev
  # libvips-tools: `vips` for scripts/convert-demo-art.sh (SVG through librsvg2-2, which libvips42 depends on)
  libvips-dev libvips-tools
  libgtest-dev libgmock-dev libbenchmark-dev wrk nginx-light
  # hugo: the peer of `dateline export` in bench/export_vs_hugo.sh (the same content as a Hugo site)
  hugo
  # faketime: the HTTP tests move the server's wall clock instead of sleeping (tests/support/dateline.mjs)
  faketime
  # The official Prometheus client's parser reads /metrics back in tests/http/metrics.test.mjs
  python3-prometheus-client
  chromium default-jre-headless fonts-noto-core
  clang-format clang-tidy-14
  clang-14 libclang-rt-14-dev llvm-14
)

missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Node 20 comes with the machine; Debian's nodejs is too old for playwright-core (docs/decisions).
if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "install-deps: npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
