using System.Text.Json;
using System.Text.Json.Serialization;
using ArCluster.Abstractions.Accounts;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Practices;

namespace ArCluster.Simulation.Output;

/// <summary>
/// The JSON ArCluster's files use (web defaults: camelCase, enums by name, dates yyyy-MM-dd), as
/// deploy/local's samples and arctl read them. Source-generated: a million claims serialize without
/// reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(NewClaim))]
[JsonSerializable(typeof(NewAccount))]
[JsonSerializable(typeof(PracticeRegistration))]
[JsonSerializable(typeof(FeeScheduleRates))]
[JsonSerializable(typeof(Expectations))]
internal sealed partial class SimulationJson : JsonSerializerContext
{
    /// <summary>For the one-record files people open: indented.</summary>
    public static SimulationJson Indented { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } });
}
