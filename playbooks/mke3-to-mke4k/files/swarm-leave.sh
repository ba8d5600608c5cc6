#!/bin/sh
# Usage: swarm-leave.sh [DOCKER-COMMAND...]
# This engine leaves the swarm (--force: a manager too), unless it is in none; prints the engine's answer only when
# it left, so a second run reports no change.
[ $# -gt 0 ] || set -- docker
[ "$("$@" info --format '{{.Swarm.LocalNodeState}}')" = inactive ] || "$@" swarm leave --force
