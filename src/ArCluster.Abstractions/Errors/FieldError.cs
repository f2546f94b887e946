namespace ArCluster.Abstractions.Errors;

/// <summary>One rejected field, named by its path in the request (e.g. <c>payers[1].payerId</c>).</summary>
[GenerateSerializer, Immutable, Alias("arcluster.FieldError")]
public sealed record FieldError(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
