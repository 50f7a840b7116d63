#!/usr/bin/env python3
"""Makes the default theme's icons from its SVG mark, run by hand when the mark changes:
favicon.ico (16, 32 and 48 pixels, PNG inside, as every current browser reads it),
apple-touch-icon.png (180) and icon-192.png (192; logo.png is the 512). Needs the `vips`
command (Debian's libvips-tools)."""
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

IMG = Path(__file__).resolve().parent.parent / "themes/default/assets/img"


def render(size: int, out: Path) -> bytes:
    # The mark is drawn on a 32-unit box: scale it to the size asked.
    subprocess.run(["vips", "copy", f"{IMG / 'icon.svg'}[scale={size / 32}]", str(out)], check=True)
    return out.read_bytes()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name, size in (("apple-touch-icon.png", 180), ("icon-192.png", 192)):
            (IMG / name).write_bytes(render(size, tmp / name))
        sizes = (16, 32, 48)
        pngs = [render(s, tmp / f"{s}.png") for s in sizes]
        # ICONDIR, one ICONDIRENTRY per image, then the images (PNG-compressed entries).
        out = struct.pack("<HHH", 0, 1, len(sizes))
        offset = 6 + 16 * len(sizes)
        for size, png in zip(sizes, pngs):
            out += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(png), offset)
            offset += len(png)
        (IMG / "favicon.ico").write_bytes(out + b"".join(pngs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
