namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// -Name as PowerShell users expect it: wildcards filter, and a plain name that matched nothing is
    /// an error (as Get-Process -Name does), while a wildcard that matched nothing is silently empty.
    /// </summary>
    internal sealed class NameFilter
    {
        private readonly List<(string Text, WildcardPattern Pattern, bool Literal)> _names;
        private readonly HashSet<string> _matchedLiterals = new HashSet<string>();

        public NameFilter(IEnumerable<string>? names)
        {
            _names = (names ?? Enumerable.Empty<string>())
                .Select(n => (n, new WildcardPattern(n, WildcardOptions.IgnoreCase), !WildcardPattern.ContainsWildcardCharacters(n)))
                .ToList();
        }

        public bool IsEmpty => _names.Count == 0;

        /// <summary>Plain names (no wildcard): these can be sent to the server as exact-name filters.</summary>
        public IEnumerable<string> Literals => _names.Where(n => n.Literal).Select(n => n.Text);

        public bool HasWildcards => _names.Any(n => !n.Literal);

        public bool Matches(string? name)
        {
            if (_names.Count == 0) return true;
            var matched = false;
            foreach (var (text, pattern, literal) in _names)
            {
                if (name == null || !pattern.IsMatch(name)) continue;
                matched = true;
                if (literal) _matchedLiterals.Add(text);
            }
            return matched;
        }

        /// <summary>Counts a plain name as found by other means (an image asked for by its id).</summary>
        public void MarkMatched(string literal) => _matchedLiterals.Add(literal);

        public IEnumerable<string> UnmatchedLiterals() => Literals.Where(l => !_matchedLiterals.Contains(l));
    }
}
