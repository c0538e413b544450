namespace OpenStack.Client.Http
{
    /// <summary>Digests of image data as Glance reports them: checksum (MD5) and os_hash_value (SHA-512).</summary>
    public sealed class ImageHashes
    {
        public ImageHashes(string md5, string sha512, long length)
        {
            Md5 = md5;
            Sha512 = sha512;
            Length = length;
        }

        public string Md5 { get; }
        public string Sha512 { get; }
        public long Length { get; }
    }
}
