#!/usr/bin/env bash
# screenshot.sh renders an HTML file (e.g. the quickstart's servuction-report.html)
# to a PNG with Debian's headless Chromium, so a person can look at the report
# without a browser at hand.
#
#   scripts/screenshot.sh REPORT.html OUT.png [WIDTH] [HEIGHT]
#
# WIDTH defaults to 900 px (the page's column is 860 px) and HEIGHT to 13000 px,
# tall enough for the whole quickstart report (about 11 600 px in Spanish); pass a smaller
# HEIGHT for a picture of the top of the page only. Install Chromium with
# `apt-get install -y chromium`. The browser runs with a throw-away profile and
# no network features; the page itself needs no network.
set -euo pipefail

if [ $# -lt 2 ]; then
	echo "usage: $0 REPORT.html OUT.png [WIDTH] [HEIGHT]" >&2
	exit 2
fi
in=$1
out=$2
width=${3:-900}
height=${4:-13000}

if [ ! -f "$in" ]; then
	echo "screenshot: $in: no such file" >&2
	exit 1
fi
browser=""
for b in chromium chromium-browser google-chrome; do
	if command -v "$b" >/dev/null 2>&1; then
		browser=$b
		break
	fi
done
if [ -z "$browser" ]; then
	echo "screenshot: chromium not found (apt-get install -y chromium)" >&2
	exit 3
fi

abs_in=$(cd "$(dirname "$in")" && pwd)/$(basename "$in")
case "$out" in
/*) abs_out=$out ;;
*) abs_out=$(pwd)/$out ;;
esac
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# Chromium prints harmless D-Bus and GPU warnings on stderr; keep them out of
# the way unless the screenshot fails.
log=$profile/chromium.log
if ! "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
	--disable-background-networking --disable-component-update --disable-sync \
	--disable-default-apps --no-first-run --no-default-browser-check --hide-scrollbars \
	--user-data-dir="$profile" --window-size="${width},${height}" \
	--screenshot="$abs_out" "file://$abs_in" >"$log" 2>&1; then
	cat "$log" >&2
	exit 1
fi
if [ ! -s "$abs_out" ]; then
	cat "$log" >&2
	echo "screenshot: chromium wrote no image" >&2
	exit 1
fi
echo "$abs_out"
