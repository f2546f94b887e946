using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ArCluster.Simulation.Output;

/// <summary>Writes one JSON record per line (JSON Lines), reusing one buffer for every record.</summary>
internal sealed class JsonLinesWriter<T>(Stream stream, JsonTypeInfo<T> type) : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json = new(new ArrayBufferWriter<byte>());

    public void Write(T value)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        JsonSerializer.Serialize(_json, value, type);
        _json.Flush();
        stream.Write(_buffer.WrittenSpan);
        stream.WriteByte((byte)'\n');
    }

    public void Dispose()
    {
        _json.Dispose();
        stream.Dispose();
    }
}
