using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Imports a public key as a keypair (`openstack keypair create --public-key`), or has Nova generate one and
    /// writes its private key — shown only this once — to -PrivateKeyFile, readable by the owner only.
    /// Nova generates keys only up to microversion 2.91, so that one request is sent at 2.91.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OSKeypair", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = GenerateSet)]
    [OutputType(typeof(Keypair))]
    public sealed class NewOSKeypairCommand : ComputeCmdlet
    {
        private const string GenerateSet = "Generate";
        private const string PublicKeySet = "PublicKey";
        private const string PublicKeyFileSet = "PublicKeyFile";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The OpenSSH public key text ("ssh-ed25519 AAAA… comment").</summary>
        [Parameter(Mandatory = true, ParameterSetName = PublicKeySet)]
        [ValidateNotNullOrEmpty]
        public string? PublicKey { get; set; }

        /// <summary>A file holding the public key, e.g. ~/.ssh/id_ed25519.pub.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PublicKeyFileSet)]
        [ValidateNotNullOrEmpty]
        public string? PublicKeyFile { get; set; }

        /// <summary>Where to write the generated private key; the file must not exist yet.</summary>
        [Parameter(Mandatory = true, ParameterSetName = GenerateSet)]
        [ValidateNotNullOrEmpty]
        public string? PrivateKeyFile { get; set; }

        protected override string ErrorNoun => "Keypair";

        protected override void ProcessRecord()
        {
            ForEachInput(Name, () =>
            {
                string? publicKey = PublicKey;
                if (PublicKeyFile != null) publicKey = File.ReadAllText(GetUnresolvedProviderPathFromPSPath(PublicKeyFile)).Trim();
                string? privatePath = PrivateKeyFile == null ? null : GetUnresolvedProviderPathFromPSPath(PrivateKeyFile);
                if (privatePath != null && File.Exists(privatePath))
                {
                    throw new IOException($"The private key file {privatePath} already exists; choose another path (it is never overwritten).");
                }
                if (!ShouldProcess(Name, "Create keypair")) return;
                var keypair = Run(ct => Compute.CreateKeypairAsync(Name!, publicKey, ct));
                if (privatePath != null)
                {
                    if (string.IsNullOrEmpty(keypair.PrivateKey)) throw new IOException("Nova created the keypair but returned no private key.");
                    WriteOwnerOnly(privatePath, keypair.PrivateKey!);
                    WriteVerbose($"Wrote the private key of {keypair.Name} to {privatePath}.");
                }
                // The private key goes only to the file: never into the pipeline, transcripts or logs.
                keypair.PrivateKey = null;
                WriteObject(keypair);
            });
        }

        /// <summary>Creates the file with mode 0600 before any secret is written into it (on Windows the profile's ACL applies).</summary>
        private static void WriteOwnerOnly(string path, string content)
        {
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && chmod(path, 0x180 /* 0600 */) != 0)
                {
                    throw new IOException($"Could not make {path} readable by its owner only (errno {Marshal.GetLastWin32Error()}).");
                }
                var bytes = new UTF8Encoding(false).GetBytes(content);
                stream.Write(bytes, 0, bytes.Length);
            }
        }

        [DllImport("libc", SetLastError = true)]
#pragma warning disable IDE1006 // the C function's own name
        private static extern int chmod(string path, uint mode);
#pragma warning restore IDE1006
    }
}
