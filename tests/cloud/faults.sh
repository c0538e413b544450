#!/bin/bash
# Faults for the disruptive reliability tests: stop, kill and bring back ONE service of the local test cloud,
# by the PID tests/cloud/start.sh saved (never by name), and wait until it is really gone or really back.
#
#   tests/cloud/faults.sh stop NAME      # TERM its process group, wait until no live member is left
#   tests/cloud/faults.sh kill NAME      # KILL its process group at once (a crash: no clean-up in the service)
#   tests/cloud/faults.sh restore NAME   # start NAME again as it ran (else start.sh), then wait until it answers
#   tests/cloud/faults.sh status NAME    # "up" or "down"
#
# NAME is a file in $OSPS_CLOUD_DIR/run without .pid: keystone, glance-api, rabbitmq, nova-api, ...
# Outages are meant to last seconds: other developers share the cloud. Always pair stop/kill with restore.
set -euo pipefail

STATE=${OSPS_CLOUD_DIR:-/var/tmp/osps-cloud}
RUN=$STATE/run
HERE=$(cd "$(dirname "$0")" && pwd)
action=${1:?usage: faults.sh stop|kill|restore|status NAME}
name=${2:?usage: faults.sh stop|kill|restore|status NAME}
pidfile=$RUN/$name.pid
[ -f "$pidfile" ] || { echo "faults.sh: no PID file $pidfile" >&2; exit 2; }
pid=$(cat "$pidfile")
[[ "$pid" =~ ^[0-9]+$ ]] && [ "$pid" -gt 1 ] || { echo "faults.sh: bad PID in $pidfile" >&2; exit 2; }

# PID 1 of the container does not reap orphans: a dead service may stay a zombie, so "alive" means not Z/X.
group_alive() {
  local f rest
  for f in /proc/[0-9]*/stat; do
    read -r rest <"$f" 2>/dev/null || continue
    rest=${rest##*) }
    # shellcheck disable=SC2086
    set -- $rest
    [ "${3:-}" = "$pid" ] && [ "$1" != Z ] && [ "$1" != X ] && return 0
  done
  return 1
}

wait_gone() {
  local deadline=$((SECONDS + ${1:-20}))
  while group_alive; do
    [ $SECONDS -lt $deadline ] || { echo "faults.sh: $name (pgid $pid) still alive" >&2; return 1; }
    sleep 0.1
  done
}

# The URL each service answers at once it is back (below 500, 401 included, as start.sh's wait_http).
probe_url() {
  case "$name" in
    keystone) echo http://127.0.0.1:5000/v3/ ;;
    glance-api) echo http://127.0.0.1:9292/ ;;
    nova-api) echo http://127.0.0.1:8774/ ;;
    neutron-server) echo http://127.0.0.1:9696/ ;;
    placement) echo http://127.0.0.1:8778/ ;;
    *) echo "" ;;
  esac
}

# Before a stop or kill, the process's command line, environment and folder are saved, so that restore starts
# it again exactly as it ran: the service's config files are not rewritten (other branches' start.sh may have
# changed them, e.g. Glance's stores) and no other service is touched. Without a saved copy, start.sh is used.
saved=$RUN/$name.faults
save_process() {
  [ -r "/proc/$pid/cmdline" ] || return 0
  cp "/proc/$pid/cmdline" "$saved.cmdline" && cp "/proc/$pid/environ" "$saved.environ" && readlink "/proc/$pid/cwd" >"$saved.cwd"
}

relaunch() {
  local -a args envs
  mapfile -d '' args <"$saved.cmdline"
  mapfile -d '' envs <"$saved.environ"
  cd "$(cat "$saved.cwd")"
  # As start.sh does: a plain & job of this non-interactive shell is in our process group, so setsid does not fork
  # and $! is the service's own PID (its process group id). No subshell: it would hold our stdout open.
  setsid env -i "${envs[@]}" "${args[@]}" >>"$STATE/log/$name.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  rm -f "$saved.cmdline" "$saved.environ" "$saved.cwd"
}

case "$action" in
  status) if group_alive; then echo up; else echo down; fi ;;
  stop)
    save_process
    kill -TERM -- "-$pid" 2>/dev/null || true
    wait_gone 30 || { kill -KILL -- "-$pid" 2>/dev/null || true; wait_gone 10; }
    echo "faults.sh: $name stopped" ;;
  kill)
    save_process
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait_gone 10
    echo "faults.sh: $name killed" ;;
  restore)
    if ! group_alive; then
      if [ -f "$saved.cmdline" ]; then
        relaunch
      else
        # start.sh starts only what is not running (its "start" skips live PIDs) and re-checks the rest.
        "$HERE/start.sh" --services all >>"$STATE/log/faults-restore.log" 2>&1 ||
          "$HERE/start.sh" --services all >>"$STATE/log/faults-restore.log" 2>&1
      fi
    fi
    url=$(probe_url)
    if [ "$name" = rabbitmq ]; then
      deadline=$((SECONDS + 60))
      until (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; do
        [ $SECONDS -lt $deadline ] || { echo "faults.sh: rabbitmq does not listen on 5672" >&2; exit 1; }
        sleep 0.3
      done
    fi
    if [ -n "$url" ]; then
      deadline=$((SECONDS + 60))
      until code=$(curl -s -o /dev/null -m 5 -H 'Connection: close' -w '%{http_code}' "$url") && [[ "$code" =~ ^[1234] ]]; do
        [ $SECONDS -lt $deadline ] || { echo "faults.sh: $name does not answer at $url" >&2; exit 1; }
        sleep 0.3
      done
    fi
    echo "faults.sh: $name up" ;;
  *) echo "faults.sh: unknown action $action" >&2; exit 2 ;;
esac
