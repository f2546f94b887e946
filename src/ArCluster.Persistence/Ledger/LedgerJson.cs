using System.Collections.Immutable;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ArCluster.Domain;

namespace ArCluster.Persistence.Ledger;

/// <summary>
/// How postings are written into the journal's payload column and how commands are fingerprinted
/// for idempotency. Validated value types (ids, codes) are stored as their text and re-validated
/// when read, so a payload can never bring an invalid value back into the domain.
/// </summary>
public static class LedgerJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new MoneyConverter(), new ValidatedTextConverterFactory(), new ImmutableArrayConverterFactory(), new SharedStringConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoreOnlySettableProperties } },
    };

    /// <summary>Computed properties (a claim's total charge, an entry's sign) are derived again on read, never stored.</summary>
    private static void StoreOnlySettableProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var computed = type.Properties.Where(p => p.Set is null && p.AssociatedParameter is null).ToArray();
        foreach (var property in computed)
        {
            type.Properties.Remove(property);
        }
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The journal payload is empty where a {typeof(T).Name} was expected.");

    /// <summary>SHA-256 of the command's JSON: resending a posting id must resend exactly this.</summary>
    public static byte[] Hash<T>(T command) => SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(command, Options));

    /// <summary>Plain strings read back share one copy per value (see <see cref="SharedStrings"/>).</summary>
    private sealed class SharedStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => SharedStrings.Share(reader.GetString());

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>A list a caller left out (a default <see cref="ImmutableArray{T}"/>) reads and fingerprints as empty.</summary>
    private sealed class ImmutableArrayConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableArray<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ImmutableArrayConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class ImmutableArrayConverter<T> : JsonConverter<ImmutableArray<T>>
    {
        public override ImmutableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<T[]>(ref reader, options) is { } items ? [.. items] : [];

        public override void Write(Utf8JsonWriter writer, ImmutableArray<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.IsDefault ? [] : value.AsSpan().ToArray(), options);
    }

    private sealed class MoneyConverter : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Money.TryCreate(reader.GetDecimal(), out var money, out var error) ? money : throw new JsonException(error);

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Amount);
    }

    /// <summary>
    /// Any domain value type with a <c>Value</c> text and a <c>TryParse(string?, out T, out string)</c>,
    /// or a <c>TryRestore</c> of the same shape where stored values may take forms callers cannot.
    /// </summary>
    private sealed class ValidatedTextConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsValueType && typeToConvert.Namespace?.StartsWith("ArCluster.Domain", StringComparison.Ordinal) == true && Parser(typeToConvert) is not null;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ValidatedTextConverter<>).MakeGenericType(typeToConvert))!;

        internal static MethodInfo? Parser(Type type) => Method(type, "TryRestore") ?? Method(type, "TryParse");

        private static MethodInfo? Method(Type type, string name) => type.GetMethod(
            name, BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType(), typeof(string).MakeByRefType()]);
    }

    private delegate bool Parse<T>(string? raw, out T value, out string error);

    // An open delegate over a struct's instance getter takes the struct by reference.
    private delegate string TextOf<T>(ref T value);

    private sealed class ValidatedTextConverter<T> : JsonConverter<T>
        where T : struct
    {
        // Bound once per type: this runs for every id and code of every posting written.
        private static readonly Parse<T> TryParse = ValidatedTextConverterFactory.Parser(typeof(T))!.CreateDelegate<Parse<T>>();
        private static readonly TextOf<T> Text = typeof(T).GetProperty("Value")!.GetMethod!.CreateDelegate<TextOf<T>>();

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TryParse(SharedStrings.Share(reader.GetString()), out var value, out var error)
                ? value
                : throw new JsonException($"Stored {typeof(T).Name} is not valid: {error}");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Text(ref value));
    }
}
