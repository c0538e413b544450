# Sourced by observe.sh (uses its call, redact, $A, $J, $GL, $TOKEN, $TMP, $OUT):
# Glance's multi-store, interoperable import and image members, recorded as
# observed/100-139. Needs the multi-store Glance of start.sh and a free port in
# 18080-18099 (the ports its import filtering lets web-download fetch from).
n=99
WEB_PORT=${OSPS_OBSERVE_WEB_PORT:-18080}
mkdir -p "$TMP/web"
head -c 1048576 /dev/urandom >"$TMP/web/observe.raw"
/usr/bin/python3 -m http.server "$WEB_PORT" --bind 127.0.0.1 --directory "$TMP/web" >"$TMP/web.log" 2>&1 &
WEB_PID=$!
sleep 0.3
kill -0 "$WEB_PID" 2>/dev/null || { echo "observe: port $WEB_PORT is taken (set OSPS_OBSERVE_WEB_PORT)" >&2; cat "$TMP/web.log" >&2; exit 1; }
trap 'kill "$WEB_PID" 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$WEB_PORT/" && break; sleep 0.1; done
WEB=http://127.0.0.1:$WEB_PORT

last_id() { sed -n '$p' "$OUT/$(printf '%02d' "$n")-$1.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
# wait_import ID : until the image's import task has ended (success or failure), at most 60 s
wait_import() {
  local i st
  for i in $(seq 120); do
    st=$(curl -sS -m 10 "${A[@]}" "$GL/v2/images/$1/tasks" | python3 -c 'import json,sys; t=json.load(sys.stdin)["tasks"]; print(t[0]["status"] if t else "none")')
    case "$st" in success|failure) return 0 ;; esac
    sleep 0.5
  done
  echo "observe: import of $1 did not end (task $st)" >&2
}
demo_token() {
  curl -sS -m 10 -D - -o /dev/null "${J[@]}" "$KS/v3/auth/tokens" -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"$1\",\"domain\":{\"name\":\"Default\"},\"password\":\"${OSPS_DEMO_PASSWORD:-osps-demo-pw}\"}}},\"scope\":{\"project\":{\"name\":\"$1\",\"domain\":{\"name\":\"Default\"}}}}}" \
    | tr -d '\r' | awk -F': ' 'tolower($1)=="x-subject-token"{print $2}'
}
# mk NAME : create an image without recording it; echoes its id
mk() { curl -sS -m 10 "${A[@]}" "${J[@]}" -d "{\"name\":\"$1\",\"visibility\":\"${2:-shared}\",$IMG}" "$GL/v2/images" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
project_id() { curl -sS -m 10 "${A[@]}" "$KS/v3/projects?name=$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["projects"][0]["id"])'; }
IMG='"disk_format":"raw","container_format":"bare"'

# ---------------------------------------------------------------- stores and import methods
call gl-info-stores GET "$GL/v2/info/stores" "${A[@]}"
call gl-info-stores-detail GET "$GL/v2/info/stores/detail" "${A[@]}"
DEMO_TOKEN=$(demo_token demo)
D=(-H "X-Auth-Token: $DEMO_TOKEN")
call gl-info-stores-detail-as-member GET "$GL/v2/info/stores/detail" "${D[@]}"
call gl-info-import GET "$GL/v2/info/import" "${A[@]}"

# ---------------------------------------------------------------- glance-direct: create, stage, import
call gl-import-create POST "$GL/v2/images" "${A[@]}" "${J[@]}" -d "{\"name\":\"observe-import-1\",$IMG}"
IM1=$(last_id gl-import-create)
call gl-import-stage PUT "$GL/v2/images/$IM1/stage" "${A[@]}" \
  -H 'Content-Type: application/octet-stream' --data-binary "@$TMP/web/observe.raw"
call gl-import-get-uploading GET "$GL/v2/images/$IM1" "${A[@]}"
call gl-import-glance-direct POST "$GL/v2/images/$IM1/import" "${A[@]}" "${J[@]}" \
  -d '{"method":{"name":"glance-direct"},"stores":["primary"],"all_stores_must_succeed":true}'
wait_import "$IM1"
call gl-import-get-imported GET "$GL/v2/images/$IM1" "${A[@]}"
call gl-import-tasks GET "$GL/v2/images/$IM1/tasks" "${A[@]}"
call gl-import-stage-not-queued PUT "$GL/v2/images/$IM1/stage" "${A[@]}" \
  -H 'Content-Type: application/octet-stream' --data-binary 'abc'

# ---------------------------------------------------------------- copy-image and store deletion
call gl-copy-image POST "$GL/v2/images/$IM1/import" "${A[@]}" "${J[@]}" \
  -d '{"method":{"name":"copy-image"},"stores":["secondary"],"all_stores_must_succeed":true}'
call gl-copy-image-get-importing GET "$GL/v2/images/$IM1" "${A[@]}"
wait_import "$IM1"
call gl-copy-image-get-copied GET "$GL/v2/images/$IM1" "${A[@]}"
call gl-copy-image-already-there POST "$GL/v2/images/$IM1/import" "${A[@]}" "${J[@]}" \
  -d '{"method":{"name":"copy-image"},"stores":["secondary"]}'
call gl-copy-image-unknown-store POST "$GL/v2/images/$IM1/import" "${A[@]}" "${J[@]}" \
  -d '{"method":{"name":"copy-image"},"stores":["nowhere"]}'
call gl-store-delete DELETE "$GL/v2/stores/secondary/$IM1" "${A[@]}"
call gl-store-delete-last DELETE "$GL/v2/stores/primary/$IM1" "${A[@]}"
call gl-store-delete-unknown-store DELETE "$GL/v2/stores/nowhere/$IM1" "${A[@]}"

# ---------------------------------------------------------------- web-download
IM2=$(mk observe-web-1)
call gl-web-download POST "$GL/v2/images/$IM2/import" "${A[@]}" "${J[@]}" \
  -d "{\"method\":{\"name\":\"web-download\",\"uri\":\"$WEB/observe.raw\"},\"all_stores\":true,\"all_stores_must_succeed\":true}"
wait_import "$IM2"
call gl-web-get-imported GET "$GL/v2/images/$IM2" "${A[@]}"
IM3=$(mk observe-web-404)
call gl-web-download-404 POST "$GL/v2/images/$IM3/import" "${A[@]}" "${J[@]}" \
  -d "{\"method\":{\"name\":\"web-download\",\"uri\":\"$WEB/missing.raw\"},\"stores\":[\"primary\"],\"all_stores_must_succeed\":true}"
wait_import "$IM3"
call gl-web-get-failed GET "$GL/v2/images/$IM3" "${A[@]}"
call gl-web-tasks-failed GET "$GL/v2/images/$IM3/tasks" "${A[@]}"
call gl-web-download-file-url POST "$GL/v2/images/$IM3/import" "${A[@]}" "${J[@]}" \
  -d '{"method":{"name":"web-download","uri":"file:///etc/passwd"}}'
call gl-web-download-port-not-allowed POST "$GL/v2/images/$IM3/import" "${A[@]}" "${J[@]}" \
  -d '{"method":{"name":"web-download","uri":"http://127.0.0.1:9292/"}}'
call gl-import-unknown-method POST "$GL/v2/images/$IM3/import" "${A[@]}" "${J[@]}" \
  -d '{"method":{"name":"carrier-pigeon"}}'

# ---------------------------------------------------------------- plain upload into one store
IM4=$(mk observe-upload-store private)
call gl-upload-unknown-store PUT "$GL/v2/images/$IM4/file" "${A[@]}" -H 'X-Image-Meta-Store: nowhere' \
  -H 'Content-Type: application/octet-stream' --data-binary 'abc'
call gl-upload-to-store PUT "$GL/v2/images/$IM4/file" "${A[@]}" -H 'X-Image-Meta-Store: secondary' \
  -H 'Content-Type: application/octet-stream' --data-binary "@$TMP/web/observe.raw"
call gl-upload-get-in-store GET "$GL/v2/images/$IM4" "${A[@]}"

# ---------------------------------------------------------------- members (admin owns, demo consumes)
DEMO_ID=$(project_id demo)
call gl-member-add-private POST "$GL/v2/images/$IM4/members" "${A[@]}" "${J[@]}" -d "{\"member\":\"$DEMO_ID\"}"
curl -sS -m 10 -o /dev/null -X PATCH "${A[@]}" -H "Content-Type: $PATCH_CT" \
  -d '[{"op":"replace","path":"/visibility","value":"shared"}]' "$GL/v2/images/$IM4"
call gl-member-add POST "$GL/v2/images/$IM4/members" "${A[@]}" "${J[@]}" -d "{\"member\":\"$DEMO_ID\"}"
call gl-member-list GET "$GL/v2/images/$IM4/members" "${A[@]}"
call gl-member-list-pending-as-member GET "$GL/v2/images?member_status=pending&visibility=shared" "${D[@]}"
call gl-member-accept-as-member PUT "$GL/v2/images/$IM4/members/$DEMO_ID" "${D[@]}" "${J[@]}" -d '{"status":"accepted"}'
call gl-member-list-accepted-as-member GET "$GL/v2/images?member_status=accepted" "${D[@]}"
call gl-member-accept-not-shared PUT "$GL/v2/images/$IM2/members/$DEMO_ID" "${D[@]}" "${J[@]}" -d '{"status":"accepted"}'
call gl-member-reject-as-member PUT "$GL/v2/images/$IM4/members/$DEMO_ID" "${D[@]}" "${J[@]}" -d '{"status":"rejected"}'
call gl-member-list-all-as-member GET "$GL/v2/images?member_status=all&visibility=shared" "${D[@]}"
call gl-member-delete DELETE "$GL/v2/images/$IM4/members/$DEMO_ID" "${A[@]}"

for id in "$IM1" "$IM2" "$IM3" "$IM4"; do curl -sS -m 10 -o /dev/null -X DELETE "${A[@]}" "$GL/v2/images/$id"; done
kill "$WEB_PID" 2>/dev/null || true
