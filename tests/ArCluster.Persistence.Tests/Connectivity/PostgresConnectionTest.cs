using ArCluster.Persistence.Connectivity;
using ArCluster.Testing;
using Npgsql;

namespace ArCluster.Persistence.Tests.Connectivity;

public class PostgresConnectionTest
{
    [Fact]
    public async Task An_unreachable_server_fails_at_once_naming_host_port_and_what_to_fix()
    {
        var port = FreePorts.Take(1)[0];

        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() =>
            PostgresConnection.OpenAsync($"Host=127.0.0.1;Port={port};Database=arcluster;Username=arcluster;Password=secret-pw"));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check Host and Port", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_says_the_login_was_refused()
    {
        var database = await TestPostgres.CreateDatabaseAsync("bad-password");
        var wrong = new NpgsqlConnectionStringBuilder(database) { Password = "not-the-password" }.ConnectionString;

        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => PostgresConnection.OpenAsync(wrong));

        Assert.Contains("refused the login", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check Username and Password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_says_how_to_create_it()
    {
        var database = await TestPostgres.CreateDatabaseAsync("missing-db");
        var missing = new NpgsqlConnectionStringBuilder(database) { Database = "no_such_database" }.ConnectionString;

        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => PostgresConnection.OpenAsync(missing));

        Assert.Contains("createdb no_such_database", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not a connection string")]
    [InlineData("Port=5432;Database=arcluster")]
    [InlineData("")]
    public void A_malformed_connection_string_is_rejected_before_any_network_call(string connectionString)
    {
        var error = Assert.Throws<DatabaseUnavailableException>(() => PostgresConnection.Parse(connectionString));

        Assert.Contains("ConnectionStrings:ArCluster", error.Message, StringComparison.Ordinal);
    }
}
