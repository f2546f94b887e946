using ArCluster.Grains.Feed;
using ArCluster.Persistence.Connectivity;
using ArCluster.Persistence.LocalServer;
using ArCluster.Persistence.Orleans;
using ArCluster.Silo;
using Orleans.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.UseUtcTimestamp = true;
    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
});

var settings = builder.Configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
var problems = settings.Problems().ToArray();
if (problems.Length > 0)
{
    await Console.Error.WriteLineAsync($"arcluster-silo: invalid configuration: {string.Join("; ", problems)}");
    return 2;
}

using var bootstrapLogging = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
var bootstrapLogger = bootstrapLogging.CreateLogger("ArCluster.Silo");
string connectionString;
LocalPostgresServer? localServer;
try
{
    (connectionString, localServer) = await DatabaseBootstrap.PrepareAsync(
        builder.Configuration, settings, bootstrapLogger, CancellationToken.None);
}
catch (Exception e) when (e is DatabaseUnavailableException or LocalPostgresException or InvalidOperationException)
{
    await Console.Error.WriteLineAsync($"arcluster-silo: {e.Message}");
    return 2;
}

try
{
    builder.Services.AddSingleton(settings);
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
    builder.UseOrleans(silo =>
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.ConfigureEndpoints(settings.AdvertisedIp, settings.SiloPort, settings.GatewayPort);
        silo.UseArClusterPostgres(connectionString);
        silo.UseArClusterLedgerFeed();
    });
    builder.WebHost.UseUrls($"http://{settings.AdvertisedAddress}:{settings.HealthPort}");

    var app = builder.Build();
    app.MapGet("/health", HealthEndpoint.Handle);
    await app.RunAsync();
    return 0;
}
finally
{
    if (localServer is not null)
    {
        await localServer.StopAsync();
    }
}
