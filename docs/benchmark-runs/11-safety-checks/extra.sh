#!/bin/bash
set -e
B=/tmp/bench11
$B/run.sh C 08-compile-C-30bfd9f CompileBenchmark -f 1 -wi 3 -i 5 -t 1
$B/run.sh B 09-compile-B-fd08972 CompileBenchmark -f 1 -wi 3 -i 5 -t 1
$B/run.sh A 10-compile-A-ccf85df CompileBenchmark -f 1 -wi 3 -i 5 -t 1
$B/run.sh C 11-compile-C-30bfd9f CompileBenchmark -f 1 -wi 3 -i 5 -t 1
$B/run.sh B 12-compile-B-fd08972 CompileBenchmark -f 1 -wi 3 -i 5 -t 1
$B/run.sh A 13-compile-A-ccf85df CompileBenchmark -f 1 -wi 3 -i 5 -t 1
$B/run.sh B 14-purchase-B-fd08972 'PurchaseEvaluationBenchmark.(jifen|rawDrools)$' -f 1 -wi 3 -w 2s -i 5 -r 3s -t 1
$B/run.sh A 15-purchase-A-ccf85df 'PurchaseEvaluationBenchmark.(jifen|rawDrools)$' -f 1 -wi 3 -w 2s -i 5 -r 3s -t 1
$B/pg.sh 16-pgbench-end-of-extra
echo ALLDONE
