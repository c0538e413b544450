using System.Management.Automation;
using OpenStack.FakeCloud;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests;

/// <summary>
/// Every error body shape OpenStack services and the proxies before them answer with, through a cmdlet to the
/// ErrorRecord: the server's own words and the x-openstack-request-id reach the user; markup and stack traces do not.
/// </summary>
public sealed class ErrorBodyShapeTests : CloudTest
{
    public ErrorBodyShapeTests(FakeCloudFixture fixture) : base(fixture) { }

    private const string RequestId = "req-0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    private static readonly Dictionary<string, string> WithRequestId = new() { ["x-openstack-request-id"] = RequestId };

    public static TheoryData<string, int, string, string, string, string> Shapes => new()
    {
        // name, status, content type, body, expected message fragment, ErrorId
        { "keystone", 404, "application/json", "{\"error\": {\"code\": 404, \"message\": \"Could not find project: p1.\", \"title\": \"Not Found\"}}", "Could not find project: p1.", "ImageNotFound" },
        { "nova itemNotFound", 404, "application/json", "{\"itemNotFound\": {\"code\": 404, \"message\": \"Flavor m1.nope could not be found.\"}}", "Flavor m1.nope could not be found.", "ImageNotFound" },
        { "nova conflictingRequest", 409, "application/json", "{\"conflictingRequest\": {\"code\": 409, \"message\": \"Cannot 'delete' instance while it is in task_state spawning\"}}", "Cannot 'delete' instance while it is in task_state spawning", "ImageConflict" },
        { "neutron", 409, "application/json", "{\"NeutronError\": {\"type\": \"IpAddressInUse\", \"message\": \"IP address 10.0.0.5 already allocated in subnet s1.\", \"detail\": \"\"}}", "IP address 10.0.0.5 already allocated in subnet s1.", "ImageConflict" },
        { "glance html", 404, "text/html; charset=UTF-8", "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID 7f3c.<br /><br />\n\n\n\n </body>\n</html>", "No image found with ID 7f3c.", "ImageNotFound" },
        { "glance text", 403, "text/plain; charset=UTF-8", "403 Forbidden\n\nImage 7f3c is protected and cannot be deleted.\n\n   ", "Image 7f3c is protected and cannot be deleted.", "ImageForbidden" },
        { "glance 400 json-less", 400, "text/plain", "400 Bad Request\n\nInvalid value 'qcow3' for parameter 'disk_format'\n\n", "Invalid value 'qcow3' for parameter 'disk_format'", "ImageRequestInvalid" },
        { "proxy html", 502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.24.0</center></body></html>", "nginx/1.24.0", "ImageServiceError" },
        { "empty", 500, "text/plain", "", "500", "ImageServiceError" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ErrorBody_ReachesTheErrorRecord_WithTheRequestId(string shape, int status, string contentType, string body, string expected, string errorId)
    {
        // No retries, so that the 502 is reported as it came.
        Ps.Run("Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName admin -MaxRetries 0 | Out-Null",
            new() { ["u"] = Cloud.AuthUrl, ["c"] = PowerShellSession.Credential("admin", AdminPassword) }).AssertNoErrors();
        Cloud.InjectFault(new FaultRule { Method = "GET", PathContains = "/image/v2/images/", Status = status, ContentType = contentType, Body = body, Headers = WithRequestId, Times = 1 });
        var error = Ps.Run("Get-OSImage -Id 7f3c").SingleError(errorId);
        var message = error.Exception.Message;
        Assert.Contains(expected, message);
        Assert.Contains(status.ToString(), message);
        Assert.Contains($"request id {RequestId}", message);
        Assert.Contains(RequestId, error.ErrorDetails.RecommendedAction);
        Assert.Contains("GET ", message);
        Assert.DoesNotContain("<", message);
        Assert.DoesNotContain("{", message);
        Assert.DoesNotContain("   at ", error.ToString());
        Assert.False(string.IsNullOrEmpty(shape));
    }

    [Fact]
    public void FakeGlancesOwnNotFound_CarriesItsRequestId()
    {
        var error = Ps.Run("Get-OSImage -Id 00000000-0000-0000-0000-000000000000").SingleError("ImageNotFound");
        var logged = Cloud.Requests.Last(r => r.Method == "GET");
        Assert.Equal(404, logged.Status);
        Assert.Matches("request id req-[0-9a-f-]{36}", error.Exception.Message);
    }

    [Fact]
    public void AVeryLongBody_IsCut()
    {
        Cloud.InjectFault(new FaultRule { Method = "DELETE", Status = 409, ContentType = "text/plain", Body = "409 Conflict\n\n" + new string('x', 5000), Headers = WithRequestId, Times = 1 });
        var image = Cloud.Glance.AddImage("long-body-" + Guid.NewGuid().ToString("n")[..6]);
        var error = Ps.Run("Remove-OSImage $i -Confirm:$false", new() { ["i"] = image.Id }).SingleError("ImageConflict");
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.InRange(error.Exception.Message.Length, 1000, 1300);
        Assert.Contains(RequestId, error.Exception.Message);
    }
}
