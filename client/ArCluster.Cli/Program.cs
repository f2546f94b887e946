using ArCluster.Abstractions.Errors;
using ArCluster.Cli;
using ArCluster.Cli.Commands;
using ArCluster.Client;
using Spectre.Console;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("arctl");
    config.PropagateExceptions();
    config.AddBranch("cluster", cluster =>
    {
        cluster.SetDescription("The cluster itself.");
        cluster.AddCommand<ClusterStatusCommand>("status").WithDescription("Active silos as recorded in PostgreSQL membership.");
    });
    config.AddBranch("practice", practice =>
    {
        practice.SetDescription("Client practices (tenants).");
        practice.AddCommand<PracticeRegisterCommand>("register").WithDescription("Register a practice from a JSON file (or update it with --expected-version).");
        practice.AddCommand<PracticeShowCommand>("show").WithDescription("Show a practice and its payers.");
        practice.AddBranch("fees", fees =>
        {
            fees.SetDescription("Payers' fee schedules: contracted allowed amounts per code.");
            fees.AddCommand<PracticeFeesSetCommand>("set").WithDescription("Set (replace) a payer's fee schedule from a JSON file.");
            fees.AddCommand<PracticeFeesShowCommand>("show").WithDescription("Show a payer's fee schedule.");
        });
    });
    config.AddBranch("account", account =>
    {
        account.SetDescription("Patient accounts, patient payments and account credit.");
        account.AddCommand<AccountOpenCommand>("open").WithDescription("Open a patient account from a JSON file.");
        account.AddCommand<AccountShowCommand>("show").WithDescription("Show an account: claims, balances, payments, credit (patient as initials; --json has the full record).");
        account.AddCommand<AccountPayCommand>("pay").WithDescription("Post a patient payment (oldest balances first; the rest becomes credit).")
            .WithExample("account", "pay", "riverside", "A1001", "--payment-id", "RCPT-5001", "--amount", "20.00", "--date", "2026-11-02", "--method", "check", "--reference", "1042");
        account.AddCommand<AccountReversePaymentCommand>("reverse-payment").WithDescription("Take back a patient payment (a returned check).");
        account.AddCommand<AccountRefundCommand>("refund").WithDescription("Refund unapplied account credit to the guarantor.");
    });
    config.AddBranch("era", era =>
    {
        era.SetDescription("835 remittances (ERA).");
        era.AddCommand<EraIngestCommand>("ingest").WithDescription("Post 835 files or folders: each transaction exactly once; a per-file report; exit 1 if anything was rejected or flagged.");
        era.AddCommand<EraPostUnappliedCommand>("post-unapplied").WithDescription("Post a remittance's unapplied claim payments now that their claims are entered; exit 1 if some still are not.");
    });
    config.AddBranch("deposits", deposits =>
    {
        deposits.SetDescription("Bank deposits (BAI2 or CSV), matched with 835s by trace or check number.");
        deposits.AddCommand<DepositsImportCommand>("import").WithDescription("Record the deposits of BAI2 or CSV files or folders, each once; exit 1 if a file or deposit was refused.");
    });
    config.AddBranch("recon", recon =>
    {
        recon.SetDescription("Live cash reconciliation.");
        recon.AddCommand<ReconShowCommand>("show").WithDescription("A practice's (or the company's) figures for a day or range: charges, payments, adjustments, PLB, 835 totals, deposits, variance, by payer.")
            .WithExample("recon", "show", "riverside", "--day", "2026-11-02");
        recon.AddCommand<ReconUnmatchedCommand>("unmatched").WithDescription("835s without money, money without 835s, amounts that differ (--all for matched too).");
        recon.AddCommand<ReconRebuildCommand>("rebuild").WithDescription("Count a practice's totals again from the journal, then verify them.");
    });
    config.AddCommand<AgingCommand>("aging").WithDescription("AR aging by payer and patient in 0–30 … 120+ day buckets, with days in AR and net collection rate; without a practice, the company.")
        .WithExample("aging", "riverside", "--as-of", "2026-11-30");
    config.AddBranch("worklist", worklist =>
    {
        worklist.SetDescription("Worklists: follow-up, denials, underpayments, timely-filing risk, unapplied money; and billers' actions.");
        worklist.AddCommand<WorklistListCommand>("list").WithDescription("Open items, escalated first, then by deadline (arctl worklist PRACTICE for short).")
            .WithExample("worklist", "riverside", "--list", "denials", "--payer", "87726");
        worklist.AddCommand<WorklistDenialsCommand>("denials").WithDescription("Open denials grouped by payer and reason (CARC).");
        worklist.AddCommand<WorklistShowCommand>("show").WithDescription("One item with every action taken on it.");
        worklist.AddCommand<WorklistNoteCommand>("note").WithDescription("Add a note to an item (closed items too).");
        worklist.AddCommand<WorklistAssignCommand>("assign").WithDescription("Give an item to a user to work.");
        worklist.AddCommand<WorklistAppealCommand>("appeal").WithDescription("Appeal a denial or dispute an underpayment before its deadline; the claim becomes Appealed.")
            .WithExample("worklist", "appeal", "riverside", "C2026-1001/denial/2026-11-20", "--note", "records sent");
        worklist.AddCommand<WorklistCorrectCommand>("correct").WithDescription("Mark the claim for a corrected claim; it becomes Corrected.");
        worklist.AddCommand<WorklistWriteOffCommand>("write-off").WithDescription("Write off what the payer still owes on the claim, with a reason (CARC) and group (default CO).")
            .WithExample("worklist", "write-off", "riverside", "C2026-1001/denial/2026-11-20", "--reason", "45");
        worklist.AddCommand<WorklistResolveCommand>("resolve").WithDescription("Close an item with a note saying why.");
    });
    config.AddCommand<SimCommand>("sim").WithDescription("Write a simulated workload (any size, deterministic by seed) to files: practices, claims, 835s, BAI2/CSV deposits, expected results.")
        .WithExample("sim", "out/run-7", "--seed", "7", "--practices", "20", "--days", "90");
    config.AddCommand<VerifyCommand>("verify").WithDescription("Compare reconciliation totals with the journal per practice and day; exit 1 on any difference.");
    config.AddBranch("claim", claim =>
    {
        claim.SetDescription("Claims, their charges and every posting to them.");
        claim.AddCommand<ClaimCreateCommand>("create").WithDescription("Open a claim with its charges from a JSON file.");
        claim.AddCommand<ClaimShowCommand>("show").WithDescription("Show a claim: lines with balances by party, totals, status and history.");
        claim.AddCommand<ClaimFollowUpCommand>("followup").WithDescription("Show a claim's follow-up: every event with its due day, what is raised and open on the worklists, and when its reminder wakes.");
        claim.AddCommand<ClaimPayCommand>("pay").WithDescription("Post a payer payment from a paper EOB written as a JSON file.");
        claim.AddCommand<ClaimAdjustCommand>("adjust").WithDescription("Post a manual adjustment (CAS group and reason).")
            .WithExample("claim", "adjust", "riverside", "C2026-1001", "--posting-id", "ADJ-1", "--party", "primary", "--line", "2", "--group", "CO", "--reason", "45", "--amount", "5.00", "--date", "2026-11-02");
        claim.AddCommand<ClaimTransferCommand>("transfer").WithDescription("Move a balance from one party to another.");
        claim.AddCommand<ClaimWriteOffCommand>("write-off").WithDescription("Write off everything a party owes on the claim or a line.");
        claim.AddCommand<ClaimRefundCommand>("refund").WithDescription("Refund a party's credit balance on the claim.");
        claim.AddCommand<ClaimReverseCommand>("reverse").WithDescription("Reverse an earlier posting or entry; history keeps both.");
    });
});

try
{
    return await app.RunAsync(WorklistArguments.Rewrite(args));
}
catch (InvalidCommandException e)
{
    // Domain rejections list their fields in the message; others name the field only in Errors.
    var fields = (e.Errors.IsDefault ? [] : e.Errors).Where(f => !e.Message.Contains(f.ToString(), StringComparison.Ordinal)).ToArray();
    string[] lines = [.. fields.Any(f => f.Message == e.Message) ? [] : new[] { e.Message }, .. fields.Select(f => f.ToString())];
    Output.Errors.MarkupLineInterpolated($"[red]Rejected:[/] {lines.FirstOrDefault()}");
    foreach (var line in lines.Skip(1))
    {
        Output.Errors.MarkupLineInterpolated($"  {line}");
    }

    return 1;
}
catch (Exception e) when (e is NotFoundException or ConflictException or InvalidDataException or FileNotFoundException)
{
    Output.Errors.MarkupLineInterpolated($"[red]Error:[/] {e.Message}");
    return 1;
}
catch (ClusterUnavailableException e)
{
    Output.Errors.MarkupLineInterpolated($"[red]Cluster unavailable:[/] {e.Message}");
    return 2;
}
catch (CommandAppException e)
{
    // Parse errors, missing arguments or options, and values the settings reject.
    Output.Errors.MarkupLineInterpolated($"[red]Usage:[/] {e.Message}");
    return 64;
}
