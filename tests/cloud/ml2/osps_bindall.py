"""A tiny ML2 mechanism driver for the local test cloud: it binds every port.

Why: the test cloud runs no L2 agent (no OVS/linuxbridge). Without any
mechanism driver Neutron's API works, but ports never bind, so a Nova server
that gets a port fails with PortBindingFailed. Nova runs the fake virt driver,
so there is nothing to plug: we just claim the first segment and report the
port ACTIVE with vif_type "ovs".

Registered as `osps_bindall` in the `neutron.ml2.mechanism_drivers` entry
point group by a dist-info folder that start.sh writes into the state folder
(both that folder and this one are put on PYTHONPATH of neutron-server).
"""
from neutron_lib.api.definitions import portbindings
from neutron_lib import constants
from neutron_lib.plugins.ml2 import api


class BindAllMechanismDriver(api.MechanismDriver):

    @property
    def connectivity(self):
        return portbindings.CONNECTIVITY_L2

    def initialize(self):
        pass

    def bind_port(self, context):
        for segment in context.segments_to_bind:
            context.set_binding(
                segment[api.ID],
                portbindings.VIF_TYPE_OVS,
                {portbindings.CAP_PORT_FILTER: True,
                 portbindings.OVS_HYBRID_PLUG: False},
                status=constants.PORT_STATUS_ACTIVE)
            return
