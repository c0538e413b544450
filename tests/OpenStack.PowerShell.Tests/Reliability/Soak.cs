using System.Diagnostics;
using System.Management.Automation;
using OpenStack.Client;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Reliability;

/// <summary>
/// Runspaces sharing one session, each running a seeded random mix of list, get, create, set and delete over
/// images, servers and networks, with the accounting the soak tests assert: every operation either succeeded or
/// gave exactly one ErrorRecord that names it; what each runspace believes exists, and every error's text, so that
/// a leftover can be checked as known or reported.
/// </summary>
internal sealed class Soak
{
    public sealed record Outcome(string Op, string Subject, ErrorRecord? Error, string ErrorText)
    {
        public TimeSpan Took { get; set; }
    }

    private readonly OpenStackSession _session;
    private readonly string _prefix;
    private readonly string _imageFile;
    private readonly string _baseImageId;
    private readonly string _flavor;
    private readonly int _maxLiveServers;
    private readonly bool _serverWrites;

    /// <param name="serverWrites">
    /// False: servers are only listed, and read when the worker's <see cref="Worker.Servers"/> are given. The local real
    /// Nova keeps its databases in sqlite, which answers 500 "database is locked" to concurrent server writes.
    /// </param>
    public Soak(OpenStackSession session, string prefix, string imageFile, string baseImageId, string flavor, int maxLiveServers, bool serverWrites = true)
    {
        (_session, _prefix, _imageFile, _baseImageId, _flavor, _maxLiveServers, _serverWrites) = (session, prefix, imageFile, baseImageId, flavor, maxLiveServers, serverWrites);
    }

    public List<Outcome> Outcomes { get; } = new();

    /// <summary>Ids each runspace created and has not deleted (per kind), as it believes from its successes.</summary>
    public HashSet<string> Known { get; } = new();

    public int Succeeded => Outcomes.Count(o => o.Error == null);
    public int Failed => Outcomes.Count(o => o.Error != null);

    /// <summary>All error text, to find a leftover's id or name in.</summary>
    public string AllErrorText() { lock (Outcomes) return string.Join("\n", Outcomes.Where(o => o.Error != null).Select(o => o.ErrorText)); }

    /// <summary>Per-runspace state: what it made, so that get/set/delete have targets.</summary>
    public sealed class Worker
    {
        public Worker(int index, int seed) => (Index, Random) = (index, new Random(seed));
        public int Index { get; }
        public Random Random { get; }
        public PowerShellSession Ps { get; } = new();
        public List<string> Images { get; } = new();
        public List<string> Servers { get; } = new();
        public List<string> Networks { get; } = new();
        public HashSet<string> LockedServers { get; } = new();
        public int Counter;
    }

    public void RunOps(Worker w, int count, Stopwatch deadlineClock, TimeSpan deadline)
    {
        for (var i = 0; i < count; i++)
        {
            if (deadlineClock.Elapsed > deadline) throw new Xunit.Sdk.XunitException($"the soak ran past its bound of {deadline.TotalSeconds:0} s");
            var clock = Stopwatch.StartNew();
            var outcome = RunOne(w);
            outcome.Took = clock.Elapsed;
            lock (Outcomes) Outcomes.Add(outcome);
        }
    }

    private Outcome RunOne(Worker w)
    {
        var kind = w.Random.Next(3); // images, servers, networks
        var verb = w.Random.Next(5); // list, get, create, set, delete
        var mine = kind == 0 ? w.Images : kind == 1 ? w.Servers : w.Networks;
        if (verb is 1 or 3 or 4 && mine.Count == 0) verb = 2;
        if (verb == 2 && kind == 1 && w.Servers.Count >= _maxLiveServers) verb = 4;
        if (kind == 1 && !_serverWrites) verb = mine.Count > 0 ? verb % 2 : 0;
        var target = mine.Count > 0 ? mine[w.Random.Next(mine.Count)] : null;
        var name = $"{_prefix}r{w.Index}-{w.Counter++}";
        var vars = new Dictionary<string, object?> { ["s"] = _session, ["id"] = target, ["n"] = name, ["f"] = _imageFile, ["img"] = _baseImageId, ["fl"] = _flavor };
        string op, subject, script;
        switch ((kind, verb))
        {
            case (0, 0): (op, subject, script) = ("image list", "/v2/images", "@(Get-OSImage -Session $s).Count"); break;
            case (0, 1): (op, subject, script) = ("image get", target!, "(Get-OSImage -Session $s -Id $id).Id"); break;
            case (0, 2): (op, subject, script) = ("image create", name, "(New-OSImage -Session $s -Name $n -File $f -DiskFormat raw).Id"); break;
            case (0, 3): (op, subject, script) = ("image set", target!, "Set-OSImage -Session $s $id -Property @{ soak = $n }"); break;
            case (0, 4): (op, subject, script) = ("image delete", target!, "Remove-OSImage -Session $s $id -Confirm:$false"); break;
            case (1, 0): (op, subject, script) = ("server list", "/servers", "@(Get-OSServer -Session $s).Count"); break;
            case (1, 1): (op, subject, script) = ("server get", target!, "(Get-OSServer -Session $s -Id $id).Id"); break;
            case (1, 2): (op, subject, script) = ("server create", name, "(New-OSServer -Session $s -Name $n -Image $img -Flavor $fl -NoNetwork).Id"); break;
            case (1, 3):
                var locked = w.LockedServers.Contains(target!);
                (op, subject, script) = (locked ? "server unlock" : "server lock", target!, $"Invoke-OSServerAction -Session $s $id {(locked ? "Unlock" : "Lock")}");
                break;
            case (1, 4): (op, subject, script) = ("server delete", target!, "Remove-OSServer -Session $s $id -Confirm:$false"); break;
            case (2, 0): (op, subject, script) = ("network list", "/v2.0/networks", "@(Get-OSNetwork -Session $s).Count"); break;
            case (2, 1): (op, subject, script) = ("network get", target!, "(Get-OSNetwork -Session $s -Id $id).Id"); break;
            case (2, 2): (op, subject, script) = ("network create", name, "(New-OSNetwork -Session $s -Name $n).Id"); break;
            case (2, 3): (op, subject, script) = ("network set", target!, "Set-OSNetwork -Session $s $id -Description $n"); break;
            default: (op, subject, script) = ("network delete", target!, "Remove-OSNetwork -Session $s $id -Confirm:$false"); break;
        }
        var result = w.Ps.Run(script, vars);
        if (result.Errors.Count == 0)
        {
            if (verb == 2)
            {
                var id = (string)result.Output.Single()!;
                mine.Add(id);
                lock (Known) Known.Add(id);
            }
            if (verb == 4)
            {
                mine.Remove(target!);
                w.LockedServers.Remove(target!);
                lock (Known) Known.Remove(target!);
            }
            if (op == "server lock") w.LockedServers.Add(target!);
            if (op == "server unlock") w.LockedServers.Remove(target!);
            return new Outcome(op, subject, null, "");
        }
        if (result.Errors.Count != 1)
            throw new Xunit.Sdk.XunitException($"{op} {subject} gave {result.Errors.Count} errors: {string.Join(" | ", result.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e))}");
        var error = result.Errors[0];
        var text = $"{error.FullyQualifiedErrorId}: {error.ErrorDetails?.Message ?? error.Exception.Message} [{error.TargetObject}]";
        if (!text.Contains(subject, StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException($"the error of {op} does not name {subject}: {text}");
        Assert.DoesNotContain("   at ", error.Exception.Message); // no .NET stack trace
        return new Outcome(op, subject, error, text);
    }

    /// <summary>"op: n ok, m failed" lines, and the failures by ErrorId.</summary>
    public string Report()
    {
        var lines = Outcomes.GroupBy(o => o.Op).OrderBy(g => g.Key)
            .Select(g => $"  {g.Key,-15} {g.Count(o => o.Error == null),4} ok {g.Count(o => o.Error != null),3} failed, mean {g.Average(o => o.Took.TotalMilliseconds),6:0} ms").ToList();
        lines.AddRange(Outcomes.Where(o => o.Error != null).GroupBy(o => o.Error!.FullyQualifiedErrorId.Split(',')[0]).OrderBy(g => g.Key)
            .Select(g => $"  error {g.Key}: {g.Count()}"));
        return string.Join("\n", lines);
    }
}
