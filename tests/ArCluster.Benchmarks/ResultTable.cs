using Spectre.Console;

namespace ArCluster.Benchmarks;

/// <summary>
/// One table of figures, each beside the baseline it is compared with, in sections; printed to the
/// terminal and as Markdown for docs/benchmarks.md.
/// </summary>
internal sealed class ResultTable
{
    private static readonly string[] Columns = ["Figure", "Value", "Baseline (same run)", "Ratio"];

    private readonly List<Row> _rows = [];
    private Action<ResultTable>? _closeSection;

    /// <summary>Starts a section; <paramref name="close"/> adds its last rows when the next section starts or the table is printed.</summary>
    public void Section(string title, Action<ResultTable>? close = null)
    {
        CloseSection();
        _rows.Add(new Row(title, string.Empty, string.Empty, string.Empty, IsSection: true));
        _closeSection = close;
    }

    public void Add(string figure, string value, string baseline = "", string ratio = "") =>
        _rows.Add(new Row(figure, value, baseline, ratio, IsSection: false));

    /// <summary>A row that details the one above it (a part of a total, a condition of the run).</summary>
    public void AddDetail(string figure, string value, string baseline = "", string ratio = "") =>
        _rows.Add(new Row(figure, value, baseline, ratio, IsSection: false, IsDetail: true));

    public Table ToSpectre()
    {
        CloseSection();
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(Columns[0]);
        foreach (var column in Columns.Skip(1))
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var row in _rows)
        {
            if (row.IsSection)
            {
                table.AddRow(new Markup($"[bold]{Markup.Escape(row.Figure)}[/]"), Text.Empty, Text.Empty, Text.Empty);
            }
            else
            {
                var figure = row.IsDetail ? $"[grey]  ↳ {Markup.Escape(row.Figure)}[/]" : Markup.Escape(row.Figure);
                table.AddRow(figure, Markup.Escape(row.Value), Markup.Escape(row.Baseline), Markup.Escape(row.Ratio));
            }
        }

        return table;
    }

    public string ToMarkdown()
    {
        CloseSection();
        var lines = new List<string>
        {
            $"| {string.Join(" | ", Columns)} |",
            "| --- | ---: | ---: | ---: |",
        };
        foreach (var row in _rows)
        {
            lines.Add(row.IsSection
                ? $"| **{Escape(row.Figure)}** | | | |"
                : $"| {(row.IsDetail ? "↳ " : "")}{Escape(row.Figure)} | {Escape(row.Value)} | {Escape(row.Baseline)} | {Escape(row.Ratio)} |");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private void CloseSection()
    {
        var close = _closeSection;
        _closeSection = null;
        close?.Invoke(this);
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private sealed record Row(string Figure, string Value, string Baseline, string Ratio, bool IsSection, bool IsDetail = false);
}
