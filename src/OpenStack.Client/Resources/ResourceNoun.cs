namespace OpenStack.Client.Resources
{
    /// <summary>
    /// How a kind of resource is named to people: <see cref="ErrorNoun"/> starts every ErrorId ("SecurityGroup" in
    /// SecurityGroupNotFound), <see cref="Message"/> is used in sentences ("No security group with …"). Both are given,
    /// never derived from each other: capitalising "security group" would give "Security groupNotFound".
    /// </summary>
    public sealed class ResourceNoun
    {
        public ResourceNoun(string errorNoun, string message)
        {
            if (string.IsNullOrEmpty(errorNoun) || !char.IsUpper(errorNoun[0]) || errorNoun.IndexOfAny(new[] { ' ', '-', '_' }) >= 0)
                throw new ArgumentException($"'{errorNoun}' is not a PascalCase noun.", nameof(errorNoun));
            if (string.IsNullOrEmpty(message)) throw new ArgumentException("A message noun is needed.", nameof(message));
            ErrorNoun = errorNoun;
            Message = message;
        }

        /// <summary>PascalCase, the start of ErrorIds: "Network", "SecurityGroup".</summary>
        public string ErrorNoun { get; }

        /// <summary>Lower case, for messages: "network", "security group".</summary>
        public string Message { get; }

        public override string ToString() => Message;
    }
}
