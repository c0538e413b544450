namespace OpenStack.Client.Http
{
    /// <summary>No resource of that kind has the given name or id (checked by id first, then by name, as the CLI does).</summary>
    public sealed class ResourceNotFoundException : OpenStackException
    {
        public ResourceNotFoundException(ResourceNoun noun, string nameOrId)
            : base($"No {noun.Message} with a name or ID of '{nameOrId}' exists.")
        {
            Noun = noun;
            NameOrId = nameOrId;
        }

        public ResourceNoun Noun { get; }

        /// <summary>The noun as messages say it ("network").</summary>
        public string Kind => Noun.Message;

        public string NameOrId { get; }
    }

    /// <summary>A name that one resource was needed for matched several (names differing only in case too); the message lists their ids.</summary>
    public sealed class AmbiguousNameException : OpenStackException
    {
        public AmbiguousNameException(ResourceNoun noun, string name, IEnumerable<string> ids)
            : this(noun, name, ids.ToList())
        {
        }

        private AmbiguousNameException(ResourceNoun noun, string name, List<string> ids)
            : base($"More than one {noun.Message} exists with the name '{name}' ({string.Join(", ", ids)}); use an ID instead.")
        {
            Noun = noun;
            Name = name;
            Ids = ids;
        }

        public ResourceNoun Noun { get; }

        public string Kind => Noun.Message;

        public string Name { get; }

        public IReadOnlyList<string> Ids { get; }
    }

    /// <summary>
    /// The service refused a delete with 409 because something still uses the resource (Neutron's NetworkInUse,
    /// SubnetInUse, RouterInUse). The message and request id are the service's, from the inner exception.
    /// </summary>
    public sealed class ResourceInUseException : OpenStackException
    {
        public ResourceInUseException(ResourceNoun noun, OpenStackApiException inner) : base(inner.Message, inner)
        {
            Noun = noun;
        }

        public ResourceNoun Noun { get; }

        public string Kind => Noun.Message;
    }
}
