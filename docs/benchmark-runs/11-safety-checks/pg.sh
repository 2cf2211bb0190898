#!/bin/bash
out=/tmp/bench11/$1.txt
{ echo "# $(date -u +%FT%TZ) uptime: $(uptime)"; echo "# pgbench -h 127.0.0.1 -U postgres -c 8 -j 2 -T 20 pgbench"; pgbench -h 127.0.0.1 -U postgres -c 8 -j 2 -T 20 pgbench; } > $out 2>&1
