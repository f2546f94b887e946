using System.Text;

namespace ArCluster.Simulation.Output;

/// <summary>Where a run's files go: a folder, or nowhere when only the expectations are wanted.</summary>
internal abstract class SimulationOutput
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates (or replaces) the file at <paramref name="relativePath"/>; returns its full path and stream.</summary>
    public abstract (string Path, Stream Stream) Create(string relativePath);

    public (string Path, TextWriter Writer) CreateText(string relativePath)
    {
        var (path, stream) = Create(relativePath);
        // Small enough to stay off the large object heap: a long run opens thousands of files.
        return (path, new StreamWriter(stream, Utf8, 8192));
    }
}

internal sealed class FolderOutput(string directory) : SimulationOutput
{
    public override (string Path, Stream Stream) Create(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(directory, relativePath));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return (path, new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 15));
    }
}

internal sealed class NullOutput : SimulationOutput
{
    public override (string Path, Stream Stream) Create(string relativePath) => (relativePath, Stream.Null);
}
