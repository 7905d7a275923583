#!/usr/bin/env bash
# Starts the services the tests use, on loopback, and exports their URLs:
#   CONFAB_TEST_DATABASE_URL  a PostgreSQL role that may create databases (each test run makes its own)
#   CONFAB_TEST_REDIS_URL     a Redis server
# Idempotent: what already runs is left as it is. With a command after the options, runs it with the
# variables set (`bash scripts/services.sh pnpm test`); without one, prints them as `export` lines.
# PostgreSQL and Redis come from Debian's packages (`bash scripts/setup.sh --services` installs them).
# A CONFAB_TEST_DATABASE_URL / CONFAB_TEST_REDIS_URL already set is used as it is (your own servers).
set -euo pipefail

log() { printf '\033[1;34m[services]\033[0m %s\n' "$*" >&2; }

ROLE="confab_test"
PASSWORD="confab_test"

# Runs a command as the postgres system user (root: runuser; otherwise sudo).
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

start_postgres() {
  if [ -n "${CONFAB_TEST_DATABASE_URL:-}" ]; then
    log "PostgreSQL: using the given CONFAB_TEST_DATABASE_URL"
    return
  fi
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    echo "PostgreSQL is not installed: run 'bash scripts/setup.sh --services' first." >&2
    exit 1
  fi
  # The first cluster Debian made when the package was installed (e.g. 15 main 5432); one is made when none is.
  local version name port status
  read -r version name port status _ < <(pg_lsclusters --no-header | head -n 1) || true
  if [ -z "${version:-}" ]; then
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    log "PostgreSQL: creating cluster $version/main"
    if [ "$(id -u)" -eq 0 ]; then pg_createcluster "$version" main >/dev/null; else sudo pg_createcluster "$version" main >/dev/null; fi
    read -r version name port status _ < <(pg_lsclusters --no-header | head -n 1)
  fi
  if [ "$status" != "online" ]; then
    log "PostgreSQL: starting cluster $version/$name on port $port"
    if [ "$(id -u)" -eq 0 ]; then pg_ctlcluster "$version" "$name" start; else sudo pg_ctlcluster "$version" "$name" start; fi
  fi
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 0.5
  done
  pg_isready -q -h 127.0.0.1 -p "$port" || { echo "PostgreSQL did not answer on 127.0.0.1:$port" >&2; exit 1; }
  # A role of the tests' own, allowed to create (and so drop) its databases; the superuser stays as it is.
  as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 -d postgres >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END \$\$;
SQL
  export CONFAB_TEST_DATABASE_URL="postgres://$ROLE:$PASSWORD@127.0.0.1:$port/postgres"
  log "PostgreSQL $version/$name is ready on 127.0.0.1:$port"
}

start_redis() {
  if [ -n "${CONFAB_TEST_REDIS_URL:-}" ]; then
    log "Redis: using the given CONFAB_TEST_REDIS_URL"
    return
  fi
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "Redis is not installed: run 'bash scripts/setup.sh --services' first." >&2
    exit 1
  fi
  if [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" != "PONG" ]; then
    log "Redis: starting on 127.0.0.1:6379"
    redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no >/dev/null
    for _ in $(seq 1 40); do
      [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ] && break
      sleep 0.25
    done
  fi
  [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ] || { echo "Redis did not answer on 127.0.0.1:6379" >&2; exit 1; }
  export CONFAB_TEST_REDIS_URL="redis://127.0.0.1:6379"
  log "Redis is ready on 127.0.0.1:6379"
}

start_postgres
start_redis

if [ "$#" -gt 0 ]; then
  exec "$@"
fi
printf 'export CONFAB_TEST_DATABASE_URL=%q\nexport CONFAB_TEST_REDIS_URL=%q\n' "$CONFAB_TEST_DATABASE_URL" "$CONFAB_TEST_REDIS_URL"
