using System.Management.Automation;
using OpenStack.FakeCloud;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Session;

/// <summary>
/// Quota answers: Nova says 403 (HTTPForbidden from OverQuota) and Glance 413, each with "Quota exceeded";
/// both are &lt;Noun&gt;QuotaExceeded with category QuotaExceeded and the service's words. A plain 403 stays Forbidden.
/// </summary>
public sealed class QuotaTests : CloudTest
{
    public QuotaTests(FakeCloudFixture fixture) : base(fixture) { }

    private const string NovaQuotaBody =
        "{\"forbidden\": {\"code\": 403, \"message\": \"Quota exceeded for instances: Requested 1, but already used 10 of 10 instances\"}}";

    [Fact]
    public void NovasQuotaRefusal_IsServerQuotaExceeded()
    {
        var image = Cloud.Glance.AddImage("quota-img-" + Guid.NewGuid().ToString("n")[..6]);
        Cloud.InjectFault(new FaultRule { Method = "POST", PathContains = "/compute/v2.1/servers", Status = 403, ContentType = "application/json", Body = NovaQuotaBody });
        var error = Ps.Run("New-OSServer -Name q1 -Image $i -Flavor m1.tiny -NoNetwork", new() { ["i"] = image.Id }).SingleError("ServerQuotaExceeded");
        Assert.Equal(ErrorCategory.QuotaExceeded, error.CategoryInfo.Category);
        Assert.Contains("Quota exceeded for instances: Requested 1, but already used 10 of 10 instances", error.Exception.Message);
    }

    [Fact]
    public void GlancesQuotaRefusal_IsImageQuotaExceeded()
    {
        Cloud.InjectFault(new FaultRule
        {
            Method = "POST", PathContains = "/image/v2/images", Status = 413, ContentType = "text/html; charset=UTF-8",
            Body = "<html>\n <head>\n  <title>413 Request Entity Too Large</title>\n </head>\n <body>\n  <h1>413 Request Entity Too Large</h1>\n  Quota exceeded for image_count_total: 10 of 10<br /><br />\n\n\n\n </body>\n</html>",
        });
        var error = Ps.Run("New-OSImage -Name q2 -File $f", new() { ["f"] = TempFile(1024) }).SingleError("ImageQuotaExceeded");
        Assert.Equal(ErrorCategory.QuotaExceeded, error.CategoryInfo.Category);
        Assert.Contains("Quota exceeded for image_count_total", error.Exception.Message);
    }

    [Fact]
    public void AForbiddenAnswerWithoutQuotaWords_StaysForbidden()
    {
        var image = Cloud.Glance.AddImage("quota-img-" + Guid.NewGuid().ToString("n")[..6]);
        Cloud.InjectFault(new FaultRule
        {
            Method = "POST", PathContains = "/compute/v2.1/servers", Status = 403, ContentType = "application/json",
            Body = "{\"forbidden\": {\"code\": 403, \"message\": \"Policy doesn't allow os_compute_api:servers:create to be performed.\"}}",
        });
        var error = Ps.Run("New-OSServer -Name q3 -Image $i -Flavor m1.tiny -NoNetwork", new() { ["i"] = image.Id }).SingleError("ServerForbidden");
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
    }
}
