#!/usr/bin/env bash
# Makes sure a PostgreSQL server is running for the data-layer tests and prints its URL.
# Installs Debian's postgresql when missing (as root, e.g. on CI); starts a private cluster on
# 127.0.0.1:54329 under /tmp/siilab-pg. Prints nothing (tests then skip PostgreSQL, saying why)
# when it cannot. Set SIILAB_TEST_PG_URL yourself to use another server.
set -u
if [ -n "${SIILAB_TEST_PG_URL:-}" ]; then echo "$SIILAB_TEST_PG_URL"; exit 0; fi
PORT=54329
DIR=/tmp/siilab-pg
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
BIN=$(find_bin)
if [ -z "$BIN" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "ensure-postgres: installing Debian's postgresql (once)…" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 || { echo "ensure-postgres: apt-get install postgresql failed" >&2; exit 0; }
    BIN=$(find_bin)
  else
    echo "ensure-postgres: PostgreSQL is not installed and this user cannot install it" >&2; exit 0
  fi
fi
RUNAS=""
if [ "$(id -u)" = 0 ]; then RUNAS="su postgres -s /bin/bash -c"; fi
run() { if [ -n "$RUNAS" ]; then $RUNAS "$*"; else bash -c "$*"; fi; }
if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p $PORT 2>/dev/null; then
  rm -rf "$DIR"; mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
  run "$BIN/initdb -D $DIR/data -A trust -U postgres" >/dev/null 2>&1 || { echo "ensure-postgres: initdb failed" >&2; exit 0; }
  run "$BIN/pg_ctl -D $DIR/data -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1' -l $DIR/log -w start" >/dev/null 2>&1 || { echo "ensure-postgres: could not start PostgreSQL (see $DIR/log)" >&2; exit 0; }
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
