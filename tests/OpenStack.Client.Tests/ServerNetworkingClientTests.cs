using System.Text.Json;
using OpenStack.Client.Auth;
using OpenStack.Client.Compute.V2;
using OpenStack.Client.Http;
using OpenStack.Client.Network.V2;
using OpenStack.Client.Resources;

namespace OpenStack.Client.Tests;

/// <summary>A server's security groups and interfaces through Nova: the method, path and body of each request, and the addresses read apart.</summary>
public sealed class ServerNetworkingClientTests : AdminFakeCloudTest
{
    private ComputeClient _compute = null!;
    private string _serverId = null!;
    private string _networkId = null!;

    protected override async Task StartedAsync()
    {
        var admin = _cloud.Identity.AdminProjectId;
        _compute = new ComputeClient(_session);
        _networkId = (string)_cloud.Neutron.AddNetwork("net", admin)["id"]!;
        _cloud.Neutron.AddSubnet(_networkId, "10.81.0.0/24", admin);
        var image = _cloud.Glance.AddImage("img");
        var options = new CreateServerOptions { Name = "vm", ImageId = image.Id, FlavorId = "1" };
        options.NetworkIds.Add(_networkId);
        _serverId = (await _compute.CreateServerAsync(options, CancellationToken.None)).Id!;
        await _compute.WaitAsync(_serverId, "ACTIVE", s => s.Status == "ACTIVE", TimeSpan.FromSeconds(30), null, CancellationToken.None);
    }

    private (string Path, string Body) Only(string method)
    {
        var request = _cloud.Requests.Single(r => r.Method == method && r.PathAndQuery.StartsWith("/compute/v2.1/servers/", StringComparison.Ordinal));
        return (request.PathAndQuery, request.Body.Length == 0 ? "" : JsonDocument.Parse(request.Body).RootElement.GetRawText());
    }

    [Fact]
    public async Task SecurityGroupActions_PostTheGroupAsName_AndNovasRefusalsKeepItsStatusAndWords()
    {
        var group = (string)_cloud.Neutron.AddSecurityGroup("web", _cloud.Identity.AdminProjectId)["id"]!;
        _cloud.ClearRequests();
        await _compute.AddSecurityGroupAsync(_serverId, group, CancellationToken.None);
        Assert.Equal(($"/compute/v2.1/servers/{_serverId}/action", "{\"addSecurityGroup\":{\"name\":\"" + group + "\"}}"), Only("POST"));

        var twice = await Assert.ThrowsAsync<OpenStackApiException>(() => _compute.AddSecurityGroupAsync(_serverId, group, CancellationToken.None));
        Assert.Equal(400, (int)twice.StatusCode);
        Assert.Contains("Duplicate items in the list", twice.Message);

        _cloud.ClearRequests();
        await _compute.RemoveSecurityGroupAsync(_serverId, group, CancellationToken.None);
        Assert.Equal(($"/compute/v2.1/servers/{_serverId}/action", "{\"removeSecurityGroup\":{\"name\":\"" + group + "\"}}"), Only("POST"));
        var absent = await Assert.ThrowsAsync<OpenStackApiException>(() => _compute.RemoveSecurityGroupAsync(_serverId, group, CancellationToken.None));
        Assert.Equal(404, (int)absent.StatusCode);
        Assert.NotNull(absent.RequestId);
    }

    [Fact]
    public async Task Interfaces_AttachByNetworkWithAddress_ByPort_List_AndDetach()
    {
        _cloud.ClearRequests();
        var byNetwork = await _compute.AttachInterfaceAsync(_serverId, new AttachInterfaceOptions { NetworkId = _networkId, FixedIpAddress = "10.81.0.40" }, CancellationToken.None);
        Assert.Equal(($"/compute/v2.1/servers/{_serverId}/os-interface",
            "{\"interfaceAttachment\":{\"net_id\":\"" + _networkId + "\",\"fixed_ips\":[{\"ip_address\":\"10.81.0.40\"}]}}"), Only("POST"));
        Assert.Equal(("10.81.0.40", _serverId, "ACTIVE"), (byNetwork.FixedIps.Single().IpAddress, byNetwork.ServerId, byNetwork.PortState));

        var port = (string)_cloud.Neutron.AddPort(_networkId, _cloud.Identity.AdminProjectId)["id"]!;
        _cloud.ClearRequests();
        var byPort = await _compute.AttachInterfaceAsync(_serverId, new AttachInterfaceOptions { PortId = port }, CancellationToken.None);
        Assert.Equal("{\"interfaceAttachment\":{\"port_id\":\"" + port + "\"}}", Only("POST").Body);
        Assert.Equal(port, byPort.PortId);

        _cloud.ClearRequests();
        var listed = await _compute.ListInterfacesAsync(_serverId, CancellationToken.None);
        Assert.Equal($"/compute/v2.1/servers/{_serverId}/os-interface", Only("GET").Path);
        Assert.Equal(3, listed.Count);
        Assert.All(listed, i => Assert.Equal((_networkId, _serverId), (i.NetworkId, i.ServerId)));

        _cloud.ClearRequests();
        await _compute.DetachInterfaceAsync(_serverId, port, CancellationToken.None);
        Assert.Equal(($"/compute/v2.1/servers/{_serverId}/os-interface/{port}", ""), Only("DELETE"));
    }

    [Fact]
    public async Task CreateServer_SendsNetworksThenPorts_AndGroupsByWhatIsGiven()
    {
        var port = (string)_cloud.Neutron.AddPort(_networkId, _cloud.Identity.AdminProjectId)["id"]!;
        var group = (string)_cloud.Neutron.AddSecurityGroup("boot", _cloud.Identity.AdminProjectId)["id"]!;
        var options = new CreateServerOptions { Name = "vm2", ImageId = _cloud.Glance.AddImage("img2").Id, FlavorId = "1" };
        options.NetworkIds.Add(_networkId);
        options.PortIds.Add(port);
        options.SecurityGroups.Add(group);
        _cloud.ClearRequests();
        await _compute.CreateServerAsync(options, CancellationToken.None);
        var body = JsonDocument.Parse(_cloud.Requests.Single(r => r.Method == "POST").Body).RootElement.GetProperty("server");
        Assert.Equal("[{\"uuid\":\"" + _networkId + "\"},{\"port\":\"" + port + "\"}]", body.GetProperty("networks").GetRawText());
        Assert.Equal("[{\"name\":\"" + group + "\"}]", body.GetProperty("security_groups").GetRawText());
    }

    [Fact]
    public void RecordedServerWithAFloatingIp_ShowsFixedAndFloatingAddressesApart()
    {
        // observed/81: the real Nova's server after Neutron told it of the floating IP.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!Directory.Exists(Path.Combine(dir.FullName, "tests", "cloud", "observed"))) dir = dir.Parent!;
        var text = File.ReadAllLines(Path.Combine(dir.FullName, "tests", "cloud", "observed", "81-nova-server-get-with-floating-ip.txt")).Last(l => l.StartsWith('{'));
        using var doc = JsonDocument.Parse(text);
        var server = PageReader.ReadOne(doc.RootElement, Servers.Resource);
        Assert.Equal(new[] { "10.231.0.5" }, server.FixedAddresses);
        Assert.Equal(new[] { "172.24.4.230" }, server.FloatingAddresses);
        Assert.Equal("observe-net=10.231.0.5, 172.24.4.230", server.Networks);
    }
}
