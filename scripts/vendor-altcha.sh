#!/bin/sh
# Copies the ALTCHA widget's strict-CSP build from npm (node_modules/altcha, the version pinned in
# package.json) into the default theme, which serves it as a static asset. Run after changing
# the version; tests/http/assets.test.mjs fails while the copies differ from node_modules.
set -eu
cd "$(dirname "$0")/.."
from=node_modules/altcha
to=themes/default/assets/vendor/altcha
[ -d "$from" ] || { echo "vendor-altcha: $from is missing; run scripts/install-deps.sh" >&2; exit 1; }
mkdir -p "$to/i18n"
cp "$from/dist/external/altcha.min.js" "$from/dist/external/altcha.css" "$to/"
cp "$from/dist/workers/pbkdf2.js" "$to/"
cp "$from/dist/i18n/ar.js" "$to/i18n/"
cp "$from/LICENSE.txt" "$to/LICENSE.txt"
echo "vendor-altcha: copied altcha $(node -p "require('./$from/package.json').version") to $to"
