using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// What Add-OSServerSecurityGroup and Remove-OSServerSecurityGroup share: the servers (ServerTargetCmdlet), the
    /// groups (names, ids or objects, resolved through Neutron once, before any server is changed), one Nova action
    /// per server and group, and Nova's refusal a user can act on under an ErrorId of its own.
    /// </summary>
    public abstract class ServerSecurityGroupCmdlet : ServerTargetCmdlet
    {
        private readonly bool _add;
        private List<(string Id, string Label)>? _groups;

        /// <param name="add">addSecurityGroup, else removeSecurityGroup.</param>
        protected ServerSecurityGroupCmdlet(bool add) => _add = add;

        /// <summary>Security group names, ids or objects (Get-OSSecurityGroup's); a name resolves in the session's project first.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public object[]? SecurityGroup { get; set; }

        /// <summary>Return the server as it is afterwards.</summary>
        [Parameter] public SwitchParameter PassThru { get; set; }

        private string Doing => _add ? "Add security group" : "Remove security group";

        private Task Send(string serverId, string groupId, CancellationToken cancellationToken) => _add
            ? Compute.AddSecurityGroupAsync(serverId, groupId, cancellationToken)
            : Compute.RemoveSecurityGroupAsync(serverId, groupId, cancellationToken);

        /// <summary>
        /// Nova's refusals a user can act on: adding a group the server has (400, Neutron's words "Invalid input for
        /// security_groups. Reason: Duplicate items in the list: '&lt;id&gt;'.") and removing one it lacks (404
        /// "Security group &lt;id&gt; not associated with the instance &lt;id&gt;"), as recorded (observed/145, 143).
        /// </summary>
        private (string Id, ErrorCategory Category)? Refusal(OpenStackApiException ex)
        {
            if (_add && (int)ex.StatusCode == 400 && ex.Message.Contains("Duplicate items in the list"))
                return ("ServerSecurityGroupAlreadyAssociated", ErrorCategory.ResourceExists);
            if (!_add && (int)ex.StatusCode == 404 && ex.Message.Contains("not associated with the instance"))
                return ("ServerSecurityGroupNotAssociated", ErrorCategory.ObjectNotFound);
            return null;
        }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // Every group is resolved before the first server is touched: an unknown group changes nothing.
            var groups = new List<(string, string)>();
            foreach (var group in SecurityGroup!)
            {
                try
                {
                    groups.Add(ResolveSecurityGroup(group));
                }
                catch (Exception ex) when (IsReportable(ex))
                {
                    ThrowTerminatingError(ErrorRecords.From(ex, "SecurityGroup", group));
                }
            }
            _groups = groups;
        }

        protected override void Process(Server server)
        {
            var changed = false;
            foreach (var (id, label) in _groups!)
            {
                if (!ShouldProcess(Describe(server), $"{Doing} {label}")) continue;
                try
                {
                    Run(ct => Send(server.Id, id, ct));
                    changed = true;
                    WriteVerbose($"{Doing} {label}: done for server {Describe(server)}.");
                }
                catch (OpenStackApiException ex) when (Refusal(ex) is { } refusal)
                {
                    WriteError(ErrorRecords.Specific(ex, refusal.Id, refusal.Category, ErrorNoun, server));
                }
            }
            if (PassThru && changed) WriteObject(Run(ct => Compute.GetAsync(Servers.Resource, server.Id, ct)));
        }
    }
}
