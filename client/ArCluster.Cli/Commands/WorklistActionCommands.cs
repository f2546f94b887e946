using System.ComponentModel;
using ArCluster.Abstractions.Worklists;
using Spectre.Console.Cli;

namespace ArCluster.Cli.Commands;

/// <summary>Adds a note; the only action a closed item still takes.</summary>
public sealed class WorklistNoteCommand : WorklistActionCommand<WorklistNoteCommand.Settings>
{
    public sealed class Settings : WorklistActionSettings
    {
        public override WorklistActionKind Action => WorklistActionKind.Note;

        protected override IEnumerable<string?> Problems() => [string.IsNullOrWhiteSpace(Note) ? "--note: a note needs its text" : null];
    }
}

/// <summary>Gives the item to a user to work.</summary>
public sealed class WorklistAssignCommand : WorklistActionCommand<WorklistAssignCommand.Settings>
{
    public sealed class Settings : WorklistActionSettings
    {
        [CommandOption("--to <USER>", isRequired: true)]
        [Description("Who works the item.")]
        public required string To { get; init; }

        public override WorklistActionKind Action => WorklistActionKind.Assign;

        public override WorklistActionRequest ToRequest() => base.ToRequest() with { Assignee = To };
    }
}

/// <summary>Appeals a denial or disputes an underpayment; the claim becomes Appealed.</summary>
public sealed class WorklistAppealCommand : WorklistActionCommand<WorklistAppealCommand.Settings>
{
    public sealed class Settings : WorklistActionSettings
    {
        [CommandOption("--deadline <DATE>")]
        [Description("The appeal's deadline, yyyy-MM-dd; default: the item's.")]
        public string? Deadline { get; init; }

        public override WorklistActionKind Action => WorklistActionKind.Appeal;

        public override WorklistActionRequest ToRequest() => base.ToRequest() with { AppealDeadline = Deadline is null ? null : OptionValues.Date(Deadline) };

        protected override IEnumerable<string?> Problems() => [OptionValues.CheckDate("--deadline", Deadline)];
    }
}

/// <summary>The claim needs a corrected claim sent; it becomes Corrected.</summary>
public sealed class WorklistCorrectCommand : WorklistActionCommand<WorklistCorrectCommand.Settings>
{
    public sealed class Settings : WorklistActionSettings
    {
        public override WorklistActionKind Action => WorklistActionKind.MarkForCorrection;
    }
}

/// <summary>Writes off what the owing payer still owes on the item's claim: a ledger adjustment.</summary>
public sealed class WorklistWriteOffCommand : WorklistActionCommand<WorklistWriteOffCommand.Settings>
{
    public sealed class Settings : WorklistActionSettings
    {
        [CommandOption("--reason <CARC>", isRequired: true)]
        [Description("Claim adjustment reason code, e.g. 45 or B7.")]
        public required string Reason { get; init; }

        [CommandOption("--group <GROUP>")]
        [Description("CAS group: CO (default), PR, OA or PI.")]
        public string? Group { get; init; }

        public override WorklistActionKind Action => WorklistActionKind.WriteOff;

        public override WorklistActionRequest ToRequest() => base.ToRequest() with { WriteOffReason = Reason, WriteOffGroup = Group };
    }
}

/// <summary>Closes the item with a note saying why.</summary>
public sealed class WorklistResolveCommand : WorklistActionCommand<WorklistResolveCommand.Settings>
{
    public sealed class Settings : WorklistActionSettings
    {
        public override WorklistActionKind Action => WorklistActionKind.Resolve;

        protected override IEnumerable<string?> Problems() => [string.IsNullOrWhiteSpace(Note) ? "--note: say why the item is resolved" : null];
    }
}
