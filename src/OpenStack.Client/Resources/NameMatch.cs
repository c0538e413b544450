namespace OpenStack.Client.Resources
{
    /// <summary>
    /// The case rule for names, as PowerShell users expect: an exact match wins; otherwise the matches that differ
    /// only in case. Whether several of those are an error is the caller's to say (a change needs exactly one).
    /// </summary>
    public static class NameMatch
    {
        public static List<T> Pick<T>(IEnumerable<T> candidates, string name) where T : IResource
        {
            var list = candidates as IList<T> ?? candidates.ToList();
            var exact = list.Where(c => string.Equals(c.Name, name, StringComparison.Ordinal)).ToList();
            return exact.Count > 0 ? exact : list.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        }
    }
}
