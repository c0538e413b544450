namespace OpenStack.Client.Network.V2
{
    /// <summary>Neutron security group rules: /v2.0/security-group-rules, {"security_group_rule": …}; they have ids, no names.</summary>
    public static class SecurityGroupRules
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("SecurityGroupRule", "security group rule");

        public static readonly ResourceDescriptor<SecurityGroupRule> Resource = new ResourceDescriptor<SecurityGroupRule>(
            Noun, "v2.0/security-group-rules", "security_group_rule", "security_group_rules", SecurityGroupRuleJson.Default.SecurityGroupRule,
            PagingStyle.Links, nameFilter: null, filters: new[] { "security_group_id", "direction", "protocol", "ethertype", "project_id" });
    }

    [JsonSerializable(typeof(SecurityGroupRule))]
    internal partial class SecurityGroupRuleJson : JsonSerializerContext
    {
    }
}
