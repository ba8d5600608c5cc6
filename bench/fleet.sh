#!/usr/bin/env bash
# Sourced by the benchmarks: N real `sshd -D` hosts on 127.X.Y.i:2222 for the login user $USER_NAME, all
# removed on exit. Sets D (the work folder, with ssh_config, known_hosts, client_key and `hosts`: one
# "name address port" line per host) and UNWIND_HOME; ansible_config writes Ansible's settings for the same
# hosts. Needs root, openssh-server and GNU time.

start_fleet() { # hosts
[[ $(id -u) == 0 ]] || { echo "run as root: the benchmark creates the login user '$USER_NAME'" >&2; exit 2; }
[[ -x /usr/sbin/sshd ]] || { echo "needs sshd: apt-get install -y openssh-server" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }

D=$(mktemp -d /tmp/unwind-bench-XXXXXX)
chmod 755 "$D"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$D"
}
trap cleanup EXIT
export UNWIND_HOME="$D/unwind-home"

# a login user with /bin/sh and its own HOME: no slow shell start-up on either side
id -u "$USER_NAME" >/dev/null 2>&1 || useradd -m -s /bin/sh "$USER_NAME"
echo "$USER_NAME:$(head -c 12 /dev/urandom | base64)" | chpasswd   # unlocked account (UsePAM no refuses locked ones)

ssh-keygen -q -t ed25519 -N '' -C bench -f "$D/client_key"
cp "$D/client_key.pub" "$D/authorized_keys"; chmod 644 "$D/authorized_keys"
mkdir -p /run/sshd
NET="127.$(( RANDOM % 200 + 20 )).$(( RANDOM % 250 ))"
PORT=2222
: > "$D/known_hosts"; : > "$D/hosts"; : > "$D/ssh_config"
for i in $(seq 1 "$1"); do
  h="$D/h$i"; mkdir -p "$h"
  ssh-keygen -q -t ed25519 -N '' -f "$h/key"
  cat > "$h/sshd_config" <<CFG
ListenAddress $NET.$i:$PORT
HostKey $h/key
PidFile $h/pid
AuthorizedKeysFile $D/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
MaxSessions 10
MaxStartups 200:30:400
Subsystem sftp internal-sftp
PrintMotd no
LogLevel ERROR
CFG
  /usr/sbin/sshd -D -f "$h/sshd_config" & PIDS+=($!)
  echo "[$NET.$i]:$PORT $(cut -d' ' -f1-2 "$h/key.pub")" >> "$D/known_hosts"
  echo "host$i $NET.$i $PORT" >> "$D/hosts"
  cat >> "$D/ssh_config" <<CFG
Host host$i
  HostName $NET.$i
  Port $PORT
CFG
done
cat >> "$D/ssh_config" <<CFG
Host *
  User $USER_NAME
  IdentityFile $D/client_key
  IdentitiesOnly yes
  UserKnownHostsFile $D/known_hosts
  StrictHostKeyChecking yes
  ControlPath $D/cm-%C
  BatchMode yes
CFG
for i in $(seq 1 "$1"); do
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/$NET.$i/$PORT") 2>/dev/null && break; sleep 0.05; done
done
}

# $D/ansible.cfg: what both benchmarks run ansible-playbook with (forks $FORKS, pipelining, ControlPersist masters)
ansible_config() {
cat > "$D/ansible.cfg" <<CFG
[defaults]
forks = $FORKS
host_key_checking = True
local_tmp = $D/ansible-local
stdout_callback = null
[ssh_connection]
pipelining = True
ssh_args = -C -o ControlMaster=auto -o ControlPersist=60s
control_path_dir = $D/ansible-cp
CFG
}
