using System.Runtime.CompilerServices;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>
    /// A per-key value that is recomputed once it is older than its lifetime or its generation has moved on
    /// (the session made a change since); keys are held weakly.
    /// </summary>
    internal sealed class ConditionalCache<TKey, TValue> where TKey : class
    {
        private sealed class Entry
        {
            public Entry(TValue value, long generation) { Value = value; Generation = generation; CreatedAt = DateTime.UtcNow; }
            public TValue Value { get; }
            public long Generation { get; }
            public DateTime CreatedAt { get; }
        }

        private readonly ConditionalWeakTable<TKey, Entry> _entries = new ConditionalWeakTable<TKey, Entry>();
        private readonly TimeSpan _lifetime;

        public ConditionalCache(TimeSpan lifetime) => _lifetime = lifetime;

        public TValue GetOrAdd(TKey key, long generation, Func<TKey, TValue> create)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation && DateTime.UtcNow - entry.CreatedAt < _lifetime) return entry.Value;
            var fresh = new Entry(create(key), generation);
            _entries.Remove(key);
            _entries.Add(key, fresh);
            return fresh.Value;
        }
    }
}
