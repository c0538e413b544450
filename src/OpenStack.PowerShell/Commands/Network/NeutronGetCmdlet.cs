using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Http;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Base of Get-OSNetwork, Get-OSSubnet and Get-OSRouter: -Id gets each by id (pipeline by property name),
    /// the List set lists with the derived cmdlet's filters and matches -Name (declared by each, for its completer).
    /// </summary>
    public abstract class NeutronGetCmdlet<T> : NeutronCmdlet
    {
        protected const string ListSet = "List";
        protected const string IdSet = "Id";

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.IdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>The names asked for by the List set (null: all).</summary>
        protected abstract string[]? Names { get; }

        /// <summary>"network", "subnet" or "router", for ResourceNotFoundException and so the error id.</summary>
        protected abstract string Kind { get; }

        protected abstract Task<T> GetAsync(string id, CancellationToken cancellationToken);

        /// <summary>The list with the cmdlet's filters and, when given, an exact server-side name.</summary>
        protected abstract Pager<T> List(string? name, CancellationToken cancellationToken);

        protected abstract string? NameOf(T item);

        protected abstract string IdOf(T item);

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            foreach (var id in Id!)
            {
                ForEachInput(id, () => WriteObject(Run(ct => GetAsync(id, ct))));
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ListSet || !BeforeListing()) return;
            WriteMatching(Kind, Names, List, GetAsync, NameOf, IdOf);
        }

        /// <summary>Resolves what the filters need (such as a network id); false stops the listing.</summary>
        protected virtual bool BeforeListing() => true;
    }
}
