using System.Collections.Immutable;

namespace ArCluster.Abstractions.Errors;

/// <summary>The request broke one or more rules; each is listed, and nothing was changed.</summary>
[GenerateSerializer, Alias("arcluster.InvalidCommandException")]
public sealed class InvalidCommandException : Exception
{
    public InvalidCommandException(string message, ImmutableArray<FieldError> errors)
        : base(message) => Errors = errors;

    [Id(0)]
    public ImmutableArray<FieldError> Errors { get; private set; }
}
