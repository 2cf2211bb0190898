#!/usr/bin/env bash
# One round of the posting benchmark against one build (BENCHMARKS.md, section 4): start the packaged
# service on a fresh schema, set up a merchant with 10,000 members (extra PostingLoad options set
# its ledger policy), warm up with wrk, then measure with wrk at 16 and 32 connections, and stop.
#   examples/load/ab-postings.sh APP_DIR LABEL [PostingLoad options...]
# APP_DIR is a copy of admin-api/target/quarkus-app; run `./mvnw -B -q -pl engine,rules,examples
# dependency:build-classpath -Dmdep.outputFile=/tmp/ex.cp` once first. Talks only to 127.0.0.1.
set -euo pipefail
app="$1"; label="$2"; shift 2
cd "$(dirname "$0")/../.."
schema="jifen_ab_$$"
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop schema if exists $schema cascade"
JIFEN_DB_SCHEMA=$schema JIFEN_SEED_EXAMPLE=false JIFEN_LEDGER_JOBS_EVERY=off JIFEN_HTTP_PORT=8090 \
  java -jar "$app/quarkus-run.jar" > "/tmp/ab-$label.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -d postgres -qc "drop schema if exists $schema cascade"' EXIT
for _ in $(seq 1 120); do curl -sf 127.0.0.1:8090/q/health/ready > /dev/null && break; sleep 1; done # waiting for the process to come up
CP="$(cat /tmp/ex.cp):examples/target/classes:rules/target/classes:engine/target/classes"
eval "export $(java -cp "$CP" io.jifen.examples.load.PostingLoad --url http://127.0.0.1:8090 --members 10000 \
  --setup-only true "$@" | grep MERCHANT)"
RUN=warm wrk -t2 -c16 -d20s -s examples/load/purchases.lua http://127.0.0.1:8090 | tail -1 | sed "s/^/$label warm-up c16: /"
RUN=c16 wrk -t2 -c16 -d30s -s examples/load/purchases.lua http://127.0.0.1:8090 | tail -1 | sed "s/^/$label c16: /"
RUN=c32 wrk -t2 -c32 -d30s -s examples/load/purchases.lua http://127.0.0.1:8090 | tail -1 | sed "s/^/$label c32: /"
uptime | sed "s/^/$label after: /"
