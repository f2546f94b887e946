using ArCluster.Abstractions.Errors;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ArCluster.Grains;

/// <summary>
/// Npgsql's exceptions do not cross the wire (a client would get "no codec for PostgresException"
/// instead of the error). Every grain call that fails in the database answers with an ArCluster
/// error naming the SQLSTATE and the server's short message; the full exception stays in the silo's
/// log. The server's detail line, which can quote row values, is never sent.
/// </summary>
internal sealed class DatabaseErrorFilter(ILogger<DatabaseErrorFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (NpgsqlException e)
        {
            logger.LogError(e, "Grain call {Method} on {Grain} failed in the database", context.MethodName, context.TargetId);
            throw new StorageUnavailableException(e is PostgresException pg
                ? $"The database refused the operation ({pg.SqlState}: {pg.MessageText}); nothing uncommitted was kept. Retry with the same ids."
                : $"The database could not be reached or did not answer ({e.Message}); nothing uncommitted was kept. Retry with the same ids.");
        }
    }
}
