#!/usr/bin/env bash
# Turns the demo network's illustrations (demo/art/<name>.svg) into its lead images
# (demo/images/<name>.jpg): 1200x675 JPEG, quality 78 (lowered in steps of 4, down to 60, if an
# image would pass 90 KB), metadata stripped, with libvips' `vips` command (Debian: libvips-tools,
# whose libvips loads SVG through librsvg).
#
#     scripts/convert-demo-art.sh              # every SVG in demo/art
#     scripts/convert-demo-art.sh solar-farm   # only the named ones
#
# The same SVG and the same libvips give the same bytes, so an unchanged picture leaves its JPEG
# unchanged. The illustrations contain no text, logos or real people.
set -euo pipefail
cd "$(dirname "$0")/.."

width=1200 height=675 quality=78 min_quality=60 max_bytes=$((90 * 1024))
art=demo/art out=demo/images

# The SVGs are our own, so the SVG loader may run even where untrusted loaders are blocked.
unset VIPS_BLOCK_UNTRUSTED
command -v vips >/dev/null || { echo "convert-demo-art: needs \`vips\` (Debian package libvips-tools)" >&2; exit 1; }

if [ $# -eq 0 ]; then
  set -- "$art"/*.svg
  set -- "${@##*/}"
  set -- "${@%.svg}"
fi

convert() { vips copy "${svg}[dpi=72]" "${jpg}[Q=${q},strip]"; }

mkdir -p "$out"
for name in "$@"; do
  svg="$art/$name.svg" jpg="$out/$name.jpg"
  [ -f "$svg" ] || { echo "convert-demo-art: no such illustration: $svg" >&2; exit 1; }
  q=$quality
  convert
  while [ "$(stat -c %s "$jpg")" -gt "$max_bytes" ] && [ "$q" -gt "$min_quality" ]; do
    q=$((q - 4))
    convert
  done
  size=$(stat -c %s "$jpg")
  dims="$(vipsheader -f width "$jpg")x$(vipsheader -f height "$jpg")"
  [ "$dims" = "${width}x${height}" ] || { echo "convert-demo-art: $jpg is $dims, not ${width}x${height}" >&2; exit 1; }
  [ "$size" -le "$max_bytes" ] || { echo "convert-demo-art: $jpg is $size bytes, over $max_bytes" >&2; exit 1; }
  note=""; [ "$q" -eq "$quality" ] || note=" (quality lowered to $q to stay under $((max_bytes / 1024)) KB)"
  printf '%s.jpg  %s KB%s\n' "$name" "$(awk "BEGIN { printf \"%.1f\", $size / 1024 }")" "$note"
done
