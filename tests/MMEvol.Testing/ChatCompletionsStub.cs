using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace MMEvol.Testing;

/// <summary>
/// A real Kestrel server on 127.0.0.1 that speaks OpenAI's chat-completions protocol (POST
/// /v1/chat/completions) and answers whatever the test's reply function says. Only the model is fake:
/// sockets, HTTP and JSON are real. It is lean enough to stand in for an instant model server in
/// benchmarks (no logging, no routing, one small buffer per answer).
/// </summary>
public sealed class ChatCompletionsStub : IAsyncDisposable
{
    private readonly Func<StubRequest, Task<StubReply>> _reply;
    private readonly List<StubRequest>? _requests;
    private readonly CancellationTokenSource _stopping = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private WebApplication? _app;
    private int _count;

    private ChatCompletionsStub(Func<StubRequest, Task<StubReply>> reply, bool record)
    {
        _reply = reply;
        _requests = record ? [] : null;
    }

    /// <summary>"http://127.0.0.1:PORT/v1", what an OpenAI client takes as its endpoint.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>How many chat-completion requests arrived (counted even when not recorded).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Every request received, in arrival order (empty when started with record: false).</summary>
    public IReadOnlyList<StubRequest> Requests
    {
        get
        {
            if (_requests is null)
                return [];
            lock (_requests)
                return [.. _requests.OrderBy(r => r.Index)];
        }
    }

    /// <param name="record">False for benchmarks: thousands of bodies with images would pile up in memory.</param>
    public static async Task<ChatCompletionsStub> StartAsync(Func<StubRequest, Task<StubReply>> reply, bool record = true)
    {
        var stub = new ChatCompletionsStub(reply, record);
        await stub.StartCoreAsync();
        return stub;
    }

    public static Task<ChatCompletionsStub> StartAsync(Func<StubRequest, StubReply> reply, bool record = true) =>
        StartAsync(request => Task.FromResult(reply(request)), record);

    public async ValueTask DisposeAsync()
    {
        // Hung replies wait on this token, so stopping never waits out a simulated 30 s hang.
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(grace.Token);
            await _app.DisposeAsync();
        }
        _stopping.Dispose();
    }

    private async Task StartCoreAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || request.Path != "/v1/chat/completions")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var index = Interlocked.Increment(ref _count) - 1;
        var stubRequest = await StubRequest.ReadAsync(context, index, Stopwatch.GetElapsedTime(_started));
        if (_requests is not null)
        {
            lock (_requests)
                _requests.Add(stubRequest);
        }

        var reply = await _reply(stubRequest);
        if (reply.Delay > TimeSpan.Zero && !await WaitAsync(reply.Delay, context.RequestAborted))
        {
            context.Abort();
            return;
        }
        if (reply.DropConnection)
        {
            context.Abort();
            return;
        }
        await StubResponseWriter.WriteAsync(context.Response, reply, index);
    }

    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken aborted)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        try
        {
            await Task.Delay(delay, either.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
