#!/bin/bash
# Record what the REAL Keystone and Glance answer to the requests the module
# (and its fake test server) care about: status, headers, bodies.
#
#   tests/cloud/observe.sh [OUTDIR]     (default tests/cloud/observed)
#
# Needs a running cloud (tests/cloud/start.sh). Every exchange is saved as
# OUTDIR/NN-name.txt: the request line, then `curl -i` output (headers + raw
# body). Fernet tokens are replaced by <REDACTED-TOKEN> and the admin password
# by <REDACTED-PASSWORD>. Bounded: a fixed list of ~90 requests, 10 s each.
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
         -e "s/${OS_PASSWORD}/<REDACTED-PASSWORD>/g"
}
# call NAME METHOD URL [curl args...] : save the exchange, echo status line
call() {
  local name=$1 method=$2 url=$3; shift 3
  n=$((n + 1))
  local f; f=$(printf '%s/%02d-%s.txt' "$OUT" "$n" "$name")
  { echo "### $method $url"; curl -sS -i -m 10 -X "$method" "$@" "$url"; echo; } | tr -d '\r' | redact >"$f"
  printf '%-40s %s\n' "$(basename "$f")" "$(sed -n 2p "$f")"
}

AUTH_BODY=$(cat <<EOF
{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","domain":{"name":"Default"},"password":"$OS_PASSWORD"}}},"scope":{"project":{"name":"admin","domain":{"name":"Default"}}}}}
EOF
)
BAD_BODY=${AUTH_BODY/$OS_PASSWORD/wrong-password}
J=(-H 'Content-Type: application/json')

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
# Glance's stores, import and members (observed/100-139)
# shellcheck source=observe-glance-import.sh
. "$SCRIPT_DIR/observe-glance-import.sh"
echo "saved the exchanges in $OUT"
