using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ArCluster.Abstractions.Claims;

namespace ArCluster.Cli;

/// <summary>
/// JSON files people write by hand: the web defaults and enum names (as <see cref="Output"/> writes
/// them), and a property the record does not have is an error rather than silently ignored — a
/// misspelt "claimAdjustments" must not post a payment without its adjustments.
/// </summary>
internal static partial class Input
{
    private static readonly JsonSerializerOptions Json = new(Output.Json)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads one <typeparamref name="T"/>; <paramref name="what"/> names it in errors ("claim", "payer payment").</summary>
    public static async Task<T> ReadJsonAsync<T>(string file, string what, CancellationToken cancellationToken)
        where T : class
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidDataException($"{file}: no such file (looked for {Path.GetFullPath(file)}).", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{file}: cannot be read: {e.Message}", e);
        }

        T? value;
        await using (stream)
        {
            if (stream.CanSeek && stream.Length == 0)
            {
                throw new InvalidDataException($"{file}: is empty, not a {what}.");
            }

            try
            {
                value = await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException(Describe(file, what, typeof(T), e), e);
            }
        }

        if (value is null)
        {
            throw new InvalidDataException($"{file}: holds null, not a {what}.");
        }

        FillMissingLists(value, "$", file);
        return value;
    }

    /// <summary>
    /// The wire records hold lists as immutable arrays; one a file leaves out would arrive as a
    /// default (null) array that the cluster cannot handle. A list left out is an empty list; a null
    /// item in a list is an error.
    /// </summary>
    private static void FillMissingLists(object value, string path, string file)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var type = property.PropertyType;
            var name = $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}";
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            {
                var list = property.GetValue(value)!;
                if ((bool)type.GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(list)!)
                {
                    property.SetValue(value, type.GetField(nameof(ImmutableArray<int>.Empty))!.GetValue(null));
                    continue;
                }

                var index = 0;
                foreach (var item in (IEnumerable)list)
                {
                    switch (item)
                    {
                        case null:
                            throw new InvalidDataException($"{file}: not valid: {name}[{index}] is null.");
                        case var record when IsWireRecord(record.GetType()):
                            FillMissingLists(record, $"{name}[{index}]", file);
                            break;
                    }

                    index++;
                }
            }
            else if (IsWireRecord(type) && property.GetValue(value) is { } nested)
            {
                FillMissingLists(nested, name, file);
            }
        }
    }

    private static bool IsWireRecord(Type type) => type.IsClass && type.Assembly == typeof(NewClaim).Assembly;

    /// <summary>"sample.json, line 12, column 30: not a valid claim: ... (at $.lines[0].serviceDate)".</summary>
    private static string Describe(string file, string what, Type root, JsonException e)
    {
        var where = e.LineNumber is { } line
            ? $", line {line + 1}{(e.BytePositionInLine is { } column ? $", column {column + 1}" : string.Empty)}"
            : string.Empty;
        var at = e.Path is { Length: > 1 } path ? $" (at {path})" : string.Empty;
        return $"{file}{where}: not a valid {what}: {Reason(root, e)}{at}";
    }

    private static string Reason(Type root, JsonException e)
    {
        var message = Plain(e.Message);
        var unknown = UnknownProperty().Match(message);
        if (unknown.Success && typeof(NewClaim).Assembly.GetType(unknown.Groups["type"].Value) is { } owner)
        {
            var fields = string.Join(", ", owner.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)));
            return $"there is no field '{unknown.Groups["name"].Value}' here (check its spelling); a {owner.Name} has {fields}";
        }

        if (message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
        {
            // The serializer names the record being built, not the field; the path names the field.
            return TypeAt(root, e.Path) is { } type ? $"the value is not {Expected(type)}" : message;
        }

        return e.InnerException is { Message.Length: > 0 } inner && Plain(inner.Message) is var detail && !message.Contains(detail, StringComparison.Ordinal)
            ? $"{message} ({detail})"
            : message;
    }

    /// <summary>Without the location the reader appends (said above) or its advice to change reader options.</summary>
    private static string Plain(string message) =>
        LocationSuffix().Replace(message, string.Empty).Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal).Trim();

    /// <summary>The type of the member a path such as <c>$.lines[0].serviceDate</c> names, or null.</summary>
    private static Type? TypeAt(Type root, string? path)
    {
        var type = root;
        foreach (var segment in (path ?? string.Empty).TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            type = Nullable.GetUnderlyingType(type) ?? type;
            var property = type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
            if (segment.Contains('[', StringComparison.Ordinal) && ElementType(type) is { } element)
            {
                type = element;
            }
        }

        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() : type.IsGenericType && type.GetGenericArguments() is [var element] ? element : null;

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(DateOnly) => $"a date ({OptionValues.DateFormat})",
        _ when type == typeof(decimal) => "a number (an amount such as 125.50)",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(string) => "a string",
        _ when type == typeof(bool) => "true or false",
        { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ when ElementType(type) is not null => "a list ([...])",
        _ => $"an object ({{...}}, a {type.Name})",
    };

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member contained in type '(?<type>[^']+)'\.$", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"\s*(Path: .*)?(\| )?LineNumber: \d+ \| BytePositionInLine: \d+\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex LocationSuffix();
}
