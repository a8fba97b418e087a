#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (Playwright cannot download its own browser on
# machines without general internet). Installs it when missing and we may; otherwise explains.
set -euo pipefail
if [ -x /usr/bin/chromium ] || [ -n "${PLAYWRIGHT_CHROMIUM:-}" ]; then
	exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	echo "Installing Debian's chromium for the end-to-end tests…"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	exit 0
fi
echo "The end-to-end tests need Chromium at /usr/bin/chromium." >&2
echo "Install it (Debian/Ubuntu: sudo apt-get install chromium), or set PLAYWRIGHT_CHROMIUM" >&2
echo "to the path of another Chromium build, then run the tests again." >&2
exit 1
