namespace ArCluster.BankFiles.Internal;

/// <summary>Physical lines of a text file, whatever line ends it uses (CR LF, LF, or a bare CR from old bank systems).</summary>
internal static class SourceText
{
    /// <summary>The lines in order (index 0 is line 1), without their line ends; a final line end adds no empty line.</summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                lines.Add(text[start..i]);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }
}
