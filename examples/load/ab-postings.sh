#!/usr/bin/env bash
# One round of the posting benchmark against one build (BENCHMARKS.md, sections 4 and 5): the steady
# benchmark (steady-postings.sh) with a short warm-up — wrk at 16 connections, then 16 and 32, 30 s
# each. Extra arguments are PostingLoad options that set the merchant's ledger policy.
#   examples/load/ab-postings.sh APP_DIR LABEL [PostingLoad options...]
LOADS="16 16 32" exec "$(dirname "$0")/steady-postings.sh" "$@"
