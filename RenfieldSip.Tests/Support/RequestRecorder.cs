using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace RenfieldSip.Tests.Support;

/// <summary>
/// Every request that reached the monitor, with the status it got, recorded once its answer is complete: proof that
/// an attack arrived (so "nothing happened" is not "nothing was sent").
/// </summary>
internal sealed class RequestRecorder : IStartupFilter
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                _requests.Enqueue(new RecordedRequest(
                    context.Request.Method, context.Request.Path, context.Response.StatusCode, context.Request.Headers.Origin.ToString()));
            }
        });
        next(app);
    };

    public Task<IReadOnlyList<RecordedRequest>> WaitForAsync(string method, string path, int count, CancellationToken cancellationToken) =>
        Poll.ForAsync(
            () => Task.FromResult<IReadOnlyList<RecordedRequest>>([.. Requests.Where(r => r.Method == method && r.Path == path)]),
            found => found.Count >= count,
            $"{count} × {method} {path} at the monitor",
            TimeSpan.FromSeconds(20),
            TimeSpan.FromMilliseconds(20),
            cancellationToken);
}
