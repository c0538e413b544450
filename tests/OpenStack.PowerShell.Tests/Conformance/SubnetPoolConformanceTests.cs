using OpenStack.PowerShell.Tests.Harness;
using SubnetPoolModel = OpenStack.Client.Network.V2.SubnetPool;

namespace OpenStack.PowerShell.Tests.Conformance;

/// <summary>The subnet pool cmdlets against the real cloud in OS_* (skipped when none was given), checked with the CLI.</summary>
[Trait("Category", "Integration")]
[Collection(RealCloudCollection.Name)]
public sealed class SubnetPoolConformanceOnRealCloud : RealCloudTest
{
    /// <summary>
    /// Create, list, grow and delete a pool, each answer compared with `openstack subnet pool show/list`; a pool a
    /// subnet takes from is refused (Neutron's 400 SubnetPoolDeleteError, reported as SubnetPoolInUse); a prefix
    /// taken away is Neutron's 400.
    /// </summary>
    [RealCloudFact]
    public void CreateListSetRemove_AgreeWithTheCli()
    {
        var vars = new Dictionary<string, object?> { ["pool"] = Prefix + "pool", ["net"] = Prefix + "pool-net" };
        string? poolId = null, networkId = null;
        try
        {
            var pool = Ps.Run("New-OSSubnetPool $pool 10.215.0.0/16 -DefaultPrefixLength 26", vars).Single<SubnetPoolModel>();
            poolId = pool.Id;
            var shown = Cli("subnet", "pool", "show", pool.Id);
            Assert.Equal(Prefix + "pool", shown.GetProperty("name").GetString());
            Assert.Equal((26, 8, 32, 4), (pool.DefaultPrefixLength, pool.MinPrefixLength, pool.MaxPrefixLength, pool.IpVersion));
            Assert.Equal("26", shown.GetProperty("default_prefixlen").ToString());
            Assert.Equal(new[] { "10.215.0.0/16" }, pool.Prefixes);

            var listed = Ps.Run("Get-OSSubnetPool ($pool.ToUpperInvariant())", vars).Single<SubnetPoolModel>();
            Assert.Equal(pool.Id, listed.Id);
            Assert.Contains(Cli("subnet", "pool", "list").EnumerateArray(), r => r.GetProperty("ID").GetString() == pool.Id);

            var grown = Ps.Run("Get-OSSubnetPool $pool | Set-OSSubnetPool -Prefix 10.215.0.0/16, 10.216.0.0/16 -MaxPrefixLength 28 -PassThru", vars).Single<SubnetPoolModel>();
            Assert.Equal(new[] { "10.215.0.0/16", "10.216.0.0/16" }, grown.Prefixes.OrderBy(p => p).ToArray());
            Assert.Equal(28, grown.MaxPrefixLength);
            Assert.Equal("28", Cli("subnet", "pool", "show", pool.Id).GetProperty("max_prefixlen").ToString());
            var shrink = Ps.Run("Set-OSSubnetPool $pool -Prefix 10.216.0.0/16", vars).SingleError("SubnetPoolRequestInvalid");
            Assert.Contains("Existing prefixes must be a subset of the new prefixes", shrink.Exception.Message);

            networkId = Cli("network", "create", Prefix + "pool-net").GetProperty("id").GetString();
            Cli("subnet", "create", "--network", networkId!, "--subnet-pool", pool.Id, Prefix + "pool-sub");
            var busy = Ps.Run("Remove-OSSubnetPool $pool -Confirm:$false", vars).SingleError("SubnetPoolInUse");
            Assert.Contains("existing allocations", busy.Exception.Message);

            Ps.Run("Remove-OSSubnet ($net -replace 'net$', 'sub') -Confirm:$false", vars).AssertNoErrors();
            Ps.Run("Remove-OSSubnetPool $pool -Confirm:$false", vars).AssertNoErrors();
            poolId = null;
            Assert.DoesNotContain(Cli("subnet", "pool", "list").EnumerateArray(), r => r.GetProperty("ID").GetString() == pool.Id);
        }
        finally
        {
            // Whatever the test left (it fails part way), deleted with the module's own cmdlets: `… delete -f json` prints nothing to parse.
            if (networkId != null) Ps.Run("Remove-OSNetwork $id -Confirm:$false -ErrorAction SilentlyContinue", new() { ["id"] = networkId });
            if (poolId != null) Ps.Run("Remove-OSSubnetPool $id -Confirm:$false -ErrorAction SilentlyContinue", new() { ["id"] = poolId });
        }
    }
}
