using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace OpenStack.PowerShell.Tests.Harness;

/// <summary>A host that records what a user would have seen: text, progress, and -Confirm prompts.</summary>
public sealed class TestHost : PSHost
{
    private readonly Guid _id = Guid.NewGuid();

    public TestHost() => Ui = new TestHostUserInterface();

    public TestHostUserInterface Ui { get; }
    public override PSHostUserInterface UI => Ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.GetCultureInfo("en-US");
    public override Guid InstanceId => _id;
    public override string Name => "OpenStackTestHost";
    public override Version Version => new(1, 0);
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }
}

public sealed class TestHostUserInterface : PSHostUserInterface
{
    private readonly StringBuilder _text = new();
    private readonly TestRawUi _raw = new();

    public string Text { get { lock (_text) return _text.ToString(); } }
    public List<ProgressRecord> Progress { get; } = new();
    public List<string> Prompts { get; } = new();
    /// <summary>The answer given to -Confirm prompts: 0 = Yes, 1 = Yes to All, 2 = No, 3 = No to All.</summary>
    public int ChoiceAnswer { get; set; } = 2;

    public override PSHostRawUserInterface RawUI => _raw;
    public override bool SupportsVirtualTerminal => false;

    private void Append(string value)
    {
        lock (_text) _text.Append(GetOutputString(value, supportsVirtualTerminal: false));
    }

    public override void Write(string value) => Append(value);
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);
    public override void WriteLine(string value) => Append(value + "\n");
    public override void WriteErrorLine(string value) => Append("ERROR: " + value + "\n");
    public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");
    public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");
    public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");
    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
        lock (Progress) Progress.Add(record);
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        Prompts.Add(caption + ": " + message);
        return ChoiceAnswer;
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
        throw new InvalidOperationException("The test host cannot prompt: " + message);
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw new InvalidOperationException("The test host cannot prompt for credentials.");
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw new InvalidOperationException("The test host cannot prompt for credentials.");
    public override string ReadLine() => throw new InvalidOperationException("The test host cannot read input.");
    public override SecureString ReadLineAsSecureString() => throw new InvalidOperationException("The test host cannot read input.");
}

internal sealed class TestRawUi : PSHostRawUserInterface
{
    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
    // Wide enough that a table of ids and names is never truncated in assertions.
    public override Size BufferSize { get; set; } = new(200, 3000);
    public override Coordinates CursorPosition { get; set; }
    public override int CursorSize { get; set; }
    public override bool KeyAvailable => false;
    public override Size MaxPhysicalWindowSize => new(200, 100);
    public override Size MaxWindowSize => new(200, 100);
    public override Coordinates WindowPosition { get; set; }
    public override Size WindowSize { get; set; } = new(200, 100);
    public override string WindowTitle { get; set; } = "";
    public override void FlushInputBuffer() { }
    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];
    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
}
