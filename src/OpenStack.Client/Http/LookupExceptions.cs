using System.Collections.Generic;
using System.Linq;

namespace OpenStack.Client.Http
{
    /// <summary>No resource of that kind has the given name or id (checked by id first, then by name, as the CLI does).</summary>
    public sealed class ResourceNotFoundException : OpenStackException
    {
        public ResourceNotFoundException(string kind, string nameOrId)
            : base($"No {kind} with a name or ID of '{nameOrId}' exists.")
        {
            Kind = kind;
            NameOrId = nameOrId;
        }

        public string Kind { get; }
        public string NameOrId { get; }
    }

    /// <summary>A name that one resource was needed for matched several; the message lists their ids.</summary>
    public sealed class AmbiguousNameException : OpenStackException
    {
        public AmbiguousNameException(string kind, string name, IEnumerable<string> ids)
            : base($"More than one {kind} exists with the name '{name}' ({string.Join(", ", ids)}); use an ID instead.")
        {
            Kind = kind;
            Name = name;
            Ids = ids.ToList();
        }

        public string Kind { get; }
        public string Name { get; }
        public IReadOnlyList<string> Ids { get; }
    }
}
