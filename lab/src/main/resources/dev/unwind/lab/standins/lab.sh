# Shared by the unwind lab's stand-ins (docker, k0s, ss, sudo): where this node keeps its state.
# Every state file is KEY=value lines under the node's sandbox ($UNWIND_LAB_NODE) or the lab's
# cluster folder; nothing outside the lab is ever read or written.
if [ -z "${UNWIND_LAB_NODE:-}" ] || [ -z "${UNWIND_LAB_ROOT:-}" ]; then
  echo "${0##*/}: this is a stand-in of the unwind lab; it runs only on a lab node" >&2
  exit 2
fi
NODE=$UNWIND_LAB_NODE
CLUSTER=$UNWIND_LAB_ROOT/cluster
DOCKER_STATE=$NODE/var/lib/docker
CONTAINERS=$DOCKER_STATE/containers
K0S_VERSION=v1.32.6+k0s.0

# kv FILE KEY: the value of KEY in FILE (empty when absent). Builtins only: a command runs in milliseconds.
kv() {
  [ -f "$1" ] || return 0
  while IFS= read -r _l || [ -n "$_l" ]; do
    case $_l in "$2="*) printf '%s\n' "${_l#*=}"; return 0 ;; esac
  done < "$1"
}

# load FILE PREFIX: sets PREFIX<KEY>=value for every KEY=value line of FILE
load() {
  while IFS= read -r _l || [ -n "$_l" ]; do
    case $_l in [A-Z]*=*) eval "$2${_l%%=*}=\${_l#*=}" ;; esac
  done < "$1"
}

# set_kv FILE KEY VALUE
set_kv() {
  if grep -q "^$2=" "$1" 2>/dev/null; then
    # rewritten in place: the file keeps its inode and mode
    _all=$(awk -v k="$2" -v v="$3" 'index($0, k "=") == 1 { print k "=" v; next } { print }' "$1") && printf '%s\n' "$_all" > "$1"
  else
    printf '%s=%s\n' "$2" "$3" >> "$1"
  fi
}

# del_kv FILE KEY: the file without KEY's line (rewritten in place: it keeps its inode and mode)
del_kv() {
  _all=$(awk -v k="$2" 'index($0, k "=") != 1 { print }' "$1") && printf '%s\n' "$_all" > "$1"
}

# json STRING: STRING as a JSON string literal
json() {
  case $1 in
    *[\"\\]*) printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')" ;;
    *) printf '"%s"' "$1" ;;
  esac
}

is_manager() { [ "$(kv "$DOCKER_STATE/swarm/state" MANAGER)" = true ]; }
