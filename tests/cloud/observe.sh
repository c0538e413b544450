#!/bin/bash
# Record what the REAL Keystone, Glance, Nova and Neutron answer to the requests the module
# (and its fake test server) care about: status, headers, bodies.
#
#   tests/cloud/observe.sh [OUTDIR]     (default tests/cloud/observed)
#
# Needs a running cloud (tests/cloud/start.sh). Every exchange is saved as
# OUTDIR/NN-name.txt: the request line, then `curl -i` output (headers + raw
# body). Fernet tokens are replaced by <REDACTED-TOKEN> and the admin password
# by <REDACTED-PASSWORD>. Bounded: a fixed list of ~150 requests, 10 s each
# (and two waits of at most 60 s for a server).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE=${OSPS_CLOUD_DIR:-/var/tmp/osps-cloud}
OUT=${1:-$SCRIPT_DIR/observed}
mkdir -p "$OUT"
# shellcheck disable=SC1091
. "$STATE/openrc"
KS=http://127.0.0.1:5000 GL=http://127.0.0.1:9292
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
n=0

redact() {
  sed -E -e 's/gAAAAA[A-Za-z0-9_=-]+/<REDACTED-TOKEN>/g' \
         -e "s/${OS_PASSWORD}/<REDACTED-PASSWORD>/g" \
         -e "s/${OSPS_DEMO_PASSWORD:-osps-demo-pw}/<REDACTED-DEMO-PASSWORD>/g"
}
# The name a token is written under: the replay (tests/OpenStack.FakeCloud.Tests)
# signs in to the fake as that user and sends its own token.
token_name() {
  case "$1" in
    "${TOKEN:-none}") echo '<admin token>' ;;
    "${T2:-none}") echo '<second admin token>' ;;
    "${DT:-none}") echo '<demo token>' ;;
    "${AT:-none}") echo '<alt_demo token>' ;;
    *) echo "$1" ;;
  esac
}
# call NAME METHOD URL [curl args...] : save the exchange, echo status line.
# The file starts with "### METHOD URL", then one "### " line per request
# header (-H) and the request body (-d, or "@file (N bytes)" for
# --data-binary; "<body not saved>" when curl's -o drops the answer's body),
# then the `curl -i` output.
call() {
  local name=$1 method=$2 url=$3; shift 3
  [[ "$n" =~ ^[0-9]+$ ]] && [ -z "${IN_STEP:-}" ] && n=$((10#$n + 1))
  local f; if [[ "$n" =~ ^[0-9]+$ ]]; then f=$(printf '%s/%02d-%s.txt' "$OUT" "$n" "$name"); else f="$OUT/$n-$name.txt"; fi
  local args=("$@") i=0 h
  {
    echo "### $method $url"
    while [ "$i" -lt ${#args[@]} ]; do
      case "${args[$i]}" in
        -H) h=${args[$((i + 1))]}
            case "${h,,}" in
              x-auth-token:*|x-subject-token:*) echo "### ${h%%:*}: $(token_name "${h#*: }")" ;;
              *) echo "### $h" ;;
            esac
            i=$((i + 2)) ;;
        -d) echo "### ${args[$((i + 1))]}"; i=$((i + 2)) ;;
        --data-binary) echo "### ${args[$((i + 1))]} ($(stat -c %s "${args[$((i + 1))]#@}") bytes)"; i=$((i + 2)) ;;
        -o) echo "### <body not saved>"; i=$((i + 2)) ;;
        *) i=$((i + 1)) ;;
      esac
    done
    curl -sS -i -m 10 -X "$method" "$@" "$url"; echo
  } | tr -d '\r' | redact >"$f"
  printf '%-40s %s\n' "$(basename "$f")" "$(grep -m1 '^HTTP/' "$f")"
}

# step NAME METHOD URL [curl args...] : a request the replay needs to repeat but
# that is not itself an observation (setup, waits, cleanup); saved like call's
# as NNa-NAME.txt, NNb-NAME.txt, ... after the last numbered exchange NN.
steps_at=-1 letter=0
step() {
  [ "$steps_at" = "$n" ] || { steps_at=$n; letter=0; }
  local letters=abcdefghijklmnopqrstuvwxyz
  local saved=$n name=$1; shift
  n=$(printf '%02d%s' "$n" "${letters:$letter:1}")
  letter=$((letter + 1))
  IN_STEP=1 call "$name" "$@" >/dev/null
  STEP_FILE=$(ls "$OUT"/"$n"-*.txt)
  n=$saved
}
# the JSON body of the last step, through a Python expression on j
step_json() { sed -n '$p' "$STEP_FILE" | /usr/bin/python3 -c "import json,sys; j=json.load(sys.stdin); print($1)"; }

AUTH_BODY=$(cat <<EOF
{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","domain":{"name":"Default"},"password":"$OS_PASSWORD"}}},"scope":{"project":{"name":"admin","domain":{"name":"Default"}}}}}
EOF
)
BAD_BODY=${AUTH_BODY/$OS_PASSWORD/wrong-password}
J=(-H 'Content-Type: application/json')

# OSPS_OBSERVE_ONLY=server-networking: only observed/170-189 (a server's security groups and interfaces)
if [ "${OSPS_OBSERVE_ONLY:-}" = server-networking ]; then
  NV=http://127.0.0.1:8774/v2.1 NE=http://127.0.0.1:9696/v2.0 PY3=/usr/bin/python3
  DT=$(curl -sS -m 10 -D - -o /dev/null "${J[@]}" "$KS/v3/auth/tokens" \
    -d '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"demo","domain":{"name":"Default"},"password":"'"${OSPS_DEMO_PASSWORD:-osps-demo-pw}"'"}}},"scope":{"project":{"name":"demo","domain":{"name":"Default"}}}}}' \
    | tr -d '\r' | awk -F': ' 'tolower($1)=="x-subject-token"{print $2}')
  D=(-H "X-Auth-Token: $DT") MV93=(-H 'OpenStack-API-Version: compute 2.93')
  # shellcheck source=observe-server-networking.sh
  . "$SCRIPT_DIR/observe-server-networking.sh"
  echo "saved the exchanges in $OUT"; exit 0
fi
# OSPS_OBSERVE_ONLY=PART: record only the sourced part observe-PART.sh (e.g. neutron-ports)
if [ -n "${OSPS_OBSERVE_ONLY:-}" ]; then
  KS=http://127.0.0.1:5000
  # shellcheck disable=SC1090
  . "$SCRIPT_DIR/observe-$OSPS_OBSERVE_ONLY.sh"; echo "saved the exchanges in $OUT"; exit 0
fi

# ---------------------------------------------------------------- Keystone
call ks-version-root GET "$KS/"
call ks-version-v3 GET "$KS/v3/"
call ks-token-issue POST "$KS/v3/auth/tokens" "${J[@]}" -d "$AUTH_BODY"
# the token itself, for the calls below (never written to disk unredacted)
TOKEN=$(curl -sS -m 10 -D - -o "$TMP/token.json" "${J[@]}" -d "$AUTH_BODY" "$KS/v3/auth/tokens" \
  | tr -d '\r' | awk -F': ' 'tolower($1)=="x-subject-token"{print $2}')
redact <"$TMP/token.json" | python3 -m json.tool >"$OUT/token-with-catalog.json"
call ks-token-wrong-password POST "$KS/v3/auth/tokens" "${J[@]}" -d "$BAD_BODY"
call ks-token-unscoped POST "$KS/v3/auth/tokens" "${J[@]}" \
  -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"},\"password\":\"${OSPS_DEMO_PASSWORD:-osps-demo-pw}\"}}}}}"
call ks-token-validate GET "$KS/v3/auth/tokens" -H "X-Auth-Token: $TOKEN" -H "X-Subject-Token: $TOKEN"
call ks-auth-projects GET "$KS/v3/auth/projects" -H "X-Auth-Token: $TOKEN"
call ks-projects GET "$KS/v3/projects" -H "X-Auth-Token: $TOKEN"
call ks-projects-no-token GET "$KS/v3/projects"
# a second token to revoke, so $TOKEN stays valid for Glance
T2=$(curl -sS -m 10 -D - -o /dev/null "${J[@]}" -d "$AUTH_BODY" "$KS/v3/auth/tokens" \
  | tr -d '\r' | awk -F': ' 'tolower($1)=="x-subject-token"{print $2}')
call ks-token-revoke DELETE "$KS/v3/auth/tokens" -H "X-Auth-Token: $TOKEN" -H "X-Subject-Token: $T2"
call ks-token-validate-revoked GET "$KS/v3/auth/tokens" -H "X-Auth-Token: $TOKEN" -H "X-Subject-Token: $T2"

# ---------------------------------------------------------------- Glance
A=(-H "X-Auth-Token: $TOKEN")
PATCH_CT='application/openstack-images-v2.1-json-patch'
call gl-versions GET "$GL/"
call gl-image-create POST "$GL/v2/images" "${A[@]}" "${J[@]}" \
  -d '{"name":"observe-1","disk_format":"qcow2","container_format":"bare","tags":["osps"],"visibility":"private"}'
ID1=$(sed -n '$p' "$OUT/$(printf '%02d' "$n")-gl-image-create.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
call gl-image-create-bad-disk-format POST "$GL/v2/images" "${A[@]}" "${J[@]}" \
  -d '{"name":"bad","disk_format":"nope","container_format":"bare"}'
call gl-deactivate-queued POST "$GL/v2/images/$ID1/actions/deactivate" "${A[@]}"
qemu-img create -q -f qcow2 "$TMP/disk.qcow2" 16M
call gl-image-upload PUT "$GL/v2/images/$ID1/file" "${A[@]}" \
  -H 'Content-Type: application/octet-stream' --data-binary "@$TMP/disk.qcow2"
call gl-image-get GET "$GL/v2/images/$ID1" "${A[@]}"
call gl-image-create-2 POST "$GL/v2/images" "${A[@]}" "${J[@]}" \
  -d '{"name":"observe-2","disk_format":"raw","container_format":"bare"}'
ID2=$(sed -n '$p' "$OUT/$(printf '%02d' "$n")-gl-image-create-2.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
call gl-image-create-3 POST "$GL/v2/images" "${A[@]}" "${J[@]}" -d '{"name":"observe-3"}'
ID3=$(sed -n '$p' "$OUT/$(printf '%02d' "$n")-gl-image-create-3.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
call gl-image-list-limit2 GET "$GL/v2/images?limit=2" "${A[@]}"
call gl-image-list-bad-filter GET "$GL/v2/images?sort_dir=sideways" "${A[@]}"
call gl-image-list-bad-limit GET "$GL/v2/images?limit=abc" "${A[@]}"
call gl-image-list-bad-marker GET "$GL/v2/images?marker=00000000-0000-0000-0000-000000000000" "${A[@]}"
call gl-image-get-unknown GET "$GL/v2/images/00000000-0000-0000-0000-000000000000" "${A[@]}"
# Glance's error body format follows the Accept header (webob): curl's */*
# gets HTML, Accept: application/json gets JSON, text/plain gets text.
AJ=(-H 'Accept: application/json')
call gl-image-get-unknown-accept-json GET "$GL/v2/images/00000000-0000-0000-0000-000000000000" "${A[@]}" "${AJ[@]}"
call gl-image-get-unknown-accept-text GET "$GL/v2/images/00000000-0000-0000-0000-000000000000" "${A[@]}" -H 'Accept: text/plain'
call gl-image-list-bad-filter-accept-json GET "$GL/v2/images?sort_dir=sideways" "${A[@]}" "${AJ[@]}"
call gl-image-create-bad-disk-format-accept-json POST "$GL/v2/images" "${A[@]}" "${J[@]}" "${AJ[@]}" \
  -d '{"name":"bad","disk_format":"nope","container_format":"bare"}'
call gl-image-patch PATCH "$GL/v2/images/$ID1" "${A[@]}" -H "Content-Type: $PATCH_CT" \
  -d '[{"op":"replace","path":"/name","value":"observe-1-renamed"},{"op":"add","path":"/osps_key","value":"v1"},{"op":"replace","path":"/tags","value":["a","b"]}]'
call gl-image-patch-plain-json PATCH "$GL/v2/images/$ID1" "${A[@]}" "${J[@]}" \
  -d '[{"op":"replace","path":"/name","value":"x"}]'
call gl-image-patch-tags-append PATCH "$GL/v2/images/$ID1" "${A[@]}" -H "Content-Type: $PATCH_CT" \
  -d '[{"op":"add","path":"/tags/-","value":"c"}]'
call gl-image-tag-put PUT "$GL/v2/images/$ID1/tags/c" "${A[@]}"
call gl-image-download GET "$GL/v2/images/$ID1/file" "${A[@]}" -o /dev/null -D -
call gl-image-download-queued GET "$GL/v2/images/$ID2/file" "${A[@]}"
call gl-deactivate-active POST "$GL/v2/images/$ID1/actions/deactivate" "${A[@]}"
call gl-image-get-deactivated GET "$GL/v2/images/$ID1" "${A[@]}"
call gl-image-download-deactivated GET "$GL/v2/images/$ID1/file" "${A[@]}" -o /dev/null -D -
call gl-reactivate POST "$GL/v2/images/$ID1/actions/reactivate" "${A[@]}"
call gl-unauthorized-no-token GET "$GL/v2/images"
call gl-unauthorized-bad-token GET "$GL/v2/images" -H 'X-Auth-Token: not-a-token'
call gl-unauthorized-accept-json GET "$GL/v2/images" "${AJ[@]}"
call gl-image-delete DELETE "$GL/v2/images/$ID1" "${A[@]}"
call gl-image-delete-again DELETE "$GL/v2/images/$ID1" "${A[@]}"
curl -sS -m 10 -o /dev/null -X DELETE "${A[@]}" "$GL/v2/images/$ID2"
curl -sS -m 10 -o /dev/null -X DELETE "${A[@]}" "$GL/v2/images/$ID3"
call gl-schema-image GET "$GL/v2/schemas/image" "${A[@]}" -o /dev/null -D -

# ---------------------------------------------------------------- Nova/Neutron
# (only when the full cloud runs) - their error bodies are JSON always.
if curl -s -o /dev/null -m 3 http://127.0.0.1:8774/; then
  NV=http://127.0.0.1:8774 NE=http://127.0.0.1:9696
  MV=(-H 'OpenStack-API-Version: compute 2.79')
  call nova-versions GET "$NV/"
  call nova-flavors GET "$NV/v2.1/flavors" "${A[@]}"
  call nova-server-unknown GET "$NV/v2.1/servers/00000000-0000-0000-0000-000000000000" "${A[@]}" "${MV[@]}"
  call nova-servers-no-token GET "$NV/v2.1/servers"
  call neutron-versions GET "$NE/"
  call neutron-network-unknown GET "$NE/v2.0/networks/00000000-0000-0000-0000-000000000000" "${A[@]}"
fi

# ---------------------------------------------------------------- Neutron/Nova: reachable servers (60-99)
# As the demo user (a project member, as most users are): security groups and
# rules, ports, floating IPs on the external network "public", and the server
# changes a runbook makes after boot. Everything made here is named observe-*
# and deleted at the end.
if curl -s -o /dev/null -m 3 http://127.0.0.1:8774/ && curl -s -o /dev/null -m 3 http://127.0.0.1:9696/; then
  NV=http://127.0.0.1:8774/v2.1 NE=http://127.0.0.1:9696/v2.0
  n=59
  DEMO_AUTH='{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"demo","domain":{"name":"Default"},"password":"'"${OSPS_DEMO_PASSWORD:-osps-demo-pw}"'"}}},"scope":{"project":{"name":"demo","domain":{"name":"Default"}}}}}'
  DT=$(curl -sS -m 10 -D - -o /dev/null "${J[@]}" -d "$DEMO_AUTH" "$KS/v3/auth/tokens" \
    | tr -d '\r' | awk -F': ' 'tolower($1)=="x-subject-token"{print $2}')
  D=(-H "X-Auth-Token: $DT")
  MV93=(-H 'OpenStack-API-Version: compute 2.93')
  # last EXPR : evaluate a Python expression on the JSON body of the last saved exchange (as j)
  last() { sed -n '$p' "$(ls "$OUT"/"$(printf '%02d' "$n")"-*.txt)" | "$PY3" -c "import json,sys; j=json.load(sys.stdin); print($1)"; }
  PY3=/usr/bin/python3
  step neutron-network-list-public GET "$NE/networks?name=public" "${D[@]}"
  PUBLIC=$(step_json 'j["networks"][0]["id"]')

  # security groups: the project's default group exists from its first use
  call neutron-sg-list GET "$NE/security-groups" "${D[@]}"
  call neutron-sg-list-default GET "$NE/security-groups?name=default" "${D[@]}"
  DEFAULT_SG=$(last 'j["security_groups"][0]["id"]')
  call neutron-sg-create POST "$NE/security-groups" "${D[@]}" "${J[@]}" \
    -d '{"security_group":{"name":"observe-sg","description":"ssh and ping"}}'
  SG=$(last 'j["security_group"]["id"]')
  call neutron-sg-update PUT "$NE/security-groups/$SG" "${D[@]}" "${J[@]}" \
    -d '{"security_group":{"name":"observe-sg","description":"ssh and icmp"}}'
  # rules
  call neutron-sgr-create POST "$NE/security-group-rules" "${D[@]}" "${J[@]}" \
    -d '{"security_group_rule":{"security_group_id":"'"$SG"'","direction":"ingress","ethertype":"IPv4","protocol":"tcp","port_range_min":22,"port_range_max":22,"remote_ip_prefix":"0.0.0.0/0"}}'
  RULE=$(last 'j["security_group_rule"]["id"]')
  call neutron-sgr-create-duplicate POST "$NE/security-group-rules" "${D[@]}" "${J[@]}" \
    -d '{"security_group_rule":{"security_group_id":"'"$SG"'","direction":"ingress","ethertype":"IPv4","protocol":"tcp","port_range_min":22,"port_range_max":22,"remote_ip_prefix":"0.0.0.0/0"}}'
  call neutron-sgr-create-unknown-group POST "$NE/security-group-rules" "${D[@]}" "${J[@]}" \
    -d '{"security_group_rule":{"security_group_id":"00000000-0000-0000-0000-000000000000","direction":"ingress","protocol":"tcp","port_range_min":22,"port_range_max":22}}'
  call neutron-sgr-list-by-group GET "$NE/security-group-rules?security_group_id=$SG" "${D[@]}"

  # a network with a subnet that no router connects to public (yet)
  call neutron-network-create POST "$NE/networks" "${D[@]}" "${J[@]}" -d '{"network":{"name":"observe-net"}}'
  NET=$(last 'j["network"]["id"]')
  call neutron-subnet-create POST "$NE/subnets" "${D[@]}" "${J[@]}" \
    -d '{"subnet":{"name":"observe-subnet","network_id":"'"$NET"'","ip_version":4,"cidr":"10.231.0.0/24"}}'
  SUBNET=$(last 'j["subnet"]["id"]')
  # ports
  call neutron-port-create POST "$NE/ports" "${D[@]}" "${J[@]}" \
    -d '{"port":{"name":"observe-port","network_id":"'"$NET"'","fixed_ips":[{"subnet_id":"'"$SUBNET"'","ip_address":"10.231.0.5"}],"security_groups":["'"$SG"'"]}}'
  PORT=$(last 'j["port"]["id"]')
  call neutron-port-update PUT "$NE/ports/$PORT" "${D[@]}" "${J[@]}" \
    -d '{"port":{"name":"observe-port-1","security_groups":["'"$SG"'","'"$DEFAULT_SG"'"]}}'
  # floating IPs
  call neutron-fip-create POST "$NE/floatingips" "${D[@]}" "${J[@]}" -d '{"floatingip":{"floating_network_id":"'"$PUBLIC"'"}}'
  FIP=$(last 'j["floatingip"]["id"]')
  call neutron-fip-create-not-external POST "$NE/floatingips" "${D[@]}" "${J[@]}" -d '{"floatingip":{"floating_network_id":"'"$NET"'"}}'
  call neutron-fip-associate-unreachable PUT "$NE/floatingips/$FIP" "${D[@]}" "${J[@]}" -d '{"floatingip":{"port_id":"'"$PORT"'"}}'
  # route the subnet to public, then the association works
  call neutron-router-create-with-gateway POST "$NE/routers" "${D[@]}" "${J[@]}" \
    -d '{"router":{"name":"observe-router","external_gateway_info":{"network_id":"'"$PUBLIC"'"}}}'
  ROUTER=$(last 'j["router"]["id"]')
  step neutron-router-add-interface PUT "$NE/routers/$ROUTER/add_router_interface" "${D[@]}" "${J[@]}" -d '{"subnet_id":"'"$SUBNET"'"}'
  call neutron-fip-associate PUT "$NE/floatingips/$FIP" "${D[@]}" "${J[@]}" -d '{"floatingip":{"port_id":"'"$PORT"'"}}'
  call neutron-fip-list-by-port GET "$NE/floatingips?port_id=$PORT" "${D[@]}"
  call neutron-fip-disassociate PUT "$NE/floatingips/$FIP" "${D[@]}" "${J[@]}" -d '{"floatingip":{"port_id":null}}'
  call neutron-sg-delete-in-use DELETE "$NE/security-groups/$SG" "${D[@]}"

  # a server on the port: metadata, rename, console, interfaces, security groups
  qemu-img create -q -f qcow2 "$TMP/server.qcow2" 16M
  step gl-image-create-for-server POST "$GL/v2/images" "${D[@]}" "${J[@]}" -d '{"name":"observe-server-image","disk_format":"qcow2","container_format":"bare"}'
  IMG=$(step_json 'j["id"]')
  step gl-image-upload-for-server PUT "$GL/v2/images/$IMG/file" "${D[@]}" -H 'Content-Type: application/octet-stream' --data-binary "@$TMP/server.qcow2"
  call nova-server-create-on-port POST "$NV/servers" "${D[@]}" "${J[@]}" "${MV93[@]}" \
    -d '{"server":{"name":"observe-vm","imageRef":"'"$IMG"'","flavorRef":"1","networks":[{"port":"'"$PORT"'"}],"metadata":{"role":"web"}}}'
  VM=$(last 'j["server"]["id"]')
  for _ in $(seq 60); do
    st=$(curl -sS -m 10 "${D[@]}" "${MV93[@]}" "$NV/servers/$VM" | "$PY3" -c 'import json,sys; print(json.load(sys.stdin)["server"]["status"])')
    [ "$st" = ACTIVE ] || [ "$st" = ERROR ] && break
    sleep 1
  done
  # the replay's fake settles a server on its first GET: one recorded poll stands for the wait
  step nova-server-get-active GET "$NV/servers/$VM" "${D[@]}" "${MV93[@]}"
  step neutron-fip-associate-again PUT "$NE/floatingips/$FIP" "${D[@]}" "${J[@]}" -d '{"floatingip":{"port_id":"'"$PORT"'"}}'
  sleep 4   # Neutron batches its events to Nova every 2 s; Nova then refreshes the server's network info
  call nova-server-get-with-floating-ip GET "$NV/servers/$VM" "${D[@]}" "${MV93[@]}"
  call neutron-port-list-by-device GET "$NE/ports?device_id=$VM" "${D[@]}"
  call nova-server-metadata-list GET "$NV/servers/$VM/metadata" "${D[@]}" "${MV93[@]}"
  call nova-server-metadata-update POST "$NV/servers/$VM/metadata" "${D[@]}" "${J[@]}" "${MV93[@]}" -d '{"metadata":{"owner":"ops","tier":"1"}}'
  call nova-server-metadata-item-delete DELETE "$NV/servers/$VM/metadata/tier" "${D[@]}" "${MV93[@]}"
  call nova-server-rename PUT "$NV/servers/$VM" "${D[@]}" "${J[@]}" "${MV93[@]}" -d '{"server":{"name":"observe-vm-2","description":"renamed"}}'
  call nova-console-output POST "$NV/servers/$VM/action" "${D[@]}" "${J[@]}" "${MV93[@]}" -d '{"os-getConsoleOutput":{"length":2}}'
  call nova-interface-list GET "$NV/servers/$VM/os-interface" "${D[@]}" "${MV93[@]}"
  step neutron-network-create-2 POST "$NE/networks" "${D[@]}" "${J[@]}" -d '{"network":{"name":"observe-net-2"}}'
  NET2=$(step_json 'j["network"]["id"]')
  step neutron-subnet-create-2 POST "$NE/subnets" "${D[@]}" "${J[@]}" \
    -d '{"subnet":{"name":"observe-subnet-2","network_id":"'"$NET2"'","ip_version":4,"cidr":"10.232.0.0/24"}}'
  call nova-interface-attach POST "$NV/servers/$VM/os-interface" "${D[@]}" "${J[@]}" "${MV93[@]}" -d '{"interfaceAttachment":{"net_id":"'"$NET2"'"}}'
  PORT2=$(last 'j["interfaceAttachment"]["port_id"]')
  call nova-interface-attach-same-network POST "$NV/servers/$VM/os-interface" "${D[@]}" "${J[@]}" "${MV93[@]}" -d '{"interfaceAttachment":{"net_id":"'"$NET"'"}}'
  call nova-interface-detach DELETE "$NV/servers/$VM/os-interface/$PORT2" "${D[@]}" "${MV93[@]}"
  # the server has observe-sg and default (from the port): remove one, add it back, add it again
  call nova-remove-security-group POST "$NV/servers/$VM/action" "${D[@]}" "${J[@]}" "${MV93[@]}" -d '{"removeSecurityGroup":{"name":"observe-sg"}}'
  call nova-add-security-group POST "$NV/servers/$VM/action" "${D[@]}" "${J[@]}" "${MV93[@]}" -d '{"addSecurityGroup":{"name":"observe-sg"}}'
  call nova-add-security-group-again POST "$NV/servers/$VM/action" "${D[@]}" "${J[@]}" "${MV93[@]}" -d '{"addSecurityGroup":{"name":"observe-sg"}}'

  # teardown (the deletes of the resources' kinds are recorded once each)
  step nova-server-delete DELETE "$NV/servers/$VM" "${D[@]}" "${MV93[@]}"
  for _ in $(seq 60); do
    [ "$(curl -sS -m 10 -o /dev/null -w '%{http_code}' "${D[@]}" "${MV93[@]}" "$NV/servers/$VM")" = 404 ] && break
    sleep 1
  done
  # Nova may not yet have removed (or may leak) a port it made for the server
  for p in $(curl -sS -m 10 "${D[@]}" "$NE/ports?device_id=$VM" | "$PY3" -c 'import json,sys; print(" ".join(p["id"] for p in json.load(sys.stdin)["ports"]))'); do
    [ "$p" = "$PORT" ] || step neutron-port-delete-leftover DELETE "$NE/ports/$p" "${D[@]}"
  done
  call neutron-fip-delete DELETE "$NE/floatingips/$FIP" "${D[@]}"
  call neutron-port-delete DELETE "$NE/ports/$PORT" "${D[@]}"
  call neutron-sgr-delete DELETE "$NE/security-group-rules/$RULE" "${D[@]}"
  call neutron-sg-delete DELETE "$NE/security-groups/$SG" "${D[@]}"
  # a member may not delete its project's default group (alt_demo: a project no other test puts ports in)
  ALT_AUTH=${DEMO_AUTH//\"demo\"/\"alt_demo\"}
  AT=$(curl -sS -m 10 -D - -o /dev/null "${J[@]}" -d "$ALT_AUTH" "$KS/v3/auth/tokens" \
    | tr -d '\r' | awk -F': ' 'tolower($1)=="x-subject-token"{print $2}')
  step neutron-sg-list-default-alt GET "$NE/security-groups?name=default" -H "X-Auth-Token: $AT"
  ALT_DEFAULT=$(step_json 'j["security_groups"][0]["id"]')
  call neutron-sg-delete-default DELETE "$NE/security-groups/$ALT_DEFAULT" -H "X-Auth-Token: $AT"
  step neutron-router-remove-interface PUT "$NE/routers/$ROUTER/remove_router_interface" "${D[@]}" "${J[@]}" -d '{"subnet_id":"'"$SUBNET"'"}'
  step neutron-router-delete DELETE "$NE/routers/$ROUTER" "${D[@]}"
  step neutron-network-delete DELETE "$NE/networks/$NET" "${D[@]}"
  step neutron-network-delete-2 DELETE "$NE/networks/$NET2" "${D[@]}"
  step gl-image-delete-for-server DELETE "$GL/v2/images/$IMG" "${D[@]}"
fi
# Glance's stores, import and members (observed/100-139)
# shellcheck source=observe-glance-import.sh
. "$SCRIPT_DIR/observe-glance-import.sh"
# Neutron's port creates and updates (observed/150-169)
if curl -s -o /dev/null -m 3 http://127.0.0.1:9696/; then
  # shellcheck source=observe-neutron-ports.sh
  . "$SCRIPT_DIR/observe-neutron-ports.sh"
fi
# A server's security groups and interfaces after boot (observed/170-189)
if [ -n "${MV93:-}" ]; then
  # shellcheck source=observe-server-networking.sh
  . "$SCRIPT_DIR/observe-server-networking.sh"
fi
echo "saved the exchanges in $OUT"
