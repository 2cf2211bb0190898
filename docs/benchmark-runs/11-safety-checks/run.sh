#!/bin/bash
# usage: run.sh A|B outname jmh-args...
set -e
tree=$1; out=/tmp/bench11/$2.txt; shift 2
if [ "$tree" = A ]; then dir=/work/wt-limits; cp=/tmp/cp-A.txt; elif [ "$tree" = D ]; then dir=/tmp/treeD; cp=/tmp/cp-D.txt; elif [ "$tree" = C ]; then dir=/tmp/treeC; cp=/tmp/cp-C.txt; else dir=/tmp/treeB; cp=/tmp/cp-B.txt; fi
cd $dir
{
  echo "# tree $dir, commit $(git rev-parse --short HEAD 2>/dev/null || basename $dir | sed "s/treeB/fd08972 (git archive of main HEAD)/; s/treeC/30bfd9f (git archive of ruleset-limits tip)/; s/treeD/fd08972 with the ConstraintJittingThresholdOption line commented out (throw-away probe)/"), $(date -u +%FT%TZ)"
  echo "# uptime before: $(uptime)"
  echo "# jifen entries on the classpath: $(tr ':' '\n' < $cp | grep -E 'jifen|/work/' | tr '\n' ' ')"
  echo "# java -cp rules/target/test-classes:rules/target/classes:engine/target/classes:\$(cat $cp) org.openjdk.jmh.Main $*"
  java -cp rules/target/test-classes:rules/target/classes:engine/target/classes:$(cat $cp) org.openjdk.jmh.Main "$@"
  echo "# uptime after: $(uptime)"
} > $out 2>&1
