using System.Globalization;
using Npgsql;

namespace ArCluster.Testing;

/// <summary>Small SQL helpers for tests that check the database directly.</summary>
public static class TestSql
{
    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task<decimal> DecimalAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToDecimal(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>A command holding the statement an Orleans provider runs for <paramref name="queryKey"/>.</summary>
    public static async Task<NpgsqlCommand> OrleansQueryAsync(NpgsqlConnection connection, string queryKey)
    {
        await using var query = new NpgsqlCommand("SELECT querytext FROM orleansquery WHERE querykey = $1", connection);
        query.Parameters.Add(new NpgsqlParameter { Value = queryKey });
        return new NpgsqlCommand((string)(await query.ExecuteScalarAsync())!, connection);
    }
}
