using System.IO;

namespace OpenStack.Client.Json
{
    /// <summary>
    /// Writes request bodies whose keys are not fixed (Glance's custom properties sit beside its own fields)
    /// without reflection-based serialisation.
    /// </summary>
    internal static class JsonBodyWriter
    {
        public static byte[] Write(IDictionary<string, object?> body)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                WriteValue(w, body);
            }
            return buffer.ToArray();
        }

        private static void WriteValue(Utf8JsonWriter w, object? value)
        {
            switch (value)
            {
                case null: w.WriteNullValue(); break;
                case string s: w.WriteStringValue(s); break;
                case bool b: w.WriteBooleanValue(b); break;
                case int i: w.WriteNumberValue(i); break;
                case long l: w.WriteNumberValue(l); break;
                case double d: w.WriteNumberValue(d); break;
                case IDictionary<string, object> map:
                    w.WriteStartObject();
                    foreach (var pair in map)
                    {
                        w.WritePropertyName(pair.Key);
                        WriteValue(w, pair.Value);
                    }
                    w.WriteEndObject();
                    break;
                case System.Collections.IEnumerable list:
                    w.WriteStartArray();
                    foreach (var item in list) WriteValue(w, item);
                    w.WriteEndArray();
                    break;
                default: throw new ArgumentException($"Cannot write a {value.GetType().Name} into a request body.");
            }
        }
    }
}
