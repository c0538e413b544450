# Sourced by observe.sh (uses its call, step, step_json, $D, $J, $MV93, $NV, $NE, $GL, $TMP, $OUT, $PY3):
# a server's security groups and interfaces changed after boot through Nova, as the module's
# Add-/Remove-OSServerSecurityGroup, Add-/Remove-/Get-OSServerInterface and New-OSServer -SecurityGroup send
# them (groups by id), recorded as observed/170-189. Alone: tests/cloud/observe.sh --server-networking
n=169
P=${OSPS_OBSERVE_PREFIX:-observe-sn}
call neutron-sg-list-default-demo GET "$NE/security-groups?name=default" "${D[@]}"
DEFAULT_SG=$(sed -n '$p' "$(ls "$OUT"/"$n"-*.txt)" | "$PY3" -c 'import json,sys; print(json.load(sys.stdin)["security_groups"][0]["id"])')
step neutron-sg-create POST "$NE/security-groups" "${D[@]}" "${J[@]}" -d '{"security_group":{"name":"'"$P"'-sg"}}'
SG=$(step_json 'j["security_group"]["id"]')
step neutron-network-create POST "$NE/networks" "${D[@]}" "${J[@]}" -d '{"network":{"name":"'"$P"'-net"}}'
NET=$(step_json 'j["network"]["id"]')
step neutron-subnet-create POST "$NE/subnets" "${D[@]}" "${J[@]}" \
  -d '{"subnet":{"name":"'"$P"'-subnet","network_id":"'"$NET"'","ip_version":4,"cidr":"10.233.0.0/24"}}'
step neutron-port-create POST "$NE/ports" "${D[@]}" "${J[@]}" -d '{"port":{"name":"'"$P"'-port","network_id":"'"$NET"'"}}'
PORT=$(step_json 'j["port"]["id"]')
step neutron-port-create-unattached POST "$NE/ports" "${D[@]}" "${J[@]}" -d '{"port":{"name":"'"$P"'-port-2","network_id":"'"$NET"'"}}'
PORT2=$(step_json 'j["port"]["id"]')
qemu-img create -q -f qcow2 "$TMP/sn.qcow2" 16M
step gl-image-create POST "$GL/v2/images" "${D[@]}" "${J[@]}" -d '{"name":"'"$P"'-image","disk_format":"qcow2","container_format":"bare"}'
IMG=$(step_json 'j["id"]')
step gl-image-upload PUT "$GL/v2/images/$IMG/file" "${D[@]}" -H 'Content-Type: application/octet-stream' --data-binary "@$TMP/sn.qcow2"

# New-OSServer -Network -SecurityGroup: the group resolved through Neutron and sent by id
call nova-server-create-sg-by-id POST "$NV/servers" "${D[@]}" "${J[@]}" "${MV93[@]}" \
  -d '{"server":{"name":"'"$P"'-vm","imageRef":"'"$IMG"'","flavorRef":"1","networks":[{"uuid":"'"$NET"'"}],"security_groups":[{"name":"'"$SG"'"}]}}'
VM=$(sed -n '$p' "$(ls "$OUT"/"$n"-*.txt)" | "$PY3" -c 'import json,sys; print(json.load(sys.stdin)["server"]["id"])')
for _ in $(seq 60); do
  st=$(curl -sS -m 10 "${D[@]}" "${MV93[@]}" "$NV/servers/$VM" | "$PY3" -c 'import json,sys; print(json.load(sys.stdin)["server"]["status"])')
  [ "$st" = ACTIVE ] || [ "$st" = ERROR ] && break
  sleep 1
done
call nova-server-get-sg-by-id GET "$NV/servers/$VM" "${D[@]}" "${MV93[@]}"
# Remove-OSServerSecurityGroup default: the server does not have it
call nova-remove-security-group-not-associated POST "$NV/servers/$VM/action" "${D[@]}" "${J[@]}" "${MV93[@]}" -d '{"removeSecurityGroup":{"name":"'"$DEFAULT_SG"'"}}'
# Add-OSServerSecurityGroup default (by id), twice
call nova-add-security-group-by-id POST "$NV/servers/$VM/action" "${D[@]}" "${J[@]}" "${MV93[@]}" -d '{"addSecurityGroup":{"name":"'"$DEFAULT_SG"'"}}'
call nova-add-security-group-by-id-again POST "$NV/servers/$VM/action" "${D[@]}" "${J[@]}" "${MV93[@]}" -d '{"addSecurityGroup":{"name":"'"$DEFAULT_SG"'"}}'
call nova-remove-security-group-by-id POST "$NV/servers/$VM/action" "${D[@]}" "${J[@]}" "${MV93[@]}" -d '{"removeSecurityGroup":{"name":"'"$SG"'"}}'
# Add-OSServerInterface -Port, -Network -FixedIpAddress (the server's own network: what -Force allows)
call nova-interface-attach-port POST "$NV/servers/$VM/os-interface" "${D[@]}" "${J[@]}" "${MV93[@]}" -d '{"interfaceAttachment":{"port_id":"'"$PORT"'"}}'
call nova-interface-attach-fixed-ip POST "$NV/servers/$VM/os-interface" "${D[@]}" "${J[@]}" "${MV93[@]}" \
  -d '{"interfaceAttachment":{"net_id":"'"$NET"'","fixed_ips":[{"ip_address":"10.233.0.50"}]}}'
PORT3=$(sed -n '$p' "$(ls "$OUT"/"$n"-*.txt)" | "$PY3" -c 'import json,sys; print(json.load(sys.stdin)["interfaceAttachment"]["port_id"])')
call nova-interface-list-three GET "$NV/servers/$VM/os-interface" "${D[@]}" "${MV93[@]}"
call nova-interface-attach-port-in-use POST "$NV/servers/$VM/os-interface" "${D[@]}" "${J[@]}" "${MV93[@]}" -d '{"interfaceAttachment":{"port_id":"'"$PORT"'"}}'
# Remove-OSServerInterface: a port the server does not have, then its own
call nova-interface-detach-not-attached DELETE "$NV/servers/$VM/os-interface/$PORT2" "${D[@]}" "${MV93[@]}"
call nova-interface-detach-port DELETE "$NV/servers/$VM/os-interface/$PORT3" "${D[@]}" "${MV93[@]}"
# what the CLI's `server add security group` reads first (Nova's proxy of Neutron's groups, gone at 2.36)
call nova-os-security-group-show GET "$NV/os-security-groups/$SG" "${D[@]}"
call nova-os-security-group-show-unknown GET "$NV/os-security-groups/00000000-0000-0000-0000-000000000000" "${D[@]}"

# teardown
step nova-server-delete DELETE "$NV/servers/$VM" "${D[@]}" "${MV93[@]}"
for _ in $(seq 60); do
  [ "$(curl -sS -m 10 -o /dev/null -w '%{http_code}' "${D[@]}" "${MV93[@]}" "$NV/servers/$VM")" = 404 ] && break
  sleep 1
done
for p in $(curl -sS -m 10 "${D[@]}" "$NE/ports?network_id=$NET" | "$PY3" -c 'import json,sys; print(" ".join(p["id"] for p in json.load(sys.stdin)["ports"] if p["device_owner"] != "network:dhcp"))'); do
  step neutron-port-delete DELETE "$NE/ports/$p" "${D[@]}"
done
step neutron-network-delete DELETE "$NE/networks/$NET" "${D[@]}"
step neutron-sg-delete DELETE "$NE/security-groups/$SG" "${D[@]}"
step gl-image-delete DELETE "$GL/v2/images/$IMG" "${D[@]}"
