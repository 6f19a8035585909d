#!/bin/sh
# Redraw docs/digest.png: run the real demo (the bundled replay of the sources on 127.0.0.1)
# and screenshot its digest in headless Chromium (apt-get install chromium).
# Usage: sh docs/make_digest_png.sh [height]   (from the repository root, venv active)
set -eu
HEIGHT="${1:-2200}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && kzmon demo --workdir "$WORK/demo" > "$WORK/demo.log")
PAGE="$(ls "$WORK"/demo/digest-*.html | head -n 1)"
CHROME="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
"$CHROME" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size="720,$HEIGHT" --screenshot="$REPO/docs/digest.png" "file://$PAGE" 2>/dev/null
echo "docs/digest.png from $(basename "$PAGE") ($(wc -c < "$PAGE") bytes of HTML)"
