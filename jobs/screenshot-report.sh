#!/usr/bin/env bash
# Renders a night's report.html in headless Chromium and saves a PNG, to look at the page as
# HR and ops will see it (Debian: apt-get install -y chromium).
#   jobs/screenshot-report.sh out/sample-nightly/2026-01-15/report.html [report.png]
set -euo pipefail
report=$(realpath "${1:?usage: $0 path/to/report.html [out.png]}")
png=$(realpath -m "${2:-${report%.html}.png}")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# --disable-background-networking and friends: the page is self-contained, nothing may be fetched
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$profile" --window-size=1200,1400 \
  --screenshot="$png" "file://$report" >/dev/null 2>&1
echo "$png"
