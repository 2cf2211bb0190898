#!/bin/bash
set -e
B=/tmp/bench11
$B/run.sh D 17-purchase-D-fd08972-jitting-default 'PurchaseEvaluationBenchmark.(jifen|rawDrools)$' -f 1 -wi 3 -w 2s -i 5 -r 3s -t 1
$B/run.sh B 18-purchase-B-fd08972 'PurchaseEvaluationBenchmark.(jifen|rawDrools)$' -f 1 -wi 3 -w 2s -i 5 -r 3s -t 1
$B/run.sh D 19-purchase-D-fd08972-jitting-default 'PurchaseEvaluationBenchmark.(jifen|rawDrools)$' -f 1 -wi 3 -w 2s -i 5 -r 3s -t 1
$B/pg.sh 20-pgbench-end-of-probe
echo ALLDONE
