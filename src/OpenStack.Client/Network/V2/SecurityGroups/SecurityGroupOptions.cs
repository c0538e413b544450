namespace OpenStack.Client.Network.V2
{
    /// <summary>Filters of GET /v2.0/security-groups.</summary>
    public sealed class ListSecurityGroupsOptions : ListOptions
    {
        public string? ProjectId { get; set; }

        private protected override void AddFilters(QueryString query) => query.Add("project_id", ProjectId);
    }

    /// <summary>The fields a security group is created with and changed by; only the fields set are sent.</summary>
    public abstract class SecurityGroupFields : RequestOptions
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool? Stateful { get; set; }

        internal override BodyMap ToBody() => new BodyMap()
            .Set("name", Name)
            .Set("description", Description)
            .Set("stateful", Stateful);
    }

    /// <summary>The body of POST /v2.0/security-groups.</summary>
    public sealed class CreateSecurityGroupOptions : SecurityGroupFields
    {
    }

    /// <summary>The body of PUT /v2.0/security-groups/{id}: only the fields set are sent.</summary>
    public sealed class UpdateSecurityGroupOptions : SecurityGroupFields
    {
    }
}
