#!/bin/sh
# PostgreSQL's docker-entrypoint-initdb.d hook (first start only): one database per
# subgraph on the one server. The migrate job then applies each one's migrations.
set -eu
for database in users movies reviews watchlists bookings payments notifications recommendations; do
  echo "creating database $database"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -c "CREATE DATABASE \"$database\""
done
