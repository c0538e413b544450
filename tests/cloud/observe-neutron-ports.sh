# Sourced by observe.sh (uses its call, step, step_json, redact, $J, $KS, $OUT, $TMP):
# Neutron's answers to the port creates and updates New-OSPort and Set-OSPort send —
# fixed IPs, security groups, port security — and their refusals, recorded as
# observed/150-169 (as the demo user; everything is named p12-observe-* and deleted).
# Alone: OSPS_OBSERVE_ONLY=neutron-ports tests/cloud/observe.sh [OUTDIR]
n=149
NE=http://127.0.0.1:9696/v2.0
PY3=/usr/bin/python3
DEMO_AUTH='{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"demo","domain":{"name":"Default"},"password":"'"${OSPS_DEMO_PASSWORD:-osps-demo-pw}"'"}}},"scope":{"project":{"name":"demo","domain":{"name":"Default"}}}}}'
DT=$(curl -sS -m 10 -D - -o /dev/null "${J[@]}" -d "$DEMO_AUTH" "$KS/v3/auth/tokens" \
  | tr -d '\r' | awk -F': ' 'tolower($1)=="x-subject-token"{print $2}')
D=(-H "X-Auth-Token: $DT")
# lastn EXPR : a Python expression on the JSON body of the last numbered exchange (as j)
lastn() { sed -n '$p' "$(ls "$OUT"/"$n"-*.txt)" | "$PY3" -c "import json,sys; j=json.load(sys.stdin); print($1)"; }

call neutron-port-network-create POST "$NE/networks" "${D[@]}" "${J[@]}" -d '{"network":{"name":"p12-observe-net"}}'
PNET=$(lastn 'j["network"]["id"]')
step neutron-port-subnet-create POST "$NE/subnets" "${D[@]}" "${J[@]}" \
  -d '{"subnet":{"name":"p12-observe-sub-a","network_id":"'"$PNET"'","ip_version":4,"cidr":"10.233.0.0/24"}}'
PSUB_A=$(step_json 'j["subnet"]["id"]')
step neutron-port-subnet-create-b POST "$NE/subnets" "${D[@]}" "${J[@]}" \
  -d '{"subnet":{"name":"p12-observe-sub-b","network_id":"'"$PNET"'","ip_version":4,"cidr":"10.234.0.0/24"}}'
PSUB_B=$(step_json 'j["subnet"]["id"]')
step neutron-port-sg-create POST "$NE/security-groups" "${D[@]}" "${J[@]}" -d '{"security_group":{"name":"p12-observe-sg"}}'
PSG=$(step_json 'j["security_group"]["id"]')

# creates: an address in a subnet, a subnet only, no group, port security off
call neutron-port-create-fixed-ip POST "$NE/ports" "${D[@]}" "${J[@]}" \
  -d '{"port":{"network_id":"'"$PNET"'","name":"p12-observe-port","description":"web","fixed_ips":[{"subnet_id":"'"$PSUB_A"'","ip_address":"10.233.0.5"}],"security_groups":["'"$PSG"'"]}}'
PP1=$(lastn 'j["port"]["id"]')
call neutron-port-create-subnet-only POST "$NE/ports" "${D[@]}" "${J[@]}" \
  -d '{"port":{"network_id":"'"$PNET"'","name":"p12-observe-port-2","fixed_ips":[{"subnet_id":"'"$PSUB_B"'"}],"security_groups":[]}}'
PP2=$(lastn 'j["port"]["id"]')
call neutron-port-create-port-security-off POST "$NE/ports" "${D[@]}" "${J[@]}" \
  -d '{"port":{"network_id":"'"$PNET"'","name":"p12-observe-port-3","port_security_enabled":false,"mac_address":"fa:16:3e:12:12:12"}}'
PP3=$(lastn 'j["port"]["id"]')
# refusals
call neutron-port-create-ip-taken POST "$NE/ports" "${D[@]}" "${J[@]}" \
  -d '{"port":{"network_id":"'"$PNET"'","fixed_ips":[{"subnet_id":"'"$PSUB_A"'","ip_address":"10.233.0.5"}]}}'
call neutron-port-create-ip-not-in-subnet POST "$NE/ports" "${D[@]}" "${J[@]}" \
  -d '{"port":{"network_id":"'"$PNET"'","fixed_ips":[{"subnet_id":"'"$PSUB_A"'","ip_address":"10.234.0.9"}]}}'
call neutron-port-create-ip-on-no-subnet POST "$NE/ports" "${D[@]}" "${J[@]}" \
  -d '{"port":{"network_id":"'"$PNET"'","fixed_ips":[{"ip_address":"192.0.2.9"}]}}'
call neutron-port-create-groups-without-port-security POST "$NE/ports" "${D[@]}" "${J[@]}" \
  -d '{"port":{"network_id":"'"$PNET"'","security_groups":["'"$PSG"'"],"port_security_enabled":false}}'
call neutron-port-create-unknown-network POST "$NE/ports" "${D[@]}" "${J[@]}" \
  -d '{"port":{"network_id":"00000000-0000-0000-0000-000000000000"}}'
call neutron-port-create-unknown-group POST "$NE/ports" "${D[@]}" "${J[@]}" \
  -d '{"port":{"network_id":"'"$PNET"'","security_groups":["00000000-0000-0000-0000-000000000000"]}}'

# updates: addresses, groups, port security
call neutron-port-update-fixed-ips PUT "$NE/ports/$PP1" "${D[@]}" "${J[@]}" \
  -d '{"port":{"fixed_ips":[{"subnet_id":"'"$PSUB_A"'","ip_address":"10.233.0.6"},{"subnet_id":"'"$PSUB_B"'"}]}}'
call neutron-port-update-ip-taken PUT "$NE/ports/$PP2" "${D[@]}" "${J[@]}" \
  -d '{"port":{"fixed_ips":[{"subnet_id":"'"$PSUB_A"'","ip_address":"10.233.0.6"}]}}'
call neutron-port-update-port-security-off-with-groups PUT "$NE/ports/$PP1" "${D[@]}" "${J[@]}" -d '{"port":{"port_security_enabled":false}}'
call neutron-port-update-no-security-group PUT "$NE/ports/$PP1" "${D[@]}" "${J[@]}" -d '{"port":{"security_groups":[]}}'
call neutron-port-update-port-security-off PUT "$NE/ports/$PP1" "${D[@]}" "${J[@]}" -d '{"port":{"port_security_enabled":false}}'
call neutron-port-update-groups-without-port-security PUT "$NE/ports/$PP1" "${D[@]}" "${J[@]}" -d '{"port":{"security_groups":["'"$PSG"'"]}}'
call neutron-port-update-port-security-on-with-group PUT "$NE/ports/$PP1" "${D[@]}" "${J[@]}" \
  -d '{"port":{"name":"p12-observe-port-1","port_security_enabled":true,"security_groups":["'"$PSG"'"]}}'
call neutron-port-update-unknown-group PUT "$NE/ports/$PP2" "${D[@]}" "${J[@]}" -d '{"port":{"security_groups":["00000000-0000-0000-0000-000000000000"]}}'
call neutron-port-show GET "$NE/ports/$PP3" "${D[@]}"

for p in "$PP1" "$PP2" "$PP3"; do step neutron-port-delete DELETE "$NE/ports/$p" "${D[@]}"; done
step neutron-port-sg-delete DELETE "$NE/security-groups/$PSG" "${D[@]}"
step neutron-port-network-delete DELETE "$NE/networks/$PNET" "${D[@]}"
