namespace OpenStack.Client.Resources
{
    /// <summary>What the generic operations need of every model: its id (for a keypair, its name) and its name.</summary>
    public interface IResource
    {
        string Id { get; }

        string? Name { get; }
    }
}
