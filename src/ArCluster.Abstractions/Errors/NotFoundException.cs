namespace ArCluster.Abstractions.Errors;

/// <summary>The named entity does not exist (for example a practice that was never registered).</summary>
[GenerateSerializer, Alias("arcluster.NotFoundException")]
public sealed class NotFoundException : Exception
{
    public NotFoundException(string entity, string id)
        : base($"{entity} '{id}' does not exist.")
    {
        Entity = entity;
        Id = id;
    }

    [Id(0)]
    public string Entity { get; private set; }

    [Id(1)]
    public string Id { get; private set; }
}
