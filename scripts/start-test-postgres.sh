#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server in a temporary directory on a free port and
# prints its connection URL. No system service is used. Stop it with:
#   pg_ctl -D "$dir" stop   (the directory is printed on stderr)
set -euo pipefail

bin=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && bin="$candidate"
done
if [ -z "$bin" ]; then
  echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
fi

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
dir=$(mktemp -d /tmp/aura-pg.XXXXXX)
chmod 755 "$dir"

# initdb refuses to run as root: run the server as the postgres user then.
run=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$dir"
  run=(runuser -u postgres --)
fi

"${run[@]}" "$bin/initdb" -D "$dir/data" -U aura --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1
"${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
echo "PostgreSQL data in $dir/data (stop: ${run[*]} $bin/pg_ctl -D $dir/data stop)" >&2
echo "postgres://aura@127.0.0.1:$port/postgres"
