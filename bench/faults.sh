#!/usr/bin/env bash
# The undo promise under a randomized fault schedule: kill -9, SIGTERM, dropped SSH connections and failed
# tasks at random moments, over a playbook that uses every changing module, on two real sshd hosts.
# Each fault ends either with both hosts byte-, mode-, owner- and link-identical to where they started (exit 2,
# 4, 130, or a rollback's 0) or with exit 3 naming what is left. Prints the table of outcomes.
# Usage: bench/faults.sh              (200 faults from the default seed)
#        COUNT=500 SEED=7 bench/faults.sh
# Needs root (the test user `unwind`), openssh-server, Java 17 and Maven.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COUNT=${COUNT:-200}
SEED=${SEED:-20261202}
cd "$ROOT"
mvn -B -q -Dstyle.color=never -pl runner -am -Dtest=RandomFaultScheduleTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dunwind.faults.count="$COUNT" -Dunwind.faults.seed="$SEED" verify >/dev/null || status=$?
cat runner/target/fault-schedule.txt
exit "${status:-0}"
