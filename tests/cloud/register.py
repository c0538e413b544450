#!/usr/bin/python3
"""Idempotently create the users, projects, services, endpoints (and flavors)
the local test cloud needs.

Why a Python helper and not `openstack ...` calls: every CLI invocation pays
~1.2 s of start-up, and we need a few dozen of them. One openstacksdk
session does it all in a couple of seconds, and "find, else create" makes it
safe to run on every start.

Usage: register.py identity <services...>   (after Keystone is up)
       register.py flavors                  (after Nova API is up)
       register.py public-network           (after Neutron is up)
       register.py image                    (after Glance is up)
Environment: OS_AUTH_URL, OS_PASSWORD (admin), OSPS_SERVICE_PASSWORD,
             OSPS_DEMO_PASSWORD.
"""
import os
import sys

import openstack

AUTH_URL = os.environ.get("OS_AUTH_URL", "http://127.0.0.1:5000/v3")
REGION = "RegionOne"
HOST = "http://127.0.0.1"

# service type -> (service name, user name, endpoint url)
SERVICES = {
    "image": ("glance", "glance", HOST + ":9292"),
    "compute": ("nova", "nova", HOST + ":8774/v2.1"),
    "placement": ("placement", "placement", HOST + ":8778"),
    "network": ("neutron", "neutron", HOST + ":9696"),
}
# which --services keyword brings which catalog entries
KEYWORDS = {
    "glance": ["image"],
    "nova": ["compute", "placement", "network"],
    "placement": ["placement"],
    "neutron": ["network"],
}


def connect():
    return openstack.connect(
        auth_url=AUTH_URL,
        username="admin",
        password=os.environ["OS_PASSWORD"],
        project_name="admin",
        user_domain_name="Default",
        project_domain_name="Default",
        region_name=REGION,
        interface="public",
        identity_api_version="3",
        compute_api_version="2.79",
    )


def ensure_project(conn, name, description):
    # list-with-filter rather than find_*: find_* first GETs /projects/<name>,
    # which Keystone answers 404 and logs as an ERROR with a traceback.
    p = next(iter(conn.identity.projects(name=name, domain_id="default")), None)
    if p is None:
        p = conn.identity.create_project(
            name=name, domain_id="default", description=description)
        print(f"  created project {name}")
    return p


def ensure_user(conn, name, password, project):
    u = next(iter(conn.identity.users(name=name, domain_id="default")), None)
    if u is None:
        u = conn.identity.create_user(
            name=name, password=password, domain_id="default",
            default_project_id=project.id)
        print(f"  created user {name}")
    return u


def ensure_role(conn, name):
    r = next(iter(conn.identity.roles(name=name)), None)
    if r is None:
        r = conn.identity.create_role(name=name)
        print(f"  created role {name}")
    return r


def grant(conn, user, project, role):
    # assigning an existing assignment again is a no-op (204) in Keystone
    conn.identity.assign_project_role_to_user(project, user, role)


def ensure_service_and_endpoints(conn, stype):
    name, _, url = SERVICES[stype]
    svc = None
    for s in conn.identity.services():
        if s.type == stype:
            svc = s
            break
    if svc is None:
        svc = conn.identity.create_service(
            name=name, type=stype, description=f"{name} ({stype})")
        print(f"  created service {name}")
    have = {(e.interface, e.url)
            for e in conn.identity.endpoints(service_id=svc.id)}
    for iface in ("public", "internal", "admin"):
        if (iface, url) not in have:
            conn.identity.create_endpoint(
                service_id=svc.id, interface=iface, url=url, region_id=REGION)
            print(f"  created {iface} endpoint {url} for {stype}")


def identity(keywords):
    conn = connect()
    spw = os.environ["OSPS_SERVICE_PASSWORD"]
    dpw = os.environ["OSPS_DEMO_PASSWORD"]
    admin_role = ensure_role(conn, "admin")
    member = ensure_role(conn, "member")
    ensure_role(conn, "reader")
    service = ensure_project(conn, "service", "service users")
    demo = ensure_project(conn, "demo", "demo project (non-admin tests)")
    alt = ensure_project(conn, "alt_demo", "second non-admin project")
    grant(conn, ensure_user(conn, "demo", dpw, demo), demo, member)
    grant(conn, ensure_user(conn, "alt_demo", dpw, alt), alt, member)
    types = []
    for k in keywords:
        for t in KEYWORDS.get(k, []):
            if t not in types:
                types.append(t)
    for t in types:
        user = ensure_user(conn, SERVICES[t][1], spw, service)
        grant(conn, user, service, admin_role)
        ensure_service_and_endpoints(conn, t)


def flavors():
    conn = connect()
    want = [("m1.tiny", "1", 1, 512, 1), ("m1.small", "2", 1, 2048, 20),
            ("m1.medium", "3", 2, 4096, 40)]
    have = {f.name for f in conn.compute.flavors(is_public=None)}
    for name, fid, vcpus, ram, disk in want:
        if name not in have:
            conn.compute.create_flavor(name=name, id=fid, vcpus=vcpus,
                                       ram=ram, disk=disk, is_public=True)
            print(f"  created flavor {name}")


def public_network():
    """The external network devstack creates (stack.sh, lib/neutron_plugins/
    services/l3): admin's flat network "public", external (so every project
    may use it for router gateways and floating IPs without it being shared),
    and "public-subnet" 172.24.4.0/24, gateway .1, no DHCP."""
    conn = connect()
    net = next(iter(conn.network.networks(name="public")), None)
    if net is None:
        net = conn.network.create_network(
            name="public", is_router_external=True,
            provider_network_type="flat", provider_physical_network="public")
        print("  created network public")
    if not any(s.name == "public-subnet"
               for s in conn.network.subnets(network_id=net.id)):
        conn.network.create_subnet(
            name="public-subnet", network_id=net.id, ip_version=4,
            cidr="172.24.4.0/24", gateway_ip="172.24.4.1",
            is_dhcp_enabled=False,
            allocation_pools=[{"start": "172.24.4.2", "end": "172.24.4.254"}])
        print("  created subnet public-subnet")


def image():
    """A public image every project can boot, as devstack uploads cirros: a small empty qcow2 (qemu-img), which the
    fake virt driver boots as well as any. Tests and runbooks on a brand-new cloud find one image to list and use."""
    import subprocess
    import tempfile
    conn = connect()
    name = "osps-seed-qcow2"
    if any(i.name == name for i in conn.image.images()):
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "seed.qcow2")
        subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", path, "16M"], check=True)
        conn.create_image(name, filename=path, disk_format="qcow2", container_format="bare",
                          visibility="public", wait=True, use_import=False)
    print(f"  created image {name}")


if __name__ == "__main__":
    if sys.argv[1] == "identity":
        identity(sys.argv[2:])
    elif sys.argv[1] == "flavors":
        flavors()
    elif sys.argv[1] == "public-network":
        public_network()
    elif sys.argv[1] == "image":
        image()
    else:
        sys.exit(f"unknown command {sys.argv[1]}")
