using System.Text;

namespace OpenStack.Client.Http
{
    /// <summary>Builds query strings in the order parameters were added (tests and logs read better).</summary>
    internal sealed class QueryString
    {
        private readonly List<KeyValuePair<string, string>> _pairs = new List<KeyValuePair<string, string>>();

        public QueryString Add(string key, string? value)
        {
            if (value != null) _pairs.Add(new KeyValuePair<string, string>(key, value));
            return this;
        }

        public QueryString Add(string key, int? value) => value.HasValue ? Add(key, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) : this;

        public IEnumerable<string> Keys
        {
            get { foreach (var pair in _pairs) yield return pair.Key; }
        }

        public Uri AppendTo(Uri url)
        {
            if (_pairs.Count == 0) return url;
            var text = new StringBuilder(url.GetLeftPart(UriPartial.Path)).Append('?');
            for (var i = 0; i < _pairs.Count; i++)
            {
                if (i > 0) text.Append('&');
                text.Append(Uri.EscapeDataString(_pairs[i].Key)).Append('=').Append(Uri.EscapeDataString(_pairs[i].Value));
            }
            return new Uri(text.ToString());
        }
    }
}
