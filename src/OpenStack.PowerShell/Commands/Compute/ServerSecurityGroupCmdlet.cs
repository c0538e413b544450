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
        private List<(string Id, string Label)>? _groups;

        /// <summary>Security group names, ids or objects (Get-OSSecurityGroup's); a name resolves in the session's project first.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public object[]? SecurityGroup { get; set; }

        /// <summary>Return the server as it is afterwards.</summary>
        [Parameter] public SwitchParameter PassThru { get; set; }

        /// <summary>"Add security group", "Remove security group": what ShouldProcess names.</summary>
        protected abstract string Doing { get; }

        /// <summary>The Nova action.</summary>
        protected abstract Task Send(string serverId, string groupId, CancellationToken cancellationToken);

        /// <summary>The ErrorId and category of Nova's answer when it is the refusal this cmdlet expects, else null.</summary>
        protected abstract (string Id, ErrorCategory Category)? Refusal(OpenStackApiException ex);

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
