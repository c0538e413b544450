namespace OpenStack.Client.Network.V2
{
    /// <summary>Neutron security groups: /v2.0/security-groups, {"security_group": …}, paged by "security_groups_links".</summary>
    public static class SecurityGroups
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("SecurityGroup", "security group");

        public static readonly ResourceDescriptor<SecurityGroup> Resource = new ResourceDescriptor<SecurityGroup>(
            Noun, "v2.0/security-groups", "security_group", "security_groups", SecurityGroupJson.Default.SecurityGroup, PagingStyle.Links,
            filters: new[] { "project_id", "description" }, deleteConflictMeansInUse: true);

        /// <summary>
        /// What a name stands for when one project's group is meant: an admin sees every project's "default", so among
        /// several matches the one of <paramref name="projectId"/> (the session's project) wins; only several there, or
        /// several elsewhere and none there, are ambiguous. (Other tools silently take the first match; that is how
        /// a runbook ends up opening another project's group.)
        /// </summary>
        public static IReadOnlyList<SecurityGroup> PreferProject(IReadOnlyList<SecurityGroup> matches, string? projectId)
        {
            if (matches.Count < 2 || projectId == null) return matches;
            var own = matches.Where(g => g.ProjectId == projectId).ToList();
            return own.Count > 0 ? own : matches;
        }

        /// <summary>Exactly one group by id or name, the session's project first (<see cref="PreferProject"/>).</summary>
        public static async Task<SecurityGroup> FindInProjectAsync(this NetworkClient client, string nameOrId, string? projectId, CancellationToken cancellationToken)
        {
            var matches = PreferProject(await client.MatchAsync(Resource, nameOrId, cancellationToken).ConfigureAwait(false), projectId);
            if (matches.Count == 0) throw new ResourceNotFoundException(Noun, nameOrId);
            if (matches.Count > 1) throw new AmbiguousNameException(Noun, nameOrId, matches.Select(m => m.Id));
            return matches[0];
        }
    }

    public static class SecurityGroupLookups
    {
        /// <summary>
        /// What a change acts on: with a pattern (<paramref name="matchesPattern"/> set), every group whose name it
        /// matches; else exactly one group by id or name, the session's project first.
        /// </summary>
        public static async Task<IReadOnlyList<SecurityGroup>> PickSecurityGroupsAsync(this NetworkClient client, string target, string? projectId,
            Func<string?, bool>? matchesPattern, CancellationToken cancellationToken)
        {
            if (matchesPattern == null) return new[] { await client.FindInProjectAsync(target, projectId, cancellationToken).ConfigureAwait(false) };
            var all = await client.List(SecurityGroups.Resource, new ListSecurityGroupsOptions { Limit = 1000 }, cancellationToken).AllAsync().ConfigureAwait(false);
            return all.Where(g => matchesPattern(g.Name)).ToList();
        }
    }

    [JsonSerializable(typeof(SecurityGroup))]
    internal partial class SecurityGroupJson : JsonSerializerContext
    {
    }
}
