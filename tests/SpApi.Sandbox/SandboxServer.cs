using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SpApi.Sandbox;

/// <summary>A running sandbox: start it, point a client at <see cref="BaseAddress"/>, dispose it.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private SandboxServer(WebApplication app, SandboxState state, Uri baseAddress)
    {
        this.app = app;
        State = state;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's state: counters, faults, tokens, options.</summary>
    public SandboxState State { get; }

    /// <summary>The SP-API base address, for example http://127.0.0.1:54321/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The LWA token endpoint of this server.</summary>
    public Uri TokenEndpoint => new(BaseAddress, LwaEndpoints.TokenPath.TrimStart('/'));

    /// <summary>Starts a server and returns once it listens.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url);
        var app = builder.Build();
        var state = new SandboxState(options);
        var middleware = new SpApiMiddleware(state);
        app.Use((context, next) => middleware.InvokeAsync(context, () => next(context)));
        LwaEndpoints.Map(app, state);
        TokensEndpoints.Map(app, state);
        CustomerInvoiceEndpoints.Map(app, state);
        TaxInvoiceEndpoints.Map(app, state);
        GovernmentInvoiceEndpoints.Map(app, state);
        InvoiceSubmissionEndpoints.Map(app, state);
        TransactionStatusEndpoints.Map(app, state);
        FinancesInvoiceEndpoints.Map(app, state);
        ControlEndpoints.Map(app, state);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            // A port in use, say: the host that could not start must not outlive the failure.
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Waits until the host is asked to stop (Ctrl+C).</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
