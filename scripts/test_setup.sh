#!/usr/bin/env bash
# Test prerequisites that pip cannot install: Debian's chromium and chromium-driver for the
# report's browser test. Installed when missing and we are root (CI); otherwise the browser
# test says why it skipped.
set -u
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "test setup: installing chromium and chromium-driver (Debian packages)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
    || echo "test setup: could not install chromium; the browser test will skip"
else
  echo "test setup: chromium not installed and not root; the browser test will skip"
fi
exit 0
