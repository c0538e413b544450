using OpenStack.PowerShell.Tests.Harness;
using ImageModel = OpenStack.Client.Image.V2.Image;

namespace OpenStack.PowerShell.Tests;

/// <summary>Get-OSImage: filters go to Glance, pages are followed, names behave as PowerShell users expect, views look like the CLI's.</summary>
public sealed class ImageListTests : CloudTest
{
    private readonly string _prefix = "list-" + Guid.NewGuid().ToString("n")[..6];

    public ImageListTests(FakeCloudFixture fixture) : base(fixture) { }

    private void Seed(int count, string status = "active", string visibility = "public", params string[] tags)
    {
        for (var i = 0; i < count; i++) Cloud.Glance.AddImage($"{_prefix}-{status}-{i:000}", status: status, visibility: visibility, tags: tags);
    }

    [Fact]
    public void Filters_AreSentToGlance_AsQueryParameters()
    {
        Ps.Run("Get-OSImage -All -Status active -Tag a, b -Owner o1 -Property @{ os_distro = 'cirros' } -PageSize 50").AssertNoErrors();
        Assert.Equal(new[] { "GET /image/v2/images?limit=50&status=active&visibility=all&owner=o1&tag=a&tag=b&os_distro=cirros" }, RequestLines());
    }

    [Fact]
    public void Pages_AreFollowed_AndEveryImageArrivesOnce()
    {
        Seed(60);
        var images = Ps.Run("Get-OSImage -Name ($p + '*') -PageSize 25", new() { ["p"] = _prefix }).OfType<ImageModel>().ToList();
        Assert.Equal(60, images.Count);
        Assert.Equal(60, images.Select(i => i.Id).Distinct().Count());
        var lines = RequestLines();
        Assert.True(lines.Count >= 3, string.Join("\n", lines));
        Assert.StartsWith("GET /image/v2/images?limit=25", lines[0]);
        Assert.Contains("marker=", lines[1]);
    }

    [Fact]
    public void EveryTagFilter_HoldsOnEveryPage()
    {
        // Glance's next link keeps only the last "tag": following it as-is would add images tagged b alone.
        var t1 = _prefix + "-t1";
        var t2 = _prefix + "-t2";
        for (var i = 0; i < 12; i++) Cloud.Glance.AddImage($"{_prefix}-both-{i:00}", tags: new[] { t1, t2 });
        for (var i = 0; i < 12; i++) Cloud.Glance.AddImage($"{_prefix}-second-{i:00}", tags: new[] { t2 });
        var images = Ps.Run("Get-OSImage -Tag $t1, $t2 -PageSize 5", new() { ["t1"] = t1, ["t2"] = t2 }).OfType<ImageModel>().ToList();
        Assert.Equal(12, images.Count);
        Assert.All(images, i => Assert.Contains("-both-", i.Name));
        var lines = RequestLines();
        Assert.True(lines.Count >= 3);
        Assert.All(lines, l => Assert.Contains($"tag={t1}&tag={t2}", l));
    }

    [Fact]
    public void PositionalId_FindsTheImageById_AndAnUnknownIdIsNotFound()
    {
        var image = Cloud.Glance.AddImage($"{_prefix}-byid");
        var found = Ps.Run("Get-OSImage $id", new() { ["id"] = image.Id });
        found.AssertNoErrors();
        Assert.Equal(image.Id, found.Single<ImageModel>().Id);
        Assert.Equal($"GET /image/v2/images/{image.Id}", RequestLines()[0]);

        var missing = Ps.Run("Get-OSImage $id", new() { ["id"] = Guid.NewGuid().ToString() });
        Assert.Empty(missing.Output);
        missing.SingleError("ImageNotFound");
    }

    [Fact]
    public void Objects_StreamDownThePipeline_BeforeTheListEnds()
    {
        Seed(30, tags: "stream");
        // The first image reaches ForEach-Object before the second page has been asked for.
        var result = Ps.Run("Get-OSImage -Tag stream -PageSize 10 | ForEach-Object { $cloud.Requests.Count }", new() { ["cloud"] = Cloud });
        var counts = result.Output.Select(o => Convert.ToInt32(o)).ToList();
        Assert.Equal(30, counts.Count);
        Assert.True(counts[0] < counts[^1], "requests made while objects flowed: " + string.Join(",", counts));
    }

    [Fact]
    public void PlainName_IsAnExactServerFilter_AndMissingIsAnError_WhileWildcardsMissQuietly()
    {
        Seed(2);
        var name = $"{_prefix}-active-001";
        var one = Ps.Run("Get-OSImage $n", new() { ["n"] = name }).Single<ImageModel>();
        Assert.Equal(name, one.Name);
        Assert.Contains($"GET /image/v2/images?limit=1000&name={name}", RequestLines());

        var missing = Ps.Run("Get-OSImage no-such-image").SingleError("ImageNotFound");
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, missing.CategoryInfo.Category);
        var quiet = Ps.Run("Get-OSImage no-such-*");
        quiet.AssertNoErrors();
        Assert.Empty(quiet.Output);
    }

    [Fact]
    public void AmbiguousName_WhenOneImageIsNeeded_IsAnErrorListingTheIds()
    {
        var name = _prefix + "-twin";
        Cloud.Glance.AddImage(name);
        Cloud.Glance.AddImage(name);
        Assert.Equal(2, Ps.Run("Get-OSImage $n", new() { ["n"] = name }).OfType<ImageModel>().Count());
        var error = Ps.Run("Set-OSImage $n -Name x", new() { ["n"] = name }).SingleError("ImageNameAmbiguous");
        Assert.Contains("More than one image exists with the name", error.Exception.Message);
        Assert.DoesNotContain(Cloud.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public void TableView_HasTheClisColumns()
    {
        Seed(1);
        var text = Ps.RunFormatted("Get-OSImage -Name ($p + '*')".Replace("$p", "'" + _prefix + "'"));
        var header = text.Split('\n').First(l => l.Trim().Length > 0);
        Assert.Matches(@"^ID\s+Name\s+Status\s*$", header.TrimEnd());
        Assert.Contains($"{_prefix}-active-000", text);
        Assert.Contains("active", text);
    }

    [Fact]
    public void ListView_HasEveryFieldOfImageShow()
    {
        // The hosted engine has no Format-List, so the view is read as data: each field of `openstack image show`
        // has an item, and each item names a real property of the image type.
        var views = System.Xml.Linq.XDocument.Load(Path.Combine(Path.GetDirectoryName(PowerShellSession.ModuleManifest)!, "OpenStack.PowerShell.Format.ps1xml"));
        var list = views.Descendants("View").Single(v => v.Element("ListControl") != null && (string?)v.Element("ViewSelectedBy")?.Element("TypeName") == typeof(ImageModel).FullName);
        var labels = list.Descendants("ListItem").Select(i => (string)i.Element("Label")!).ToList();
        var cliFields = new[] { "checksum", "container_format", "created_at", "disk_format", "file", "id", "min_disk", "min_ram", "name", "owner",
            "properties", "protected", "schema", "size", "status", "tags", "updated_at", "virtual_size", "visibility" };
        Assert.Equal(cliFields, labels.Select(l => System.Text.RegularExpressions.Regex.Replace(l, "(?<=[a-z])([A-Z])", "_$1").ToLowerInvariant()));
        foreach (var property in list.Descendants("PropertyName").Select(p => p.Value))
        {
            Assert.NotNull(typeof(ImageModel).GetProperty(property));
        }
    }

    [Fact]
    public void ImageNames_CompleteFromTheSession()
    {
        Seed(2);
        var matches = Ps.Complete($"Remove-OSImage {_prefix}-act");
        Assert.Contains($"{_prefix}-active-000", matches);
        Assert.Contains($"{_prefix}-active-001", matches);
    }
}
