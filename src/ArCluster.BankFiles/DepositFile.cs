using System.Text;
using ArCluster.BankFiles.Bai2;
using ArCluster.BankFiles.Csv;
using ArCluster.BankFiles.Internal;

namespace ArCluster.BankFiles;

/// <summary>The single entry point for callers: read a bank deposit file into deposits or the reasons it was refused.</summary>
public static class DepositFile
{
    /// <summary>
    /// Reads a deposit file: BAI2 when its first non-blank line starts with "01," (a BAI2 file header),
    /// otherwise the house CSV. The whole file is accepted or rejected; a rejected file lists every
    /// problem found. Never throws for bad content. The stream is read from its current position to
    /// its end (UTF-8 unless it starts with a byte order mark) and left open.
    /// </summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="path">The file's path or name, carried into the result for messages and audit only.</param>
    public static DepositFileResult Read(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(path);

        string text;
        using (var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true))
        {
            text = reader.ReadToEnd();
        }

        return Detect(text) == DepositFileFormat.Bai2
            ? Bai2DepositReader.Read(SourceText.Lines(text), path)
            : CsvDepositReader.Read(text, path);
    }

    /// <summary>Opens <paramref name="path"/> and reads it (see <see cref="Read(Stream, string)"/>); I/O failures propagate.</summary>
    public static DepositFileResult Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    internal static DepositFileFormat Detect(string text)
    {
        foreach (var line in SourceText.Lines(text))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                return line.TrimStart().StartsWith("01,", StringComparison.Ordinal) ? DepositFileFormat.Bai2 : DepositFileFormat.Csv;
            }
        }

        return DepositFileFormat.Csv;
    }
}
