#!/bin/bash
# Stop the local test cloud started by tests/cloud/start.sh.
#
#   tests/cloud/stop.sh [NAME...]     (e.g. stop.sh glance-api: that service only)
#
# Stops ONLY the processes whose PIDs start.sh saved in $OSPS_CLOUD_DIR/run
# (default /var/tmp/osps-cloud/run) - never by process name, so nothing else
# on the machine (another cloud, a developer's own memcached...) is touched.
# Data is kept: start.sh brings the same cloud back (use start.sh --fresh to
# wipe it).
set -euo pipefail

STATE=${OSPS_CLOUD_DIR:-/var/tmp/osps-cloud}
RUN=$STATE/run
STOP_TIMEOUT=${OSPS_STOP_TIMEOUT:-30}

[ -d "$RUN" ] || { echo "stop.sh: nothing to stop ($RUN does not exist)"; exit 0; }

# The container's PID 1 does not reap orphans, so a stopped service may stay
# a zombie forever: "alive" means present AND not in state Z/X, not kill -0.
state_of() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1; }
alive() { local st; st=$(state_of "$1") || return 1; [ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]; }

# start.sh runs every service in its own session (setsid), so the saved PID
# is also the process-group id: its workers (uwsgi, glance-api, erlang
# helpers) share it. group_alive tells if any non-zombie member remains.
group_alive() {
  local pg=$1 f rest
  for f in /proc/[0-9]*/stat; do
    # pure bash (no sed per process): fields after "comm) " are
    # state ppid pgrp ...; comm itself may contain spaces and ")".
    read -r rest <"$f" 2>/dev/null || continue
    rest=${rest##*) }
    set -- $rest
    [ "${3:-}" = "$pg" ] && [ "$1" != Z ] && [ "$1" != X ] && return 0
  done
  return 1
}

# Reverse dependency order: clients of the broker/DB first, the broker,
# epmd and memcached last (nova-compute first so it can still tell conductor).
ORDER=(nova-compute nova-scheduler nova-conductor nova-api neutron-server
  placement glance-api keystone mariadb rabbitmq epmd memcached)
# plus any PID file not in the list (future services)
for f in "$RUN"/*.pid; do
  [ -e "$f" ] || continue
  n=$(basename "$f" .pid)
  [[ " ${ORDER[*]} " == *" $n "* ]] || ORDER+=("$n")
done

# Names given: stop those services only (start.sh then starts just what is missing).
if [ $# -gt 0 ]; then
  for name in "$@"; do
    [[ " ${ORDER[*]} " == *" $name "* ]] || { echo "stop.sh: unknown service $name (known: ${ORDER[*]})" >&2; exit 2; }
  done
  ORDER=("$@")
fi

stopped=()
for name in "${ORDER[@]}"; do
  f=$RUN/$name.pid
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  if ! [[ "$pid" =~ ^[0-9]+$ ]] || [ "$pid" -le 1 ]; then
    echo "stop.sh: ignoring bad PID file $f"; rm -f "$f"; continue
  fi
  if alive "$pid" || group_alive "$pid"; then
    # TERM the whole group (uwsgi die-on-term, oslo.service and rabbitmq all
    # shut down cleanly on SIGTERM); the leader too in case it left the group.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    stopped+=("$name:$pid")
    echo "stop.sh: sent TERM to $name (pid $pid)"
  else
    echo "stop.sh: $name (pid $pid) was not running"
    rm -f "$f"
  fi
done

deadline=$(( $(date +%s) + STOP_TIMEOUT ))
for entry in "${stopped[@]}"; do
  name=${entry%%:*} pid=${entry#*:}
  while alive "$pid" || group_alive "$pid"; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "stop.sh: $name (pid $pid) ignored TERM for ${STOP_TIMEOUT}s, sending KILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "$RUN/$name.pid"
  echo "stop.sh: $name stopped"
done
