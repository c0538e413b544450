namespace OpenStack.Client.Http
{
    /// <summary>Digests of image data as Glance reports them: checksum (MD5) and os_hash_value (SHA-512); null where not computed.</summary>
    public sealed class ImageHashes
    {
        public ImageHashes(string? md5, string? sha512, long length)
        {
            Md5 = md5;
            Sha512 = sha512;
            Length = length;
        }

        public string? Md5 { get; }
        public string? Sha512 { get; }
        public long Length { get; }
    }

    /// <summary>Which digests a transfer computes.</summary>
    [Flags]
    public enum ImageDigests
    {
        None = 0,
        Md5 = 1,
        Sha512 = 2,
        Both = Md5 | Sha512,
    }
}
