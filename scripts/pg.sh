#!/usr/bin/env bash
# The PostgreSQL server the tests use: Debian's `postgresql` package, its default cluster
# started with pg_ctlcluster, and a superuser role for the user running the tests (peer
# login over the local socket). Installs the package when it is missing and we are root.
# Under CI (CI=true) a server that cannot be started is an error; locally the PostgreSQL
# tests are then skipped with the reason.
set -uo pipefail

fail() {
  echo "scripts/pg.sh: $*" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "scripts/pg.sh: PostgreSQL-testerna hoppas över." >&2
  exit 0
}

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installerar postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null \
      || fail "apt-get install postgresql misslyckades"
  else
    fail "postgresql saknas (installera: sudo apt-get install -y postgresql)"
  fi
fi

# The newest installed cluster (Debian creates "main" with the package).
read -r version cluster _port status _ < <(pg_lsclusters --no-header | sort -k1,1nr | head -1) \
  || fail "inget PostgreSQL-kluster hittades (pg_createcluster)"
if [ "$status" != "online" ]; then
  if [ "$(id -u)" = "0" ]; then
    pg_ctlcluster "$version" "$cluster" start || fail "pg_ctlcluster $version $cluster start misslyckades"
  else
    fail "klustret $version/$cluster är inte igång (sudo pg_ctlcluster $version $cluster start)"
  fi
fi

me="$(id -un)"
if [ "$(id -u)" = "0" ] && [ "$me" != "postgres" ]; then
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    runuser -u postgres -- psql -qtAc "SELECT 1" >/dev/null 2>&1 && break
    sleep 1
  done
  exists="$(runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname = '$me'")" \
    || fail "servern svarar inte"
  if [ "$exists" != "1" ]; then
    runuser -u postgres -- psql -qc "CREATE ROLE \"$me\" SUPERUSER LOGIN" \
      || fail "kunde inte skapa rollen $me"
  fi
fi
echo "PostgreSQL $version/$cluster igång"
