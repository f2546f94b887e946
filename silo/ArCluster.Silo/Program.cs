using ArCluster.Grains;
using ArCluster.Persistence.Connectivity;
using ArCluster.Persistence.LocalServer;
using ArCluster.Persistence.Orleans;
using ArCluster.Silo;
using ArCluster.Silo.Demo;
using ArCluster.Client;
using Orleans.Configuration;

// "--demo" is a switch; the configuration's command-line reader wants a value after every key.
var demoSwitch = args.Contains("--demo", StringComparer.Ordinal);
string[] siloArgs = demoSwitch ? [.. args.Where(a => a != "--demo"), "--ArCluster:Demo:Enabled=true"] : args;
var builder = WebApplication.CreateBuilder(siloArgs);
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.UseUtcTimestamp = true;
    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
});

var settings = builder.Configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
var demo = builder.Configuration.GetSection(DemoSettings.Section).Get<DemoSettings>() ?? new DemoSettings();
if (demo.Enabled)
{
    // The demo draws progress bars on this console: only problems may interrupt them.
    builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error).AddFilter("Microsoft", LogLevel.Error);
}

var problems = settings.Problems().Concat(demo.Enabled ? demo.Problems() : []).ToArray();
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
        silo.UseArClusterGrains();
    });
    builder.WebHost.UseUrls($"http://{settings.AdvertisedAddress}:{settings.HealthPort}");

    var app = builder.Build();
    app.MapGet("/health", HealthEndpoint.Handle);
    if (!demo.Enabled)
    {
        await app.RunAsync();
        return 0;
    }

    await app.StartAsync();
    var stopping = app.Lifetime.ApplicationStopping;
    var connection = new ArClusterClientOptions { ConnectionString = connectionString, ClusterId = settings.ClusterId, ServiceId = settings.ServiceId };
    try
    {
        var result = await DemoRunner.RunAsync(demo, connection, stopping);
        await DemoSummary.WriteAsync(result, connection, stopping);
        DemoSummary.WriteNextSteps(settings, result.Simulation.Practices[0].PracticeId);
    }
    catch (OperationCanceledException) when (stopping.IsCancellationRequested)
    {
        return 0;
    }

    await app.WaitForShutdownAsync();
    return 0;
}
finally
{
    if (localServer is not null)
    {
        await localServer.StopAsync();
    }
}
