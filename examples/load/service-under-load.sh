# Sourced by the load scripts: start_service APP_DIR LOG [NAME=VALUE ...] starts the packaged service on
# a fresh schema of its own (port 8090, example merchant off, ledger jobs off), stops it and drops the
# schema when the script exits, and sets $pid; then setup_merchant [PostingLoad options] creates a
# merchant with 10,000 members and exports MERCHANT, KEY and MEMBERS for purchases.lua. Run from the
# repository root; needs /tmp/ex.cp (see steady-postings.sh). Talks only to 127.0.0.1.
start_service() {
  local app="$1" log="$2"; shift 2
  schema="jifen_load_$$"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop schema if exists $schema cascade"
  env "$@" JIFEN_DB_SCHEMA=$schema JIFEN_SEED_EXAMPLE=false JIFEN_LEDGER_JOBS_EVERY=off JIFEN_HTTP_PORT=8090 \
    java -jar "$app/jifen-admin-api.jar" > "$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -d postgres -qc "drop schema if exists $schema cascade" 2>/dev/null' EXIT
  for _ in $(seq 1 120); do curl -sf 127.0.0.1:8090/q/health/ready > /dev/null && break; sleep 1; done # waiting for the process to come up
}

setup_merchant() {
  local cp
  cp="$(cat /tmp/ex.cp):examples/target/classes:rules/target/classes:engine/target/classes"
  eval "export $(java -cp "$cp" io.jifen.examples.load.PostingLoad --url http://127.0.0.1:8090 --members 10000 \
    --setup-only true "$@" | grep MERCHANT)"
}
