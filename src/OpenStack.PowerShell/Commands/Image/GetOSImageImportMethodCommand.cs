using OpenStack.Client.Image.V2;
using OpenStack.Client.Image.V2.Imports;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>The import methods this Glance enables (GET /v2/info/import): glance-direct, web-download, copy-image…</summary>
    [Cmdlet(VerbsCommon.Get, "OSImageImportMethod")]
    [OutputType(typeof(string))]
    public sealed class GetOSImageImportMethodCommand : OpenStackCmdlet
    {
        protected override string ErrorNoun => "Image";

        protected override void EndProcessing()
        {
            var client = CreateClient(s => new ImageClient(s));
            ForEachInput(null, () =>
            {
                foreach (var method in Run(ct => client.ListImportMethodsAsync(ct))) WriteObject(method);
            });
        }
    }
}
