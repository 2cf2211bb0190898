#!/bin/bash
set -e
B=/tmp/bench11
$B/pg.sh 00-pgbench-start
$B/run.sh A 01-compile-A-ccf85df CompileBenchmark -f 1 -wi 3 -i 5 -t 1
$B/run.sh B 02-compile-B-fd08972 CompileBenchmark -f 1 -wi 3 -i 5 -t 1
$B/run.sh A 03-compile-A-ccf85df CompileBenchmark -f 1 -wi 3 -i 5 -t 1
$B/run.sh B 04-compile-B-fd08972 CompileBenchmark -f 1 -wi 3 -i 5 -t 1
$B/run.sh A 05-purchase-A-ccf85df 'PurchaseEvaluationBenchmark.(jifen|rawDrools)$' -f 1 -wi 3 -w 2s -i 5 -r 3s -t 1
$B/run.sh B 06-purchase-B-fd08972 'PurchaseEvaluationBenchmark.(jifen|rawDrools)$' -f 1 -wi 3 -w 2s -i 5 -r 3s -t 1
$B/pg.sh 07-pgbench-end
echo ALLDONE
