#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests when it is missing (as root, e.g. on CI).
# The browser tests skip, saying why, when /usr/bin/chromium is still absent.
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "ensure-chromium: installing Debian's chromium (once)…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 || echo "ensure-chromium: apt-get install chromium failed" >&2
fi
exit 0
