using OpenStack.FakeCloud;

namespace OpenStack.PowerShell.TestCloud;

/// <summary>The data sets Start-OSTestCloud -Seed knows. Only the fake's public seeding calls are used (no HTTP).</summary>
public static class TestCloudSeed
{
    public const string Default = "Default";
    public const string Empty = "Empty";

    /// <summary>
    /// Default: two public images (cirros active, with data; a deactivated old one), the fake's flavors m1.tiny/small/medium,
    /// a shared "private" network and an external "public" one, and one ACTIVE server "web-1" on cirros and m1.tiny in the
    /// admin project. Empty: the flavors only (Nova always has them), no images, networks or servers.
    /// </summary>
    internal static void Apply(OpenStack.FakeCloud.FakeCloud cloud, string seed)
    {
        if (string.Equals(seed, Empty, StringComparison.OrdinalIgnoreCase)) return;
        var admin = cloud.Identity.AdminProjectId;
        var cirros = cloud.Glance.AddImage("cirros-0.6.2-x86_64-disk", tags: new[] { "test", "cirros" }, size: 4096,
            properties: new Dictionary<string, string> { ["os_distro"] = "cirros", ["os_version"] = "0.6.2" });
        cloud.Glance.AddImage("cirros-0.5.2-x86_64-disk", status: "deactivated", tags: new[] { "old" }, size: 2048);
        foreach (var (name, external) in new[] { ("private", false), ("public", true) })
        {
            var network = cloud.Neutron.AddNetwork(name, admin, external: external, shared: !external);
            // Nova's side of the fake keeps its own table of the networks a server may be attached to.
            cloud.Nova.Networks[name] = (string)network["id"]!;
        }
        cloud.Nova.AddServer("web-1", admin, cloud.Identity.AdminUserId, cirros.Id, "1");
    }
}
