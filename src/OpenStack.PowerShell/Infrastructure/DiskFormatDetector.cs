using System.IO;

namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// Guesses -DiskFormat when it is not given: a qcow2 header is unmistakable ("QFI\xfb"), other formats
    /// go by extension, and anything else is raw (the CLI's default).
    /// </summary>
    internal static class DiskFormatDetector
    {
        public static string Detect(string path)
        {
            if (HasQcow2Magic(path)) return "qcow2";
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".qcow2": case ".qcow": return "qcow2";
                case ".vmdk": return "vmdk";
                case ".vhd": return "vhd";
                case ".vhdx": return "vhdx";
                case ".vdi": return "vdi";
                case ".iso": return "iso";
                default: return "raw";
            }
        }

        private static bool HasQcow2Magic(string path)
        {
            try
            {
                using var stream = File.OpenRead(path);
                var magic = new byte[4];
                return stream.Read(magic, 0, 4) == 4 && magic[0] == (byte)'Q' && magic[1] == (byte)'F' && magic[2] == (byte)'I' && magic[3] == 0xFB;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Unreadable or missing: the upload's own validation reports that precisely.
                return false;
            }
        }
    }
}
