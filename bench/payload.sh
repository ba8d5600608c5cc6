#!/usr/bin/env bash
# Payload benchmark: one S MB file copied to N real sshd hosts, unwind beside ansible-playbook in the same run,
# forks matched, three cases: new (absent on the hosts), replace (another file of the same size over it),
# unchanged (the same file again). Wall time and peak RSS of the controller's largest process (GNU time).
# Usage: bench/payload.sh                      (5 hosts x 200 MB, forks 20)
#        HOSTS=3 MB=50 FORKS=5 bench/payload.sh
#        ANSIBLE=0 HOSTS=3 MB=2048 bench/payload.sh   (unwind alone)
#        FAULTS=1 bench/payload.sh            (then the faults, unwind alone: a failed run after the replace,
#                                              kill -9 mid-transfer then `unwind rollback`, a connection dropped
#                                              mid-transfer; each must leave every host holding the old file)
# Needs root (creates the plain-shell login user `unwind`), openssh-server, GNU time, ansible (optional).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
HOSTS=${HOSTS:-5}
MB=${MB:-200}
FORKS=${FORKS:-20}
USER_NAME=unwind

# shellcheck source=bench/fleet.sh
. "$ROOT/bench/fleet.sh"
start_fleet "$HOSTS"

head -c "${MB}M" /dev/urandom > "$D/one.bin"
head -c "${MB}M" /dev/urandom > "$D/two.bin"
chmod 644 "$D/one.bin" "$D/two.bin"
{ echo "[fleet]"; while read -r name addr port; do echo "$name ansible_host=$addr ansible_port=$port"; done < "$D/hosts"
  echo "[fleet:vars]"
  echo "ansible_user=$USER_NAME"
  echo "ansible_ssh_private_key_file=$D/client_key"
  echo "ansible_python_interpreter=/usr/bin/python3"
  echo "ansible_ssh_common_args='-o UserKnownHostsFile=$D/known_hosts -o IdentitiesOnly=yes'"
} > "$D/inventory.ini"
# each runner writes its own folder on each host (all hosts are this machine)
for i in $(seq 1 "$HOSTS"); do
  rm -rf "/tmp/unwind-payload-host$i"
  mkdir -p "/tmp/unwind-payload-host$i/ansible" "/tmp/unwind-payload-host$i/unwind"
  chown -R "$USER_NAME" "/tmp/unwind-payload-host$i"
done
for src in one two; do
  printf -- "- hosts: fleet\n  gather_facts: false\n  tasks:\n    - name: the payload\n      copy: {src: '%s', dest: '/tmp/unwind-payload-{{ inventory_hostname }}/ansible/payload.bin'}\n" \
    "$D/$src.bin" > "$D/$src-ansible.yml"
  printf -- "- hosts: fleet\n  gather_facts: false\n  tasks:\n    - name: the payload\n      copy: {src: '%s', dest: '/tmp/unwind-payload-\${inventory_hostname}/unwind/payload.bin'}\n" \
    "$D/$src.bin" > "$D/$src-unwind.yml"
done
ansible_config

measure() { # label cmd... -> "wall rss_mb"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$D/time" "$@" > "$D/out" 2>&1 || { echo "$label FAILED:" >&2; cat "$D/out" >&2; return 1; }
  read -r wall rss < "$D/time"
  printf "%s %.0f\n" "$wall" "$(echo "$rss / 1024" | bc)"
}
ansible_run() { [[ ${ANSIBLE:-1} == 0 ]] && { echo "- -"; return; }; ANSIBLE_CONFIG="$D/ansible.cfg" measure "ansible $1" ansible-playbook -i "$D/inventory.ini" "$D/$1-ansible.yml"; }
unwind_run() { measure "unwind $1" "$ROOT/unwind" play -i "$D/inventory.ini" --known-hosts "$D/known_hosts" --forks "$FORKS" "$D/$1-unwind.yml"; }
verify() { # src: every host holds it, for both runners, and no before-image or temporary file is left
  for i in $(seq 1 "$HOSTS"); do for r in $([[ ${ANSIBLE:-1} == 0 ]] || echo ansible) unwind; do
    cmp -s "$D/$1.bin" "/tmp/unwind-payload-host$i/$r/payload.bin" || { echo "host$i/$r does not hold $1.bin" >&2; exit 1; }
  done; done
  left=$(find /tmp/unwind-payload-host* -name '.unwind-*' -o -name '*.unwind.*' | wc -l)
  [[ $left == 0 ]] || { echo "$left before-image(s) or temporary file(s) left on the hosts" >&2; exit 1; }
}

[[ ${ANSIBLE:-1} == 0 ]] || command -v ansible-playbook >/dev/null || { echo "needs ansible-playbook (apt-get install -y ansible)" >&2; exit 2; }
# the launcher builds on first use and records its class-data archive from the first play: a warm-up that is not measured
printf -- "- hosts: fleet\n  gather_facts: false\n  tasks:\n    - command: 'true'\n      changed_when: false\n" > "$D/warm-up.yml"
echo "building unwind (launcher, first use) and warming up..." >&2
"$ROOT/unwind" play -i "$D/inventory.ini" --known-hosts "$D/known_hosts" "$D/warm-up.yml" >/dev/null

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(ssh -V 2>&1 | cut -d, -f1), $(java -version 2>&1 | sed -n 1p)$([[ ${ANSIBLE:-1} == 0 ]] || echo ", $(ansible-playbook --version | sed -n 1p)")"
echo "== $HOSTS hosts x one $MB MB file, forks $FORKS =="
printf "| %-9s | %13s | %12s | %9s | %15s | %14s |\n" case "ansible wall s" "unwind wall s" "unwind / ansible" "ansible peak MB" "unwind peak MB"
printf "|%s|\n" "---|---:|---:|---:|---:|---:"
row() { # case src
  read -r aw ar <<< "$(ansible_run "$2")"
  read -r uw ur <<< "$(unwind_run "$2")"
  verify "$2"
  ratio=$([[ $aw == - ]] && echo - || printf "%.2fx" "$(echo "scale=4; $uw / $aw" | bc)")
  printf "| %-9s | %13s | %12s | %16s | %15s | %14s |\n" "$1" "$aw" "$uw" "$ratio" "$ar" "$ur"
}
row new one
row replace two
row unchanged two
if [[ ${FAULTS:-0} == 1 ]]; then
  # every host holds two.bin now; each fault tries to put one.bin there and must leave two.bin as it was
  printf -- "- hosts: fleet\n  gather_facts: false\n  tasks:\n    - name: the payload\n      copy: {src: '%s', dest: '/tmp/unwind-payload-\${inventory_hostname}/unwind/payload.bin'}\n    - name: the run fails on the last host\n      fail: {msg: injected}\n      when: inventory_hostname == 'host%s'\n" \
    "$D/one.bin" "$HOSTS" > "$D/fail-unwind.yml"
  ANSIBLE=0
  mid_transfer() { # fault-command: starts the replace, runs "fault-command PID" once a temporary file passes 1 MB, prints the exit
    "$ROOT/unwind" play -i "$D/inventory.ini" --known-hosts "$D/known_hosts" --forks "$FORKS" "$D/one-unwind.yml" > "$D/out" 2>&1 &
    local pid=$!
    for _ in $(seq 1 2000); do
      [[ -n $(find /tmp/unwind-payload-host*/unwind -name 'payload.bin.unwind.*' -size +1M 2>/dev/null | head -1) ]] && break; sleep 0.01
    done
    "$@" "$pid"
    local rc=0; wait "$pid" || rc=$?; echo "$rc"
  }
  kill_controller() { kill -9 "$1"; }
  drop_host1() { pkill -P "${PIDS[0]}" sshd || true; }
  fault_row() { # label expected-exits seconds exit
    local as_before=yes; ( verify two ) 2>/dev/null || as_before=NO
    printf "| %-40s | %-12s | %6s | %8s | %s |\n" "$1" "$2" "$4" "$3" "$as_before"
  }
  echo
  echo "== faults: $HOSTS hosts x $MB MB, each host must keep the old file =="
  printf "| %-40s | %-12s | %6s | %8s | %s |\n" fault "exit wanted" exit "wall s" "every host as before"
  printf "|%s|\n" "---|---|---:|---:|---"
  t0=$(date +%s.%N); rc=0; "$ROOT/unwind" play -i "$D/inventory.ini" --known-hosts "$D/known_hosts" --forks "$FORKS" "$D/fail-unwind.yml" > "$D/out" 2>&1 || rc=$?
  fault_row "a task fails after the replace" 2 "$(printf %.2f "$(echo "$(date +%s.%N) - $t0" | bc)")" "$rc"
  t0=$(date +%s.%N); rc=$(mid_transfer kill_controller)
  run=$(ls -t "$UNWIND_HOME/runs" | head -1); rrc=0
  "$ROOT/unwind" rollback "$run" --known-hosts "$D/known_hosts" > "$D/out" 2>&1 || rrc=$?
  fault_row "kill -9 mid-transfer, then rollback" "137, then 0" "$(printf %.2f "$(echo "$(date +%s.%N) - $t0" | bc)")" "$rc, $rrc"
  t0=$(date +%s.%N); rc=$(mid_transfer drop_host1)
  fault_row "host1's connection dropped mid-transfer" "2 or 4" "$(printf %.2f "$(echo "$(date +%s.%N) - $t0" | bc)")" "$rc"
fi
for s in "$D"/ansible-cp/*; do [[ -S $s ]] && ssh -o ControlPath="$s" -O exit unused 2>/dev/null || true; done
rm -rf /tmp/unwind-payload-host*
