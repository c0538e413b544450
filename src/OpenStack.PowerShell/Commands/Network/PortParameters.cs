using System.Collections;
using System.Net;
using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>One -FixedIp hashtable, checked: a subnet (name, id or object) and/or an address.</summary>
    internal sealed class FixedIpRequest
    {
        public FixedIpRequest(object? subnet, string? ipAddress)
        {
            Subnet = subnet;
            IpAddress = ipAddress;
        }

        /// <summary>The subnet as given: a name or id, or an object with an Id (a Subnet from Get-OSSubnet).</summary>
        public object? Subnet { get; }

        public string? IpAddress { get; }
    }

    /// <summary>
    /// What New-OSPort and Set-OSPort take alike: -FixedIp hashtables (checked before any request), security groups as
    /// names, ids or objects (names resolved in the session's project first), and Neutron's refusals of a port.
    /// </summary>
    internal static class PortParameters
    {
        public const string SecurityGroupSet = "SecurityGroup";
        public const string NoSecurityGroupSet = "NoSecurityGroup";
        public const string DisablePortSecuritySet = "DisablePortSecurity";

        private static readonly string[] Keys = { "Subnet", "IpAddress" };

        /// <summary>
        /// What New-OSPort and Set-OSPort refuse before any request: groups with port security off (Neutron's 400
        /// PortSecurityAndIPRequiredForSecurityGroups, observed/157), and -FixedIp hashtables that are not addresses.
        /// </summary>
        public static IReadOnlyList<FixedIpRequest> Check(bool disablePortSecurity, object[]? groups, Hashtable[]? fixedIps, out ErrorRecord? error)
        {
            error = disablePortSecurity && groups != null
                ? ErrorRecords.Create("PortSecurityGroupsNeedPortSecurity", ErrorCategory.InvalidArgument,
                    "Security groups need port security: give -SecurityGroup or -DisablePortSecurity, not both (Neutron refuses it with 400 PortSecurityAndIPRequiredForSecurityGroups).", groups)
                : null;
            return error != null ? new FixedIpRequest[0] : ParseFixedIps(fixedIps ?? new Hashtable[0], out error);
        }

        /// <summary>The hashtables as requests, or the first problem: an unknown key, an address that is not one, nothing asked for.</summary>
        public static IReadOnlyList<FixedIpRequest> ParseFixedIps(IEnumerable<Hashtable> tables, out ErrorRecord? error)
        {
            var requests = new List<FixedIpRequest>();
            error = null;
            foreach (var table in tables)
            {
                object? subnet = null;
                string? address = null;
                foreach (DictionaryEntry entry in table)
                {
                    var key = Keys.FirstOrDefault(k => string.Equals(k, entry.Key?.ToString(), StringComparison.OrdinalIgnoreCase));
                    var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                    if (key == null)
                    {
                        error = ErrorRecords.Create("PortFixedIpKeyUnknown", ErrorCategory.InvalidArgument,
                            $"-FixedIp takes the keys Subnet and IpAddress; '{entry.Key}' is not one.", table);
                        return requests;
                    }
                    if (key == "Subnet") subnet = value;
                    else if (value != null && !IPAddress.TryParse(value.ToString(), out _))
                    {
                        error = ErrorRecords.Create("PortFixedIpAddressInvalid", ErrorCategory.InvalidArgument,
                            $"-FixedIp IpAddress '{value}' is not an IPv4 or IPv6 address.", table);
                        return requests;
                    }
                    else address = value?.ToString();
                }
                if (subnet == null && address == null)
                {
                    error = ErrorRecords.Create("PortFixedIpEmpty", ErrorCategory.InvalidArgument,
                        "A -FixedIp hashtable needs Subnet, IpAddress or both, e.g. @{ Subnet = 'sub1'; IpAddress = '10.0.0.5' }.", table);
                    return requests;
                }
                requests.Add(new FixedIpRequest(subnet, address));
            }
            return requests;
        }

        /// <summary>The id an object given for a name-or-id parameter already carries (a piped resource), else null.</summary>
        public static string? IdOf(object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value) is IResource resource ? resource.Id : null;

        /// <summary>Security groups given as names, ids or objects, as ids (a name through <paramref name="find"/>: the session's project first).</summary>
        public static List<string> GroupIds(IEnumerable<object> groups, Func<string, SecurityGroup> find) =>
            groups.Select(g => IdOf(g) ?? find(g.ToString()!).Id).ToList();

        /// <summary>
        /// The requests with their subnets resolved by <paramref name="findSubnet"/> among the subnets of the port's
        /// network: a subnet of another network is not found either (SubnetNotFound, and nothing is sent).
        /// </summary>
        public static List<FixedIp> Resolve(IEnumerable<FixedIpRequest> requests, string networkId, Func<string, ListOptions, Subnet> findSubnet) =>
            requests.Select(request => new FixedIp { SubnetId = request.Subnet == null ? null : SubnetId(request.Subnet, networkId, findSubnet), IpAddress = request.IpAddress }).ToList();

        private static string SubnetId(object given, string networkId, Func<string, ListOptions, Subnet> findSubnet)
        {
            var nameOrId = IdOf(given) ?? given.ToString()!;
            var subnet = findSubnet(nameOrId, new ListSubnetsOptions { NetworkId = networkId });
            // An id is found whatever its network; the scope filters names only.
            if (subnet.NetworkId != networkId) throw new ResourceNotFoundException(Subnets.Noun, nameOrId);
            return subnet.Id;
        }

        /// <summary>
        /// Neutron's refusal as a specific ErrorRecord (its message and request id kept), or null for the generic one.
        /// The words after the message say what to do instead.
        /// </summary>
        public static ErrorRecord? Refusal(OpenStackApiException error, object? target)
        {
            var (id, category, hint) = PortProblems.Of(error) switch
            {
                PortProblem.IpAddressInUse => ("PortIpAddressInUse", ErrorCategory.ResourceExists, "Another port has that address; pick another or leave IpAddress out."),
                PortProblem.IpAddressNotInSubnet => ("PortIpAddressNotInSubnet", ErrorCategory.InvalidArgument, "Give an address inside the subnet's CIDR (Get-OSSubnet shows it)."),
                PortProblem.HasSecurityGroups => ("PortHasSecurityGroups", ErrorCategory.InvalidOperation, "Give -NoSecurityGroup with -DisablePortSecurity."),
                PortProblem.SecurityGroupsNeedPortSecurity => ("PortSecurityGroupsNeedPortSecurity", ErrorCategory.InvalidOperation, "Give -EnablePortSecurity with -SecurityGroup."),
                _ => ((string?)null, ErrorCategory.NotSpecified, (string?)null),
            };
            if (id == null) return null;
            var details = ErrorRecords.From(error, "Port", target).ErrorDetails;
            return new ErrorRecord(error, id, category, target)
            {
                ErrorDetails = new ErrorDetails(error.Message + " " + hint) { RecommendedAction = details?.RecommendedAction },
            };
        }
    }
}
