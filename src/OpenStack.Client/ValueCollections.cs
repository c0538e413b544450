namespace OpenStack.Client
{
    /// <summary>
    /// A list that reads as its items: "a, b". Models use it for every list property so that Export-Csv, string
    /// interpolation and table cells show the values, not "System.Collections.Generic.List`1[System.String]";
    /// ConvertTo-Json and System.Text.Json still see a plain array.
    /// </summary>
    public sealed class ValueList<T> : List<T>
    {
        public ValueList() { }
        public ValueList(IEnumerable<T> items) : base(items) { }
        public override string ToString() => string.Join(", ", this.Select(i => i?.ToString()));
    }

    /// <summary>A map, sorted by key, that reads as "key=value, key=value" (see <see cref="ValueList{T}"/>); JSON sees an object.</summary>
    public sealed class ValueMap<TValue> : SortedDictionary<string, TValue>
    {
        public ValueMap() : base(StringComparer.Ordinal) { }
        public ValueMap(IDictionary<string, TValue> items) : base(items, StringComparer.Ordinal) { }
        public override string ToString() => string.Join(", ", this.Select(p => p.Key + "=" + p.Value));
    }
}
