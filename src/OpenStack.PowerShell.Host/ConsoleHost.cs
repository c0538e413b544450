using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace OpenStack.PowerShell.Host;

/// <summary>
/// A console host: formatted output to stdout, errors and warnings to stderr, progress as one status line
/// on stderr (only on a terminal), -Confirm prompts answered on the console, exit codes from `exit N`.
/// </summary>
internal sealed class ConsoleHost : PSHost
{
    private readonly Guid _id = Guid.NewGuid();
    private readonly ConsoleUi _ui = new();

    public int? ExitCode { get; private set; }
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;
    public override Guid InstanceId => _id;
    public override string Name => "osps";
    public override Version Version => typeof(ConsoleHost).Assembly.GetName().Version ?? new Version(0, 1);
    public override void EnterNestedPrompt() => throw new NotSupportedException("Nested prompts are not supported by osps.");
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) => ExitCode = exitCode;
}

internal sealed class ConsoleUi : PSHostUserInterface
{
    private readonly ConsoleRawUi _raw = new();
    private readonly bool _interactiveErr = !Console.IsErrorRedirected;

    public override PSHostRawUserInterface RawUI => _raw;
    public override bool SupportsVirtualTerminal => !Console.IsOutputRedirected;

    // GetOutputString keeps ANSI codes out of redirected output (they would otherwise leak into table headers).
    public override void Write(string value) => Console.Out.Write(GetOutputString(value, SupportsVirtualTerminal));
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);
    public override void WriteLine(string value) => Console.Out.WriteLine(GetOutputString(value, SupportsVirtualTerminal));
    public override void WriteErrorLine(string value) => Console.Error.WriteLine(GetOutputString(value, _interactiveErr));
    public override void WriteDebugLine(string message) => Console.Error.WriteLine("DEBUG: " + message);
    public override void WriteVerboseLine(string message) => Console.Error.WriteLine("VERBOSE: " + message);
    public override void WriteWarningLine(string message) => Console.Error.WriteLine("WARNING: " + message);

    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
        if (!_interactiveErr) return; // a log file wants no progress redraws
        var text = record.RecordType == ProgressRecordType.Completed ? "" :
            $"{record.Activity}: {record.StatusDescription}{(record.PercentComplete >= 0 ? $" ({record.PercentComplete}%)" : "")}";
        var width = Math.Max(20, _raw.BufferSize.Width - 1);
        Console.Error.Write("\r" + (text.Length > width ? text[..width] : text.PadRight(width)) + (text.Length == 0 ? "\r" : ""));
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        if (Console.IsInputRedirected) return defaultChoice;
        Console.Error.WriteLine(caption);
        Console.Error.WriteLine(message);
        var labels = choices.Select(c => c.Label.Replace("&", "")).ToList();
        var keys = choices.Select(c => c.Label.IndexOf('&') is var i and >= 0 ? char.ToUpperInvariant(c.Label[i + 1]).ToString() : c.Label[..1]).ToList();
        while (true)
        {
            Console.Error.Write(string.Join("  ", labels.Select((l, i) => $"[{keys[i]}] {l}")) + $" (default is \"{keys[defaultChoice]}\"): ");
            var answer = Console.ReadLine()?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(answer)) return defaultChoice;
            var index = keys.IndexOf(answer);
            if (index >= 0) return index;
        }
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        var result = new Dictionary<string, PSObject>();
        foreach (var field in descriptions)
        {
            Console.Error.Write($"{field.Name}: ");
            result[field.Name] = PSObject.AsPSObject(field.ParameterTypeFullName == typeof(SecureString).FullName ? ReadLineAsSecureString() : ReadLine());
        }
        return result;
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        PromptForCredential(caption, message, userName, targetName, PSCredentialTypes.Default, PSCredentialUIOptions.Default);

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
    {
        Console.Error.WriteLine(message);
        if (string.IsNullOrEmpty(userName))
        {
            Console.Error.Write("User: ");
            userName = ReadLine();
        }
        Console.Error.Write($"Password for {userName}: ");
        return new PSCredential(userName, ReadLineAsSecureString());
    }

    public override string ReadLine() => Console.ReadLine() ?? string.Empty;

    public override SecureString ReadLineAsSecureString()
    {
        var secure = new SecureString();
        if (Console.IsInputRedirected)
        {
            foreach (var c in Console.ReadLine() ?? string.Empty) secure.AppendChar(c);
        }
        else
        {
            // Read without echo: a password must not appear on the screen or in a terminal recording.
            ConsoleKeyInfo key;
            while ((key = Console.ReadKey(intercept: true)).Key != ConsoleKey.Enter)
            {
                if (key.Key == ConsoleKey.Backspace && secure.Length > 0) secure.RemoveAt(secure.Length - 1);
                else if (!char.IsControl(key.KeyChar)) secure.AppendChar(key.KeyChar);
            }
            Console.Error.WriteLine();
        }
        secure.MakeReadOnly();
        return secure;
    }
}

internal sealed class ConsoleRawUi : PSHostRawUserInterface
{
    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
    public override Size BufferSize
    {
        get => new(Width(), 3000);
        set { }
    }
    public override Coordinates CursorPosition { get; set; }
    public override int CursorSize { get; set; }
    public override bool KeyAvailable => !Console.IsInputRedirected && Console.KeyAvailable;
    public override Size MaxPhysicalWindowSize => new(Width(), 100);
    public override Size MaxWindowSize => new(Width(), 100);
    public override Coordinates WindowPosition { get; set; }
    public override Size WindowSize { get => new(Width(), 50); set { } }
    public override string WindowTitle { get; set; } = "osps";
    public override void FlushInputBuffer() { }
    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];
    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }

    // Tables take the terminal's width, or a fixed 160 columns when output goes to a file or pipe.
    private static int Width()
    {
        if (Console.IsOutputRedirected) return 160;
        try { return Math.Max(80, Console.WindowWidth); } catch (IOException) { return 160; }
    }
}
