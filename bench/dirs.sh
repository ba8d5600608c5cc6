#!/usr/bin/env bash
# Nested directories with attributes: unwind beside ansible-playbook in the same run, forks matched, on N real sshd
# hosts. Two shapes, each from nothing (every directory is new) and again (nothing to do):
#   deep  - one `file: state=directory` task for a path 10 levels below a fresh folder (Ansible gives every
#           directory it creates the task's mode, owner and group; so must unwind)
#   steps - 10 `file` tasks, each one level deeper, as roles write them
# Usage: bench/dirs.sh                 (2 hosts, forks 20)
#        HOSTS=5 LEVELS=20 bench/dirs.sh
# Needs root (creates the plain-shell login user `unwind`), openssh-server, GNU time, ansible.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
HOSTS=${HOSTS:-2}
LEVELS=${LEVELS:-10}
FORKS=${FORKS:-20}
USER_NAME=unwind

# shellcheck source=bench/fleet.sh
. "$ROOT/bench/fleet.sh"
start_fleet "$HOSTS"
command -v ansible-playbook >/dev/null || { echo "needs ansible-playbook (apt-get install -y ansible)" >&2; exit 2; }
{ echo "[fleet]"; while read -r name addr port; do echo "$name ansible_host=$addr ansible_port=$port"; done < "$D/hosts"
  echo "[fleet:vars]"
  echo "ansible_user=$USER_NAME"
  echo "ansible_ssh_private_key_file=$D/client_key"
  echo "ansible_python_interpreter=/usr/bin/python3"
  echo "ansible_ssh_common_args='-o UserKnownHostsFile=$D/known_hosts -o IdentitiesOnly=yes'"
} > "$D/inventory.ini"
ansible_config

path() { # runner -> the deepest directory, one folder per host and runner (all hosts are this machine)
  local p="/tmp/unwind-dirs-$2-$1"; for l in $(seq 1 "$LEVELS"); do p="$p/level$l"; done; echo "$p"
}
playbooks() { # runner host-var-syntax
  local var=$2 deep steps=""
  local p="/tmp/unwind-dirs-$var-$1"
  deep=$(path "$1" "$var")
  for l in $(seq 1 "$LEVELS"); do p="$p/level$l"
    steps="$steps    - file: {path: '$p', state: directory, mode: '0750', owner: $USER_NAME, group: $USER_NAME}\n"; done
  printf -- "- hosts: fleet\n  gather_facts: false\n  tasks:\n    - file: {path: '%s', state: directory, mode: '0750', owner: %s, group: %s}\n" \
    "$deep" "$USER_NAME" "$USER_NAME" > "$D/deep-$1.yml"
  printf -- "- hosts: fleet\n  gather_facts: false\n  tasks:\n$steps" > "$D/steps-$1.yml"
}
playbooks ansible '{{ inventory_hostname }}'
playbooks unwind '${inventory_hostname}'

measure() { # cmd... -> wall seconds
  /usr/bin/time -f "%e" -o "$D/time" "$@" > "$D/out" 2>&1 || { echo "FAILED: $*" >&2; cat "$D/out" >&2; exit 1; }
  cat "$D/time"
}
clean() { rm -rf /tmp/unwind-dirs-*; }
verify() { # shape: every host holds the deepest directory with the wanted attributes, for both runners
  for name in $(cut -d' ' -f1 "$D/hosts"); do for r in ansible unwind; do
    local p="/tmp/unwind-dirs-$name-$r"
    for l in $(seq 1 "$LEVELS"); do p="$p/level$l"
      [[ $(stat -c '%a %U %G' "$p") == "750 $USER_NAME $USER_NAME" ]] || { echo "$1/$r: $p is $(stat -c '%a %U %G' "$p")" >&2; exit 1; }
    done
  done; done
}

"$ROOT/unwind" play -i "$D/inventory.ini" --known-hosts "$D/known_hosts" "$D/deep-unwind.yml" >/dev/null   # builds, warms up
clean
echo "machine: $(nproc) cores, $(. /etc/os-release; echo "$PRETTY_NAME"), $(ansible-playbook --version | sed -n 1p)"
echo "== $HOSTS hosts x $LEVELS nested directories (mode, owner, group), forks $FORKS =="
printf "| %-5s | %-8s | %14s | %13s | %16s |\n" shape run "ansible wall s" "unwind wall s" "unwind / ansible"
printf "|%s|\n" "---|---|---:|---:|---:"
for shape in deep steps; do
  clean
  for run in new again; do
    aw=$(ANSIBLE_CONFIG="$D/ansible.cfg" measure ansible-playbook -i "$D/inventory.ini" "$D/$shape-ansible.yml")
    uw=$(measure "$ROOT/unwind" play -i "$D/inventory.ini" --known-hosts "$D/known_hosts" --forks "$FORKS" "$D/$shape-unwind.yml")
    verify "$shape"
    printf "| %-5s | %-8s | %14s | %13s | %15.2fx |\n" "$shape" "$run" "$aw" "$uw" "$(echo "scale=4; $uw / $aw" | bc)"
  done
done
for s in "$D"/ansible-cp/*; do [[ -S $s ]] && ssh -o ControlPath="$s" -O exit unused 2>/dev/null || true; done
clean
