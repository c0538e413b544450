namespace OpenStack.Client.Identity.V3
{
    /// <summary>Keystone v3 URLs. Pure functions of the identity root, as gophercloud's urls.go.</summary>
    internal static class Urls
    {
        /// <summary>
        /// The v3 root from what the user typed: "http://h:5000", "http://h:5000/", "http://h/identity/v3".
        /// Appending /v3 instead of asking the version document saves the round trip the CLI makes.
        /// </summary>
        public static Uri V3Root(Uri authUrl)
        {
            var text = authUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
            if (text.EndsWith("/v3", StringComparison.OrdinalIgnoreCase)) return new Uri(text + "/");
            if (text.EndsWith("/v3.0", StringComparison.OrdinalIgnoreCase)) return new Uri(text.Substring(0, text.Length - 2) + "/");
            if (text.EndsWith("/v2.0", StringComparison.OrdinalIgnoreCase)) text = text.Substring(0, text.Length - 5);
            return new Uri(text + "/v3/");
        }

        public static Uri Tokens(Uri v3Root) => new Uri(v3Root, "auth/tokens");
    }
}
