#!/usr/bin/env bash
# Makes every icon file in assets/ from assets/icon.svg. Run it after editing the SVG and commit the results:
#   assets/make-icons.sh
# Needs (Debian/Ubuntu): librsvg2-bin (rsvg-convert), icoutils (icotool), icnsutils (png2icns).
#   apt-get install librsvg2-bin icoutils icnsutils
# Installs nothing itself.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin)
command -v icotool >/dev/null || missing+=(icoutils)
command -v png2icns >/dev/null || missing+=(icnsutils)
if ((${#missing[@]})); then
  echo "make-icons.sh: missing tools; install the Debian packages: ${missing[*]}" >&2
  exit 1
fi

mkdir -p png
for size in 16 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --format png icon.svg --output "png/icon-$size.png"
done

# Windows: 16-256 in one .ico; the 256 px image stays PNG-compressed (-r), as Windows Vista+ expects.
icotool --create --output icon.ico \
  png/icon-16.png png/icon-32.png png/icon-48.png png/icon-64.png png/icon-128.png --raw=png/icon-256.png

# macOS: the sizes .icns has slots for (64 has none).
png2icns icon.icns png/icon-16.png png/icon-32.png png/icon-48.png png/icon-128.png png/icon-256.png \
  png/icon-512.png >/dev/null

echo "icons written: assets/png/icon-{16,32,48,64,128,256,512}.png assets/icon.ico assets/icon.icns"
