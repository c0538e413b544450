using System.Net;

namespace OpenStack.Client.Network.V2
{
    /// <summary>Why Neutron refused a port's create or update, as far as a user can act on it.</summary>
    public enum PortProblem
    {
        /// <summary>409 IpAddressAlreadyAllocated: another port has the address.</summary>
        IpAddressInUse,
        /// <summary>400 InvalidIpForSubnet / InvalidIpForNetwork: the address is outside the subnet (or every subnet of the network).</summary>
        IpAddressNotInSubnet,
        /// <summary>409 PortSecurityPortHasSecurityGroup: port security cannot be turned off while the port has groups.</summary>
        HasSecurityGroups,
        /// <summary>400 PortSecurityAndIPRequiredForSecurityGroups: groups need port security (and an address).</summary>
        SecurityGroupsNeedPortSecurity,
    }

    public static class PortProblems
    {
        /// <summary>
        /// The problem a refusal stands for, or null. Read from the status and Neutron's message (the client keeps the
        /// message, not the error's type); the messages are the ones the real Neutron sent (tests/cloud/observed/154-167).
        /// </summary>
        public static PortProblem? Of(OpenStackApiException error)
        {
            var message = error.ServerMessage ?? string.Empty;
            switch ((int)error.StatusCode)
            {
                case (int)HttpStatusCode.Conflict when message.Contains("already allocated"): return PortProblem.IpAddressInUse;
                case (int)HttpStatusCode.Conflict when message.StartsWith("Port has security group", StringComparison.Ordinal): return PortProblem.HasSecurityGroups;
                case (int)HttpStatusCode.BadRequest when message.Contains("is not a valid IP for"): return PortProblem.IpAddressNotInSubnet;
                case (int)HttpStatusCode.BadRequest when message.StartsWith("Port security must be enabled", StringComparison.Ordinal): return PortProblem.SecurityGroupsNeedPortSecurity;
                default: return null;
            }
        }
    }
}
