using System.Globalization;

namespace OpenStack.Client.Json
{
    /// <summary>
    /// Nova writes some times without an offset ("2026-12-02T02:12:26.000000", keypairs' created_at) and means UTC;
    /// System.Text.Json alone would read such a value as local time. Values with an offset or "Z" keep it.
    /// </summary>
    internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
    {
        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            var text = reader.GetString();
            if (string.IsNullOrEmpty(text)) return null;
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value.HasValue) writer.WriteStringValue(value.Value);
            else writer.WriteNullValue();
        }
    }
}
