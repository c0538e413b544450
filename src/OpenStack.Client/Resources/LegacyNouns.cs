namespace OpenStack.Client.Resources
{
    /// <summary>Nouns of the resources not yet described by a <see cref="ResourceDescriptor{T}"/>; each moves to its descriptor as it migrates.</summary>
    internal static class LegacyNouns
    {
        public static readonly ResourceNoun Image = new ResourceNoun("Image", "image");
        public static readonly ResourceNoun Server = new ResourceNoun("Server", "server");
        public static readonly ResourceNoun Flavor = new ResourceNoun("Flavor", "flavor");
        public static readonly ResourceNoun Keypair = new ResourceNoun("Keypair", "keypair");
        public static readonly ResourceNoun Project = new ResourceNoun("Project", "project");
        public static readonly ResourceNoun Domain = new ResourceNoun("Domain", "domain");
    }
}
