using System.Text.Json;
using System.Text.Json.Serialization;
using ArCluster.Abstractions.Practices;
using Spectre.Console;

namespace ArCluster.Cli;

/// <summary>Tables for people, JSON for scripts.</summary>
internal static class Output
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    public static void WritePractice(PracticeView practice, bool asJson)
    {
        if (asJson)
        {
            WriteJson(practice);
            return;
        }

        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("[bold]Practice[/]", Markup.Escape(practice.PracticeId));
        summary.AddRow("Name", Markup.Escape(practice.Name));
        summary.AddRow("NPI", practice.Npi);
        summary.AddRow("Tax id", practice.TaxId);
        summary.AddRow("Aging basis", practice.AgingBasis.ToString());
        summary.AddRow("Version", practice.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("Updated", practice.UpdatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        AnsiConsole.Write(summary);

        var payers = new Table().AddColumns("Payer id", "Payer", "Kind", "Timely filing (days)");
        foreach (var payer in practice.Payers)
        {
            payers.AddRow(Markup.Escape(payer.PayerId), Markup.Escape(payer.Name), payer.Kind.ToString(),
                payer.TimelyFilingDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(payers);
    }
}
