#!/usr/bin/env bash
# SSH benchmark: the same `true` tasks on the same local sshd hosts through
#   raw ssh with a ControlMaster (the floor), ansible-playbook (pipelining + ControlPersist),
#   unwind's SSH transport driven directly (SshTransportBench), and `unwind play` once it exists.
# Usage: bench/ssh.sh            (workloads "5 hosts x 10 tasks" and "20 hosts x 50 tasks")
#        WORKLOADS="5:10 20:50" FORKS=20 bench/ssh.sh
# Needs root (creates the plain-shell test user `unwind`), openssh-server, GNU time; ansible optional.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORKLOADS=${WORKLOADS:-"5:10 20:50"}
FORKS=${FORKS:-20}
USER_NAME=unwind
MAXHOSTS=0
for w in $WORKLOADS; do n=${w%%:*}; (( n > MAXHOSTS )) && MAXHOSTS=$n; done

# shellcheck source=bench/fleet.sh
. "$ROOT/bench/fleet.sh"
start_fleet "$MAXHOSTS"

# --- the runners -------------------------------------------------------------------------------
raw_ssh() { # hosts tasks: one ControlMaster per host, then every task on every host through it
  local n=$1 m=$2 masters=()
  for i in $(seq 1 "$n"); do ssh -F "$D/ssh_config" -o ControlMaster=yes -N "host$i" & masters+=($!); done
  for i in $(seq 1 "$n"); do
    for _ in $(seq 1 500); do ssh -F "$D/ssh_config" -O check "host$i" 2>/dev/null && break; sleep 0.01; done
  done
  for _ in $(seq 1 "$m"); do
    seq 1 "$n" | xargs -P "$FORKS" -I{} ssh -F "$D/ssh_config" -o ControlMaster=no host{} true
  done
  for i in $(seq 1 "$n"); do ssh -F "$D/ssh_config" -O exit "host$i" 2>/dev/null || true; done
  wait "${masters[@]}" 2>/dev/null || true
}

ansible_files() { # hosts tasks
  local n=$1 m=$2
  { echo "[fleet]"; head -n "$n" "$D/hosts" | while read -r name addr port; do
      echo "$name ansible_host=$addr ansible_port=$port"; done
    echo "[fleet:vars]"
    echo "ansible_user=$USER_NAME"
    echo "ansible_ssh_private_key_file=$D/client_key"
    echo "ansible_python_interpreter=/usr/bin/python3"
    echo "ansible_ssh_common_args='-o UserKnownHostsFile=$D/known_hosts -o IdentitiesOnly=yes'"
  } > "$D/inventory-$n.ini"
  # the same playbook for both: `true` commands (reads), or with MIXED=1 a mix of command, copy, file and
  # template tasks (the templates differ only in syntax: Jinja for Ansible, FreeMarker for unwind)
  for flavour in ansible unwind; do
    { echo "- hosts: fleet"; echo "  gather_facts: false"; echo "  tasks:"
      for t in $(seq 1 "$m"); do
        echo "    - name: task $t"
        case $(( ${MIXED:-0} ? t % 4 : 0 )) in
          0) echo "      command: 'true'"; echo "      changed_when: false" ;;
          1) echo "      copy: {dest: '/tmp/unwind-bench-{{H}}/copy-$t', content: 'task $t'}" ;;
          2) echo "      file: {path: '/tmp/unwind-bench-{{H}}/dir-$t', state: directory}" ;;
          3) echo "      template: {src: '$D/page.$flavour', dest: '/tmp/unwind-bench-{{H}}/page-$t'}" ;;
        esac
      done
    } > "$D/play-$m-$flavour.yml"
    if [[ $flavour == ansible ]]; then sed -i 's/{{H}}/{{ inventory_hostname }}/' "$D/play-$m-$flavour.yml"
    else sed -i 's/{{H}}/${inventory_hostname}/' "$D/play-$m-$flavour.yml"; fi
  done
  echo 'host {{ inventory_hostname }}' > "$D/page.ansible"
  echo 'host ${inventory_hostname}' > "$D/page.unwind"
  # each host's own folder (all hosts are this machine)
  for i in $(seq 1 "$n"); do rm -rf "/tmp/unwind-bench-host$i"; mkdir -p "/tmp/unwind-bench-host$i"; chown "$USER_NAME" "/tmp/unwind-bench-host$i"; done
  ansible_config
}

JAVA_CP=""
unwind_transport() { # hosts tasks
  head -n "$1" "$D/hosts" > "$D/hosts-$1"
  java -cp "$JAVA_CP" dev.unwind.transport.ssh.SshTransportBench "$D/hosts-$1" "$USER_NAME" "$D/client_key" \
    "$D/known_hosts" "$2" "$FORKS"
}

measure() { # label cmd... -> "label wall cpu rss_mb"
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$D/time" bash -c '"$@"' bash "$@" > "$D/out" 2>&1 || { echo "$label FAILED:" >&2; cat "$D/out" >&2; return 1; }
  read -r wall user sys rss < "$D/time"
  printf "%s %s %.2f %.0f\n" "$label" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
  grep -h '^unwind-transport:' "$D/out" >&2 || true
}

export D FORKS USER_NAME
export -f raw_ssh unwind_transport
echo "building unwind (launcher, first use), warming it up and building the transport benchmark driver..." >&2
# the launcher records its class-data archive from the first play: a warm-up that is not measured
read -r _ addr port < "$D/hosts"
printf "[fleet]\nwarm-up ansible_host=%s ansible_port=%s ansible_user=%s ansible_ssh_private_key_file=%s\n" \
  "$addr" "$port" "$USER_NAME" "$D/client_key" > "$D/warm-up.ini"
printf -- "- hosts: fleet\n  gather_facts: false\n  tasks:\n    - command: 'true'\n      changed_when: false\n" > "$D/warm-up.yml"
"$ROOT/unwind" play -i "$D/warm-up.ini" --known-hosts "$D/known_hosts" "$D/warm-up.yml" >/dev/null
(cd "$ROOT" && mvn -q -o test-compile -pl runner -am >/dev/null)
# the driver is a test class; the launcher's fat jar brings everything it uses (no dependency plugin needed)
export JAVA_CP="$ROOT/runner/target/test-classes:$ROOT/runner/target/unwind.jar"

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(ssh -V 2>&1 | cut -d, -f1), $(java -version 2>&1 | head -1)"
for w in $WORKLOADS; do
  n=${w%%:*}; m=${w##*:}
  echo
  echo "== $n hosts x $m $([[ ${MIXED:-0} == 1 ]] && echo "mixed (command, copy, file, template)" || echo "'true'") tasks, forks $FORKS =="
  rows=()
  rows+=("$(measure raw-ssh-controlmaster raw_ssh "$n" "$m")")
  rows+=("$(measure unwind-transport unwind_transport "$n" "$m")")
  if [[ -x "$ROOT/unwind" ]] && "$ROOT/unwind" play --help >/dev/null 2>&1; then
    ansible_files "$n" "$m"
    rows+=("$(measure unwind-play "$ROOT/unwind" play -i "$D/inventory-$n.ini" --known-hosts "$D/known_hosts" --forks "$FORKS" "$D/play-$m-unwind.yml")")
  else
    echo "(unwind play: not available yet, skipped)" >&2
  fi
  if command -v ansible-playbook >/dev/null; then
    ansible_files "$n" "$m"
    rows+=("$(ANSIBLE_CONFIG="$D/ansible.cfg" measure ansible-playbook ansible-playbook -i "$D/inventory-$n.ini" "$D/play-$m-ansible.yml")")
    for s in "$D"/ansible-cp/*; do [[ -S $s ]] && ssh -o ControlPath="$s" -O exit unused 2>/dev/null || true; done
  else
    echo "(ansible-playbook: not installed, skipped — apt-get install -y ansible)" >&2
  fi
  ansible_wall=$(printf "%s\n" "${rows[@]}" | awk '$1=="ansible-playbook" {print $2}')
  raw_wall=$(printf "%s\n" "${rows[@]}" | awk '$1=="raw-ssh-controlmaster" {print $2}')
  printf "%-24s %8s %8s %9s %12s %10s\n" runner "wall s" "cpu s" "peak MB" "vs ansible" "vs raw"
  for r in "${rows[@]}"; do
    read -r label wall cpu rss <<< "$r"
    va=$([[ -n $ansible_wall ]] && echo "scale=2; $ansible_wall / $wall" | bc | sed 's/^\./0./;s/$/x faster/' || echo -)
    vr=$(echo "scale=2; $wall / $raw_wall" | bc | sed 's/^\./0./;s/$/x/')
    printf "%-24s %8s %8s %9s %12s %10s\n" "$label" "$wall" "$cpu" "$rss" "$va" "$vr"
  done
done
