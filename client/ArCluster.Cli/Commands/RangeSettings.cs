using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>A day or a range of days (entries' effective dates); none means every day.</summary>
public class RangeSettings : ClusterSettings
{
    [CommandOption("--day <DATE>")]
    [Description("One day (YYYY-MM-DD).")]
    public string? Day { get; init; }

    [CommandOption("--from <DATE>")]
    [Description("First day of a range (YYYY-MM-DD).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Last day of a range (YYYY-MM-DD).")]
    public string? To { get; init; }

    public DateOnly FirstDay => Day is not null ? OptionValues.Date(Day) : From is not null ? OptionValues.Date(From) : DateOnly.MinValue;

    public DateOnly LastDay => Day is not null ? OptionValues.Date(Day) : To is not null ? OptionValues.Date(To) : DateOnly.MaxValue;

    public override ValidationResult Validate()
    {
        var problems = new List<string?>
        {
            OptionValues.CheckDate("--day", Day),
            OptionValues.CheckDate("--from", From),
            OptionValues.CheckDate("--to", To),
            Day is not null && (From is not null || To is not null) ? "--day cannot be combined with --from or --to" : null,
        };
        if (problems.All(p => p is null) && LastDay < FirstDay)
        {
            problems.Add("--to is before --from");
        }

        return OptionValues.Validate(problems);
    }
}
