using System.Net;
using System.Text.Json;
using OpenStack.Client.Auth;
using OpenStack.Client.Http;
using OpenStack.Client.Network.V2;
using OpenStack.Client.Resources;

namespace OpenStack.Client.Tests;

/// <summary>Ports: the method, path and body of the create and update the client sends, and Neutron's refusals read as problems.</summary>
public sealed class PortClientTests : AdminFakeCloudTest
{
    private NetworkClient _client = null!;

    protected override Task StartedAsync()
    {
        _client = new NetworkClient(_session);
        return Task.CompletedTask;
    }

    private (string Method, string Path, string Body) Only(string method)
    {
        var request = _cloud.Requests.Single(r => r.Method == method);
        return (request.Method, request.PathAndQuery, JsonDocument.Parse(request.Body).RootElement.GetProperty("port").GetRawText());
    }

    private async Task<(Client.Network.V2.Network Net, Subnet Subnet)> NetworkAsync(string cidr)
    {
        var net = await _client.CreateAsync(Networks.Resource, new CreateNetworkOptions { Name = "n" }, CancellationToken.None);
        var subnet = await _client.CreateAsync(Subnets.Resource, new CreateSubnetOptions { Name = "s", NetworkId = net.Id, Cidr = cidr }, CancellationToken.None);
        return (net, subnet);
    }

    [Fact]
    public async Task Create_SendsTheGivenFields_InNeutronsKeys()
    {
        var (net, subnet) = await NetworkAsync("10.81.0.0/24");
        var options = new CreatePortOptions
        {
            NetworkId = net.Id, Name = "p", Description = "d", SecurityGroups = new List<string>(), PortSecurityEnabled = false, MacAddress = "fa:16:3e:00:00:81",
        };
        options.FixedIps.Add(new FixedIp { SubnetId = subnet.Id });
        options.FixedIps.Add(new FixedIp { IpAddress = "10.81.0.9" });
        _cloud.ClearRequests();
        var port = await _client.CreateAsync(Ports.Resource, options, CancellationToken.None);
        var (method, path, body) = Only("POST");
        Assert.Equal(("POST", "/network/v2.0/ports"), (method, path));
        Assert.Equal("{\"network_id\":\"" + net.Id + "\",\"name\":\"p\",\"description\":\"d\",\"security_groups\":[],\"port_security_enabled\":false,"
            + "\"fixed_ips\":[{\"subnet_id\":\"" + subnet.Id + "\"},{\"ip_address\":\"10.81.0.9\"}],\"mac_address\":\"fa:16:3e:00:00:81\"}", body);
        Assert.Equal((2, false, "fa:16:3e:00:00:81", "d"), (port.FixedIps.Count, port.PortSecurityEnabled, port.MacAddress, port.Description));
        Assert.IsAssignableFrom<NeutronResource>(port);
    }

    [Fact]
    public async Task Update_SendsOnlyTheGivenFields_AndReplacesTheAddresses()
    {
        var (net, subnet) = await NetworkAsync("10.82.0.0/24");
        var port = await _client.CreateAsync(Ports.Resource, new CreatePortOptions { NetworkId = net.Id }, CancellationToken.None);
        _cloud.ClearRequests();
        var updated = await _client.UpdateAsync(Ports.Resource, port.Id, new UpdatePortOptions
        {
            Name = "q", FixedIps = new List<FixedIp> { new FixedIp { SubnetId = subnet.Id, IpAddress = "10.82.0.7" } }, SecurityGroups = new List<string>(),
        }, CancellationToken.None);
        var (method, path, body) = Only("PUT");
        Assert.Equal(("PUT", $"/network/v2.0/ports/{port.Id}"), (method, path));
        Assert.Equal("{\"name\":\"q\",\"security_groups\":[],\"fixed_ips\":[{\"subnet_id\":\"" + subnet.Id + "\",\"ip_address\":\"10.82.0.7\"}]}", body);
        Assert.Equal(("q", "10.82.0.7"), (updated.Name, updated.FixedIps.Single().IpAddress));

        _cloud.ClearRequests();
        await _client.UpdateAsync(Ports.Resource, port.Id, new UpdatePortOptions { PortSecurityEnabled = true }, CancellationToken.None);
        Assert.Equal("{\"port_security_enabled\":true}", Only("PUT").Body);
    }

    [Fact]
    public async Task NeutronsRefusals_AreReadAsTheirProblems()
    {
        var (net, subnet) = await NetworkAsync("10.83.0.0/24");
        var taken = new CreatePortOptions { NetworkId = net.Id };
        taken.FixedIps.Add(new FixedIp { SubnetId = subnet.Id, IpAddress = "10.83.0.5" });
        var first = await _client.CreateAsync(Ports.Resource, taken, CancellationToken.None);
        var inUse = await Assert.ThrowsAsync<OpenStackApiException>(() => _client.CreateAsync(Ports.Resource, taken, CancellationToken.None));
        Assert.Equal((HttpStatusCode.Conflict, PortProblem.IpAddressInUse), (inUse.StatusCode, PortProblems.Of(inUse)));

        var outside = new CreatePortOptions { NetworkId = net.Id };
        outside.FixedIps.Add(new FixedIp { SubnetId = subnet.Id, IpAddress = "10.99.0.5" });
        Assert.Equal(PortProblem.IpAddressNotInSubnet, PortProblems.Of(await Assert.ThrowsAsync<OpenStackApiException>(() => _client.CreateAsync(Ports.Resource, outside, CancellationToken.None))));

        var off = new UpdatePortOptions { PortSecurityEnabled = false };
        Assert.Equal(PortProblem.HasSecurityGroups, PortProblems.Of(await Assert.ThrowsAsync<OpenStackApiException>(() => _client.UpdateAsync(Ports.Resource, first.Id, off, CancellationToken.None))));
        await _client.UpdateAsync(Ports.Resource, first.Id, new UpdatePortOptions { PortSecurityEnabled = false, SecurityGroups = new List<string>() }, CancellationToken.None);
        var groups = new UpdatePortOptions { SecurityGroups = first.SecurityGroups.ToList() };
        Assert.Equal(PortProblem.SecurityGroupsNeedPortSecurity, PortProblems.Of(await Assert.ThrowsAsync<OpenStackApiException>(() => _client.UpdateAsync(Ports.Resource, first.Id, groups, CancellationToken.None))));
        Assert.Null(PortProblems.Of(new OpenStackApiException(HttpStatusCode.Conflict, "PUT", new Uri("http://h/p"), "something else", null)));
    }
}
