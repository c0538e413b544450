#!/bin/bash
# Bring up a REAL OpenStack (Debian 12 "bookworm" packages, release Zed) on
# 127.0.0.1, for the module's integration tests and benchmarks.
#
#   tests/cloud/start.sh [--fresh] [--services keystone,glance|all]
#
# Everything the cloud writes (configs, sqlite and MariaDB data, image files, logs,
# PID files, openrc) lives in ONE state folder, $OSPS_CLOUD_DIR
# (default /var/tmp/osps-cloud), so a test run never touches /etc or
# /var/lib of the packages and `--fresh` (or `rm -rf`) resets everything.
#
# Idempotent: services already running (by their saved PID) are left alone,
# databases are initialised once (a marker file per service), and catalog
# entries are "find, else create". See tests/cloud/README.md.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE=${OSPS_CLOUD_DIR:-/var/tmp/osps-cloud}
# The machine's PATH may put a pyenv/venv python3 first; the OpenStack
# packages live in Debian's interpreter only.
PY=/usr/bin/python3

# Fixed, documented passwords: this cloud only ever listens on loopback and
# exists for tests; fixed values let tests hard-code nothing but the openrc.
ADMIN_PASSWORD=${OSPS_ADMIN_PASSWORD:-osps-admin-pw}
DEMO_PASSWORD=${OSPS_DEMO_PASSWORD:-osps-demo-pw}
SERVICE_PASSWORD=osps-service-pw
WAIT_TIMEOUT=${OSPS_WAIT_TIMEOUT:-120}   # seconds per service
# Ports on 127.0.0.1 that Glance's web-download may fetch from (tests serve images there).
GLANCE_WEB_PORTS_FIRST=18080 GLANCE_WEB_PORTS_LAST=18099

FRESH=0
SERVICES=all
while [ $# -gt 0 ]; do
  case "$1" in
    --fresh) FRESH=1 ;;
    --services) SERVICES=${2:?--services needs a value}; shift ;;
    --services=*) SERVICES=${1#*=} ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "start.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

# --services is a comma list; "all" means the whole set. Keystone is always
# needed (every other service authenticates through it); nova implies
# placement and neutron (Nova cannot even list servers without Neutron).
want_keystone=1 want_glance=0 want_nova=0
IFS=, read -r -a _svcs <<<"$SERVICES"
for s in "${_svcs[@]}"; do
  case "$s" in
    all) want_glance=1; want_nova=1 ;;
    keystone) ;;
    glance) want_glance=1 ;;
    nova|placement|neutron) want_nova=1 ;;
    *) echo "start.sh: unknown service '$s' (use keystone,glance or all)" >&2; exit 2 ;;
  esac
done

T0=$(date +%s)
log() { printf '[start.sh %3ds] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
die() { echo "start.sh: ERROR: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (installs packages, starts services)"

if [ "$FRESH" = 1 ]; then
  log "--fresh: stopping services and wiping $STATE"
  OSPS_CLOUD_DIR=$STATE "$SCRIPT_DIR/stop.sh" || true
  # Guard against a badly set OSPS_CLOUD_DIR before rm -rf.
  case "$STATE" in /|/usr*|/etc*|/var|/home|/root) die "refusing to wipe $STATE" ;; esac
  rm -rf "$STATE"
fi

ETC=$STATE/etc DATA=$STATE/data LOGS=$STATE/log RUN=$STATE/run
mkdir -p "$ETC" "$DATA" "$LOGS" "$RUN"

# ---------------------------------------------------------------- packages
PKGS_BASE=(python3-keystone glance-api glance-common python3-keystonemiddleware
  python3-memcache memcached uwsgi uwsgi-plugin-python3 sqlite3 qemu-utils
  python3-openstackclient curl)
PKGS_NOVA=(nova-common nova-api nova-conductor nova-scheduler python3-placement
  neutron-common rabbitmq-server mariadb-server python3-pymysql)

install_packages() {
  local want=("${PKGS_BASE[@]}") missing=() p
  [ "$want_nova" = 1 ] && want+=("${PKGS_NOVA[@]}")
  for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} = 0 ] && return 0
  log "installing ${#missing[@]} packages: ${missing[*]}"
  # Package maintainer scripts would start the daemons with the packaged
  # configs (listening on 0.0.0.0, using /var/lib); policy-rc.d exit 101
  # tells invoke-rc.d "not allowed". Docker images usually ship it already.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# created by OpenStack.PowerShell tests/cloud/start.sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
  fi
  # Keep dbconfig-common and the "register endpoint / create admin" helpers
  # out: we configure everything ourselves in the state folder. (The
  # defaults are already false; preseeding makes that explicit and stable.)
  debconf-set-selections <<'EOF'
keystone keystone/configure_db boolean false
keystone keystone/create-admin-tenant boolean false
keystone keystone/register-endpoint boolean false
glance-common glance/configure_db boolean false
glance-common glance/configure_rabbit boolean false
glance-common glance/configure_ksat boolean false
glance-api glance/configure_api-endpoint boolean false
nova-common nova/configure_db boolean false
nova-common nova/configure_rabbit boolean false
nova-common nova/configure_ksat boolean false
nova-common nova/configure_neutron boolean false
nova-common nova/configure_placement boolean false
nova-api novaapi/configure_db boolean false
nova-api nova/configure_api-endpoint boolean false
neutron-common neutron/configure_db boolean false
neutron-common neutron/configure_rabbit boolean false
neutron-common neutron/configure_ksat boolean false
neutron-common neutron/configure_nova boolean false
placement-common placement/configure_db boolean false
placement-common placement/configure_ksat boolean false
EOF
  # apt lists may be missing on a fresh container; update only then
  # (apt-get install fails with "Unable to locate package" otherwise).
  if ! apt-cache show "${missing[0]}" >/dev/null 2>&1; then
    apt-get update -qq
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "${missing[@]}" >"$LOGS/apt.log" 2>&1 || { tail -20 "$LOGS/apt.log" >&2; die "apt-get install failed, see $LOGS/apt.log"; }
  log "packages installed"
}
install_packages

# ---------------------------------------------------------------- helpers
# A process is alive when /proc/PID exists and is not a zombie: the
# container's PID 1 does not reap orphans, so a dead service can linger as Z.
alive() {
  local pid=$1 st
  [ -r "/proc/$pid/stat" ] || return 1
  st=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}
running() {  # running NAME -> true when its saved PID is alive
  local f=$RUN/$1.pid
  [ -f "$f" ] && alive "$(cat "$f")"
}

# start NAME CMD... : start a service in its own session (setsid), so stop.sh
# can signal the whole process group (uwsgi workers, glance's worker, erlang
# helpers) through the one saved PID; stdout+stderr go to log/NAME.log.
start() {
  local name=$1; shift
  if running "$name"; then
    log "$name already running (pid $(cat "$RUN/$name.pid"))"
    return 0
  fi
  # Non-interactive bash puts & jobs in our process group, so setsid does not
  # need to fork and $! is the service's own PID (= its process group id).
  setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
  log "started $name (pid $!, log $LOGS/$name.log)"
}

# wait_http NAME URL : wait until URL answers any HTTP status below 500
# (401 is fine: it proves the service and its auth middleware are up).
wait_http() {
  local name=$1 url=$2 deadline=$(( $(date +%s) + WAIT_TIMEOUT )) code
  while :; do
    code=$(curl -s -o /dev/null -m 5 -H 'Connection: close' -w '%{http_code}' "$url" || true)
    case "$code" in [1234]??) log "$name answers $code at $url"; return 0 ;; esac
    if ! running "$name"; then
      tail -25 "$LOGS/$name.log" >&2 || true
      die "$name exited before answering at $url; see $LOGS/$name.log"
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      tail -25 "$LOGS/$name.log" >&2 || true
      die "$name did not answer at $url within ${WAIT_TIMEOUT}s (last status '$code'); see $LOGS/$name.log"
    fi
    sleep 0.5
  done
}

# Every sqlite URL gets ?timeout=30: several processes (uwsgi workers, nova
# conductor/scheduler/api) share one file, and without a busy timeout they
# fail at once with "database is locked" (Keystone then answers 500).
db_url() { echo "sqlite:///$DATA/$1.db?timeout=30"; }
# WAL lets readers and one writer work at the same time; the mode is stored
# in the database file, so setting it once after creation is enough.
wal() { sqlite3 "$DATA/$1.db" 'PRAGMA journal_mode=WAL;' >/dev/null; }

# wait_until NAME PROBLEM CMD... : run CMD every 0.5 s until it succeeds; stop
# with an error when service NAME exits, or with "NAME PROBLEM within …" when
# WAIT_TIMEOUT passes (for what answers otherwise than HTTP; see wait_http).
wait_until() {
  local name=$1 problem=$2 deadline=$(( $(date +%s) + WAIT_TIMEOUT )); shift 2
  until "$@"; do
    running "$name" || { tail -25 "$LOGS/$name.log" >&2; die "$name exited; see $LOGS/$name.log"; }
    [ "$(date +%s)" -lt "$deadline" ] || die "$name $problem within ${WAIT_TIMEOUT}s; see $LOGS/$name.log"
    sleep 0.5
  done
}

initialised() { [ -f "$DATA/.init-$1" ]; }
mark_initialised() { touch "$DATA/.init-$1"; }

# keystone_authtoken section shared by every service (service user = name).
authtoken() {
  cat <<EOF
[keystone_authtoken]
www_authenticate_uri = http://127.0.0.1:5000
auth_url = http://127.0.0.1:5000
memcached_servers = 127.0.0.1:11211
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $1
password = $SERVICE_PASSWORD
region_name = RegionOne
# the CLI and the module talk to the public endpoints only
interface = public
EOF
}
# [cache] on memcached: without it Keystone runs ~200 SQL queries per token
# validation (~0.5 s per API call); with it ~18 ms.
cache_section() {
  cat <<EOF
[cache]
enabled = true
backend = oslo_cache.memcache_pool
memcache_servers = 127.0.0.1:11211
EOF
}
RABBIT_URL=rabbit://guest:guest@127.0.0.1:5672/

# ---------------------------------------------------------------- memcached
# -U 0: no UDP listener at all; -l: loopback only.
start memcached /usr/bin/memcached -l 127.0.0.1 -p 11211 -U 0 -m 64 -u memcache

# ---------------------------------------------------------------- rabbitmq
# oslo.messaging's fake:// driver only works inside one process, so Nova's
# services (and Neutron) need a real broker. epmd is started by us in the
# foreground (not the daemon erl would spawn on 0.0.0.0) so its PID is saved
# and it binds loopback only; the distribution port is pinned to loopback too.
if [ "$want_nova" = 1 ]; then
  RMQ=$STATE/rabbitmq
  mkdir -p "$RMQ/mnesia" "$RMQ/log"
  echo '[].' >"$RMQ/enabled_plugins"
  cat >"$RMQ/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:5672
loopback_users.guest = true
log.console = true
log.file = false
EOF
  : >"$RMQ/rabbitmq-env.conf"
  export ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT=4369
  start epmd /usr/bin/epmd -address 127.0.0.1 -port 4369
  # HOME holds the Erlang cookie; rabbitmqctl needs the same HOME/nodename.
  start rabbitmq env HOME="$RMQ" \
    RABBITMQ_NODENAME=rabbit@localhost \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=5672 \
    RABBITMQ_DIST_PORT=25672 \
    RABBITMQ_CONF_ENV_FILE="$RMQ/rabbitmq-env.conf" \
    RABBITMQ_CONFIG_FILE="$RMQ/rabbitmq.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ/enabled_plugins" \
    RABBITMQ_MNESIA_BASE="$RMQ/mnesia" RABBITMQ_LOG_BASE="$RMQ/log" \
    RABBITMQ_PID_FILE="$RMQ/rabbit.pid" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}' \
    /usr/lib/rabbitmq/bin/rabbitmq-server
fi

# ---------------------------------------------------------------- mariadb
# Nova's databases live in MariaDB, as in a real cloud, not in sqlite. Nova's
# services are eventlet processes: sqlite's busy wait is a blocking C call, so
# one green thread waiting for a lock another green thread of the same process
# holds froze the whole process for the 30 s timeout ("database is locked",
# missed RabbitMQ heartbeats), and a server could stay in BUILD for good.
# PyMySQL is pure Python, so eventlet switches while it waits. Our own mariadbd
# on loopback port 13306 with its data in the state folder (never the
# packaged /var/lib/mysql or port 3306).
MYSQL_PORT=13306 MYSQL_SOCKET=$RUN/mariadb.sock
mysql_root() { mariadb --no-defaults --socket="$MYSQL_SOCKET" -u root "$@"; }
if [ "$want_nova" = 1 ]; then
  if [ ! -d "$DATA/mysql/mysql" ]; then
    mkdir -p "$DATA/mysql"
    mariadb-install-db --no-defaults --datadir="$DATA/mysql" --user=root \
      --auth-root-authentication-method=socket --skip-test-db >"$LOGS/mariadb-init.log" 2>&1 \
      || { tail -20 "$LOGS/mariadb-init.log" >&2; die "mariadb-install-db failed; see $LOGS/mariadb-init.log"; }
  fi
  start mariadb /usr/sbin/mariadbd --no-defaults --user=root --datadir="$DATA/mysql" \
    --socket="$MYSQL_SOCKET" --bind-address=127.0.0.1 --port=$MYSQL_PORT \
    --skip-name-resolve --max-connections=500 --innodb-buffer-pool-size=128M \
    --innodb-flush-log-at-trx-commit=2 --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci
  mariadb_answers() { mariadb-admin --no-defaults --socket="$MYSQL_SOCKET" -u root ping >/dev/null 2>&1; }
  wait_until mariadb "did not answer" mariadb_answers
  mysql_root -e "CREATE USER IF NOT EXISTS 'nova'@'127.0.0.1' IDENTIFIED BY '$SERVICE_PASSWORD';
    GRANT ALL PRIVILEGES ON \`nova%\`.* TO 'nova'@'127.0.0.1';"
  log "mariadb answers on 127.0.0.1:$MYSQL_PORT"
fi
mysql_url() { echo "mysql+pymysql://nova:$SERVICE_PASSWORD@127.0.0.1:$MYSQL_PORT/$1?charset=utf8"; }

# ---------------------------------------------------------------- keystone
mkdir -p "$ETC/keystone" "$DATA/fernet-keys" "$DATA/credential-keys"
cat >"$ETC/keystone/keystone.conf" <<EOF
[DEFAULT]
use_stderr = true
[database]
connection = $(db_url keystone)
[token]
provider = fernet
[fernet_tokens]
key_repository = $DATA/fernet-keys
[credential]
key_repository = $DATA/credential-keys
[identity]
# Default bcrypt rounds make every password check ~0.45 s; tests issue many
# tokens. 4 rounds: token issue ~21 ms instead of ~480 ms.
password_hash_rounds = 4
$(cache_section)
EOF
# uwsgi: threads=1 because sqlite connections must not cross threads (else
# random 500s); 2 processes give some parallelism; lazy-apps loads the app
# after fork so no DB connection is shared between workers. Plain
# http-socket does no keep-alive, so tell clients with Connection: close.
cat >"$ETC/keystone/uwsgi.ini" <<EOF
[uwsgi]
http-socket = 127.0.0.1:5000
wsgi-file = /usr/bin/keystone-wsgi-public
plugins = python3
master = true
processes = 2
threads = 1
lazy-apps = true
die-on-term = true
need-app = true
buffer-size = 65535
add-header = Connection: close
env = OS_KEYSTONE_CONFIG_FILES=$ETC/keystone/keystone.conf
EOF
# ---------------------------------------------------------------- DB init of
# the other services. Their db syncs do not need Keystone, so they run in the
# background while Keystone starts (saves ~20 s on a fresh start, 2 cores).
INIT_PIDS=()
init_bg() {  # init_bg NAME FUNCTION : run FUNCTION in background once
  local name=$1 fn=$2
  initialised "$name" && return 0
  ( set -e; $fn >>"$LOGS/$name-init.log" 2>&1; mark_initialised "$name" ) &
  INIT_PIDS+=("$!:$name")
}

if [ "$want_glance" = 1 ]; then
  # Two file stores (multi-store: /v2/info/stores, the image's "stores", copy-image); "primary" keeps the
  # single-store data folder, so images uploaded before multi-store map to it. Staging (glance-direct,
  # web-download) and the tasks' work area are Glance's reserved os_glance_* file stores.
  mkdir -p "$ETC/glance" "$DATA/images" "$DATA/images-secondary" "$DATA/glance-staging" "$DATA/glance-tasks"
  cat >"$ETC/glance/glance-api.conf" <<EOF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = 9292
workers = 1
use_stderr = true
image_cache_dir = $DATA/glance-cache
show_image_direct_url = false
enabled_backends = primary:file, secondary:file
enabled_import_methods = [glance-direct,web-download,copy-image]
[database]
connection = $(db_url glance)
[glance_store]
default_backend = primary
[primary]
store_description = First file store (default)
filesystem_store_datadir = $DATA/images/
[secondary]
store_description = Second file store
filesystem_store_datadir = $DATA/images-secondary/
[os_glance_staging_store]
filesystem_store_datadir = $DATA/glance-staging/
[os_glance_tasks_store]
filesystem_store_datadir = $DATA/glance-tasks/
[import_filtering_opts]
# web-download may fetch from the loopback HTTP servers the tests start, on
# ports $GLANCE_WEB_PORTS_FIRST-$GLANCE_WEB_PORTS_LAST only (the defaults
# refuse loopback hosts and allow ports 80 and 443 only).
allowed_schemes = [http,https]
allowed_hosts = [127.0.0.1,localhost]
allowed_ports = [80,443,$(seq -s, "$GLANCE_WEB_PORTS_FIRST" "$GLANCE_WEB_PORTS_LAST")]
[paste_deploy]
flavor = keystone
config_file = /etc/glance/glance-api-paste.ini
[oslo_concurrency]
lock_path = $DATA/lock
$(authtoken glance)
EOF
  init_glance() {
    rm -f "$DATA"/glance.db*
    glance-manage --config-file "$ETC/glance/glance-api.conf" db_sync
    wal glance
  }
  init_bg glance init_glance
fi

if [ "$want_nova" = 1 ]; then
  # ---- placement
  mkdir -p "$ETC/placement"
  cat >"$ETC/placement/placement.conf" <<EOF
[DEFAULT]
use_stderr = true
[api]
auth_strategy = keystone
[placement_database]
connection = $(db_url placement)
$(authtoken placement)
EOF
  cat >"$ETC/placement/uwsgi.ini" <<EOF
[uwsgi]
http-socket = 127.0.0.1:8778
wsgi-file = /usr/bin/placement-api
plugins = python3
master = true
processes = 1
threads = 1
lazy-apps = true
die-on-term = true
need-app = true
buffer-size = 65535
add-header = Connection: close
env = OS_PLACEMENT_CONFIG_DIR=$ETC/placement
EOF
  init_placement() {
    rm -f "$DATA"/placement.db*
    placement-manage --config-file "$ETC/placement/placement.conf" db sync
    wal placement
  }
  init_bg placement init_placement

  # ---- nova
  mkdir -p "$ETC/nova" "$DATA/nova/instances"
  cat >"$ETC/nova/nova.conf" <<EOF
[DEFAULT]
use_stderr = true
host = osps-compute
my_ip = 127.0.0.1
state_path = $DATA/nova
instances_path = $DATA/nova/instances
transport_url = $RABBIT_URL
# No hypervisor: the fake driver keeps servers in memory (reports 1000 vcpus,
# ~800 GB RAM), enough to exercise every server action through the API.
compute_driver = fake.FakeDriver
enabled_apis = osapi_compute
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = 8774
osapi_compute_workers = 1
allow_resize_to_same_host = true
# nothing plugs VIFs (no agent): do not wait for network-vif-plugged events
vif_plugging_timeout = 0
vif_plugging_is_fatal = false
[api]
auth_strategy = keystone
[wsgi]
api_paste_config = /etc/nova/api-paste.ini
[api_database]
connection = $(mysql_url nova_api)
[database]
connection = $(mysql_url nova)
[conductor]
workers = 1
[scheduler]
workers = 1
[vnc]
enabled = false
[oslo_concurrency]
lock_path = $DATA/lock
[oslo_messaging_notifications]
driver = noop
[glance]
region_name = RegionOne
valid_interfaces = public
[placement]
auth_type = password
auth_url = http://127.0.0.1:5000/v3
project_domain_name = Default
user_domain_name = Default
project_name = service
username = nova
password = $SERVICE_PASSWORD
region_name = RegionOne
valid_interfaces = public
[neutron]
# Nova asks Neutron for ports/security groups even for --nic none servers
auth_type = password
auth_url = http://127.0.0.1:5000/v3
project_domain_name = Default
user_domain_name = Default
project_name = service
username = nova
password = $SERVICE_PASSWORD
region_name = RegionOne
valid_interfaces = public
$(cache_section)
$(authtoken nova)
EOF
  # nova-compute must not have database access (it goes through the
  # conductor); with [api_database] set it logs "No DB access allowed in
  # nova-compute" errors at start. Give it a copy without the DB sections.
  awk '/^\[/{skip = ($0 == "[database]" || $0 == "[api_database]")} !skip' \
    "$ETC/nova/nova.conf" >"$ETC/nova/nova-compute.conf"
  NOVA_MANAGE=(nova-manage --config-file "$ETC/nova/nova.conf")
  init_nova() {
    local db
    for db in nova_api nova nova_cell0; do
      mysql_root -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8;"
    done
    "${NOVA_MANAGE[@]}" api_db sync
    "${NOVA_MANAGE[@]}" cell_v2 map_cell0 --database_connection "$(mysql_url nova_cell0)"
    "${NOVA_MANAGE[@]}" cell_v2 create_cell --name=cell1 --verbose
    # syncs the cell1 database of [database] and the cell0 database
    "${NOVA_MANAGE[@]}" db sync
  }
  init_bg nova init_nova

  # ---- neutron
  mkdir -p "$ETC/neutron" "$STATE/pylib/osps_bindall-1.0.dist-info"
  cat >"$ETC/neutron/neutron.conf" <<EOF
[DEFAULT]
use_stderr = true
bind_host = 127.0.0.1
bind_port = 9696
core_plugin = ml2
service_plugins = router
auth_strategy = keystone
api_paste_config = /etc/neutron/api-paste.ini
state_path = $DATA/neutron
transport_url = $RABBIT_URL
# one API worker, RPC handled inside it: fewer processes, less RAM
api_workers = 1
rpc_workers = 0
rpc_state_report_workers = 0
# Neutron tells Nova about port changes, as real clouds do: a floating IP
# associated through Neutron reaches the server's "addresses" only through the
# network-changed event Nova then acts on (it refreshes its network info
# cache). Nova does not wait for vif-plugged (vif_plugging_timeout = 0).
notify_nova_on_port_status_changes = true
notify_nova_on_port_data_changes = true
allow_overlapping_ips = true
[database]
connection = $(db_url neutron)
[oslo_concurrency]
lock_path = $DATA/lock
[oslo_messaging_notifications]
driver = noop
[nova]
# the events API is admin-only; devstack sends them as the nova service user
auth_type = password
auth_url = http://127.0.0.1:5000/v3
project_domain_name = Default
user_domain_name = Default
project_name = service
username = nova
password = $SERVICE_PASSWORD
region_name = RegionOne
endpoint_type = public
$(authtoken neutron)
EOF
  cat >"$ETC/neutron/ml2_conf.ini" <<EOF
[ml2]
type_drivers = flat,vlan,vxlan
tenant_network_types = vxlan
mechanism_drivers = osps_bindall
extension_drivers = port_security
[ml2_type_flat]
flat_networks = *
[ml2_type_vlan]
network_vlan_ranges = physnet1:100:199
[ml2_type_vxlan]
vni_ranges = 1:1000
[securitygroup]
# Security groups and their rules are enforced at the API (default groups,
# 409 on a group in use, duplicate rules) even with no agent to apply them.
enable_security_group = true
EOF
  # Entry point for the bind-everything ML2 driver (tests/cloud/ml2): a
  # minimal dist-info folder on PYTHONPATH is all importlib.metadata (and so
  # stevedore) needs to find it - no pip install into the system.
  cat >"$STATE/pylib/osps_bindall-1.0.dist-info/METADATA" <<EOF
Metadata-Version: 2.1
Name: osps-bindall
Version: 1.0
EOF
  cat >"$STATE/pylib/osps_bindall-1.0.dist-info/entry_points.txt" <<EOF
[neutron.ml2.mechanism_drivers]
osps_bindall = osps_bindall:BindAllMechanismDriver
EOF
  NEUTRON_PYTHONPATH="$STATE/pylib:$SCRIPT_DIR/ml2"
  init_neutron() {
    rm -f "$DATA"/neutron.db*
    # alembic migrations do not work on sqlite: build from the models, stamp.
    "$PY" "$SCRIPT_DIR/neutron_schema.py" "$(db_url neutron)"
    neutron-db-manage --config-file "$ETC/neutron/neutron.conf" \
      --config-file "$ETC/neutron/ml2_conf.ini" stamp heads
  }
  init_bg neutron init_neutron
fi
mkdir -p "$DATA/lock"

# Keystone is initialised in the foreground while the other databases are
# being built in the background.
KS_MANAGE=(keystone-manage --config-file "$ETC/keystone/keystone.conf")
if ! initialised keystone; then
  log "initialising keystone database"
  rm -f "$DATA"/keystone.db*
  "${KS_MANAGE[@]}" db_sync >>"$LOGS/keystone-manage.log" 2>&1
  wal keystone
  "${KS_MANAGE[@]}" fernet_setup --keystone-user root --keystone-group root >>"$LOGS/keystone-manage.log" 2>&1
  "${KS_MANAGE[@]}" credential_setup --keystone-user root --keystone-group root >>"$LOGS/keystone-manage.log" 2>&1
  "${KS_MANAGE[@]}" bootstrap --bootstrap-password "$ADMIN_PASSWORD" \
    --bootstrap-region-id RegionOne \
    --bootstrap-admin-url http://127.0.0.1:5000/v3/ \
    --bootstrap-internal-url http://127.0.0.1:5000/v3/ \
    --bootstrap-public-url http://127.0.0.1:5000/v3/ >>"$LOGS/keystone-manage.log" 2>&1
  mark_initialised keystone
fi


# The external network devstack makes: "public" (flat, physnet "public"),
# created by admin and external, so every project may put router gateways and
# floating IPs on it; its subnet 172.24.4.0/24 has no DHCP. Find, else create.
ensure_public_network() {
  "$PY" "$SCRIPT_DIR/register.py" public-network >>"$LOGS/register.log" 2>&1 \
    || { tail -25 "$LOGS/register.log" >&2; die "creating the public network failed; see $LOGS/register.log"; }
  log "external network public (172.24.4.0/24) present"
}

# ---------------------------------------------------------------- start
start keystone uwsgi --ini "$ETC/keystone/uwsgi.ini"
wait_http keystone http://127.0.0.1:5000/v3

for entry in "${INIT_PIDS[@]}"; do
  pid=${entry%%:*} name=${entry#*:}
  wait "$pid" || { tail -25 "$LOGS/$name-init.log" >&2; die "initialising $name failed; see $LOGS/$name-init.log"; }
  log "$name database initialised"
done

# Glance, Placement and Neutron only talk to Keystone when a request comes
# in, so they can boot while the catalog is being filled.
if [ "$want_glance" = 1 ]; then
  start glance-api glance-api --config-file "$ETC/glance/glance-api.conf"
fi
if [ "$want_nova" = 1 ]; then
  start placement uwsgi --ini "$ETC/placement/uwsgi.ini"
  start neutron-server env PYTHONPATH="$NEUTRON_PYTHONPATH" neutron-server \
    --config-file "$ETC/neutron/neutron.conf" --config-file "$ETC/neutron/ml2_conf.ini"
fi

export OS_AUTH_URL=http://127.0.0.1:5000/v3 OS_PASSWORD=$ADMIN_PASSWORD
export OSPS_SERVICE_PASSWORD=$SERVICE_PASSWORD OSPS_DEMO_PASSWORD=$DEMO_PASSWORD
reg_args=()
[ "$want_glance" = 1 ] && reg_args+=(glance)
[ "$want_nova" = 1 ] && reg_args+=(nova)
log "registering users, projects, services and endpoints"
"$PY" "$SCRIPT_DIR/register.py" identity "${reg_args[@]}" >>"$LOGS/register.log" 2>&1 \
  || { tail -25 "$LOGS/register.log" >&2; die "registration failed; see $LOGS/register.log"; }

if [ "$want_nova" = 1 ]; then
  # Nova's services talk to Placement/Keystone as they boot, so they start
  # after the catalog is complete. The broker must be up before the nova services connect (they retry, but
  # a clean start keeps their logs readable)
  rabbitmq_listens() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }
  wait_until rabbitmq "not listening on 5672" rabbitmq_listens
  log "rabbitmq listens on 127.0.0.1:5672"
  NOVA_ARGS=(--config-file "$ETC/nova/nova.conf")
  start nova-api nova-api "${NOVA_ARGS[@]}"
  start nova-conductor nova-conductor "${NOVA_ARGS[@]}"
  start nova-scheduler nova-scheduler "${NOVA_ARGS[@]}"
  # No nova-compute package (it pulls libvirt/qemu/open-iscsi); the fake
  # driver needs none of that, so run its entry point directly.
  start nova-compute "$PY" -c 'import sys; from nova.cmd.compute import main; sys.argv[0] = "nova-compute"; sys.exit(main())' \
    --config-file "$ETC/nova/nova-compute.conf"
fi

if [ "$want_glance" = 1 ]; then
  wait_http glance-api http://127.0.0.1:9292/
  "$PY" "$SCRIPT_DIR/register.py" image >>"$LOGS/register.log" 2>&1 \
    || { tail -25 "$LOGS/register.log" >&2; die "uploading the seed image failed; see $LOGS/register.log"; }
  log "seed image osps-seed-qcow2 present"
fi
if [ "$want_nova" = 1 ]; then
  wait_http placement http://127.0.0.1:8778/
  wait_http neutron-server http://127.0.0.1:9696/
  wait_http nova-api http://127.0.0.1:8774/
  "$PY" "$SCRIPT_DIR/register.py" flavors >>"$LOGS/register.log" 2>&1 \
    || { tail -25 "$LOGS/register.log" >&2; die "creating flavors failed; see $LOGS/register.log"; }
  log "flavors present"
  ensure_public_network
  # The compute service must be mapped to cell1 before the scheduler can
  # use it: wait until it has written its compute node, then discover.
  compute_registered() { [ "$(mysql_root -N -e 'SELECT count(*) FROM nova.compute_nodes WHERE deleted=0;' 2>/dev/null)" -ge 1 ] 2>/dev/null; }
  wait_until nova-compute "did not register" compute_registered
  # discover_hosts costs ~3 s of nova-manage start-up: skip it when the host
  # is already mapped (re-run with the cloud up, or a warm restart).
  if [ "$(mysql_root -N -e 'SELECT count(*) FROM nova_api.host_mappings;')" -ge 1 ]; then
    log "nova-compute registered (host already mapped to cell1)"
  else
    "${NOVA_MANAGE[@]}" cell_v2 discover_hosts --verbose >>"$LOGS/nova-manage.log" 2>&1
    log "nova-compute registered and mapped to cell1"
  fi
fi

# ---------------------------------------------------------------- openrc
cat >"$STATE/openrc" <<EOF
# OpenStack.PowerShell local test cloud ($STATE), admin credentials.
# Non-admin users: demo / $DEMO_PASSWORD (project demo),
#                  alt_demo / $DEMO_PASSWORD (project alt_demo).
# Service users (glance, nova, placement, neutron): $SERVICE_PASSWORD
export OS_AUTH_URL=http://127.0.0.1:5000/v3
export OS_USERNAME=admin
export OS_PASSWORD=$ADMIN_PASSWORD
export OS_PROJECT_NAME=admin
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_REGION_NAME=RegionOne
export OS_INTERFACE=public
export OS_IDENTITY_API_VERSION=3
export OS_COMPUTE_API_VERSION=2.79
EOF
log "cloud ready ($SERVICES); credentials in $STATE/openrc:"
grep '^export' "$STATE/openrc"
