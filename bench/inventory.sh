#!/bin/sh
# Parses an INI inventory of 10 000 hosts written with ranges (100 groups of web-NNN hosts, group
# vars, children) with unwind and with ansible-inventory, and prints a table.
#   unwind --list        : the whole CLI run (JVM start + parse + JSON of every host), like ansible-inventory --list
#   unwind parse (warm)  : Inventory.load + hostVars of every host inside a warm JVM (median of 10 rounds)
# Usage: bench/inventory.sh   (from the repository root; builds the runner jar if needed)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
JAR="$ROOT/runner/target/unwind.jar"
if [ ! -f "$JAR" ] || [ ! -d "$ROOT/runner/target/test-classes" ]; then
  (cd "$ROOT" && mvn -q -o package -pl runner -am -DskipTests -Dmaven.test.skip.exec=true)
  (cd "$ROOT" && mvn -q -o test-compile -pl runner -am)
fi
CP="$JAR:$ROOT/runner/target/test-classes"

INV="$WORK/hosts"
{
  echo "[all:vars]"
  echo "ansible_user=deploy"
  i=0
  while [ $i -lt 100 ]; do
    echo "[g$i]"
    echo "g$i-web[001:100].example.com ansible_port=22 rack=r$i"
    echo "[g$i:vars]"
    echo "zone=z$((i % 7))"
    i=$((i + 1))
  done
  echo "[everything:children]"
  i=0
  while [ $i -lt 100 ]; do echo "g$i"; i=$((i + 1)); done
} > "$INV"
echo "inventory: $(wc -l < "$INV") lines, 10000 hosts (ranges) — $(nproc) cores"

cpu() { # runs a command, prints "wall_s user+sys_s"
  /usr/bin/time -f "%e %U %S" -o "$WORK/time" "$@" > "$WORK/out" 2>/dev/null
  awk '{printf "%.2f %.2f", $1, $2 + $3}' "$WORK/time"
}

printf '%-34s %10s %12s\n' "run" "wall (s)" "CPU (s)"
set -- $(cpu java -cp "$CP" dev.unwind.cli.InventoryCommand -i "$INV" --list)
printf '%-34s %10s %12s\n' "unwind inventory --list" "$1" "$2"
UNWIND_HOSTS=$(python3 -c "import json,sys; print(len(json.load(open('$WORK/out'))['_meta']['hostvars']))")
if command -v ansible-inventory >/dev/null 2>&1; then
  : > "$WORK/empty.cfg"
  set -- $(ANSIBLE_CONFIG="$WORK/empty.cfg" cpu ansible-inventory -i "$INV" --list)
  printf '%-34s %10s %12s\n' "ansible-inventory --list" "$1" "$2"
  ANSIBLE_HOSTS=$(python3 -c "import json,sys; print(len(json.load(open('$WORK/out'))['_meta']['hostvars']))")
  echo "hosts listed: unwind=$UNWIND_HOSTS ansible=$ANSIBLE_HOSTS"
else
  echo "ansible-inventory not installed: apt-get install -y ansible"
fi
echo "unwind in a warm JVM (Inventory.load + hostVars of every host):"
java -cp "$CP" dev.unwind.inventory.InventoryParseBenchmark "$INV" 10
