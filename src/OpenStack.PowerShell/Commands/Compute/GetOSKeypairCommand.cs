using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>Lists the user's keypairs (`openstack keypair list`); a plain name gets that one keypair (`keypair show`).</summary>
    [Cmdlet(VerbsCommon.Get, "OSKeypair")]
    [OutputType(typeof(Keypair))]
    public sealed class GetOSKeypairCommand : ComputeCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(KeypairNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override string ErrorNoun => "Keypair";

        private readonly List<string> _names = new List<string>();

        protected override void ProcessRecord()
        {
            if (Name != null) _names.AddRange(Name);
        }

        protected override void EndProcessing()
        {
            var filter = new NameFilter(_names);
            if (!filter.IsEmpty && !filter.HasWildcards)
            {
                // Plain names: one GET each, which also carries the public key and user id.
                foreach (var name in filter.Literals) ForEachInput(name, () => WriteObject(Run(ct => Compute.GetAsync(Keypairs.Resource, name, ct))));
                return;
            }
            ForEachInput(null, () =>
            {
                var pager = Compute.List(Keypairs.Resource, null, CancellationToken);
                IReadOnlyList<Keypair>? page;
                while ((page = Run(_ => pager.NextPageAsync())) != null)
                {
                    foreach (var keypair in page) if (filter.Matches(keypair.Name)) WriteObject(keypair);
                }
            });
            foreach (var missing in filter.UnmatchedLiterals()) WriteFailure(new Client.Http.ResourceNotFoundException(Keypairs.Noun, missing), missing);
        }
    }
}
