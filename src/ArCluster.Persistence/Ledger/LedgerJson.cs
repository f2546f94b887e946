using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
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
        Converters = { new JsonStringEnumConverter(), new MoneyConverter(), new ValidatedTextConverterFactory() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The journal payload is empty where a {typeof(T).Name} was expected.");

    /// <summary>SHA-256 of the command's JSON: resending a posting id must resend exactly this.</summary>
    public static byte[] Hash<T>(T command) => SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(command, Options));

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

    private sealed class ValidatedTextConverter<T> : JsonConverter<T>
        where T : struct
    {
        private static readonly MethodInfo TryParse = ValidatedTextConverterFactory.Parser(typeof(T))!;
        private static readonly PropertyInfo ValueProperty = typeof(T).GetProperty("Value")!;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            object?[] arguments = [reader.GetString(), null, null];
            return (bool)TryParse.Invoke(null, arguments)!
                ? (T)arguments[1]!
                : throw new JsonException($"Stored {typeof(T).Name} is not valid: {arguments[2]}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue((string)ValueProperty.GetValue(value)!);
    }
}
