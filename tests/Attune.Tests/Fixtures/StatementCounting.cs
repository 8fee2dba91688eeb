using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Fixtures;

/// <summary>
/// The app with its caches off (every request is a cold look, as each person's first of the day) and every SQL
/// statement counted per request: a request sent with <see cref="Header"/> has its count in <see cref="Counts"/>.
/// Counting lives in the test only (an EF Core interceptor and a middleware added here), so the app pays nothing.
/// </summary>
public class StatementCountingApp : AttuneApp
{
    public const string Header = "X-Test-Request";

    public StatementCountingApp()
        : this(DatabaseKind.Sqlite)
    {
    }

    protected StatementCountingApp(DatabaseKind database)
        : base(database, new() { ["Sessions:CacheFor"] = "00:00:00", ["Questions:TodayCacheFor"] = "00:00:00", ["TodayPage:CacheFor"] = "00:00:00" })
    {
    }

    public ConcurrentDictionary<string, int> Counts { get; } = new();

    /// <summary>Sends a GET as the given client and returns its status and the statements it took.</summary>
    public async Task<(System.Net.HttpStatusCode Status, int Statements)> CountAsync(HttpClient client, string path)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(Header, id);
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsStringAsync();
        return (response.StatusCode, Counts.TryRemove(id, out var n) ? n : -1);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<IInterceptor, Counter>();
            services.AddSingleton<IStartupFilter>(new Recorder(this));
        });
    }

    private static readonly object Key = new();

    private sealed class Counter(IHttpContextAccessor accessor) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Count(result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Count(result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            Count(result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Count(result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            Count(result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Count(result));

        private T Count<T>(T result)
        {
            if (accessor.HttpContext?.Items[Key] is StrongBox box)
            {
                Interlocked.Increment(ref box.Value);
            }

            return result;
        }
    }

    private sealed class StrongBox
    {
        public int Value;
    }

    private sealed class Recorder(StatementCountingApp app) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use(async (context, following) =>
            {
                if (context.Request.Headers[Header].FirstOrDefault() is not { Length: > 0 } id)
                {
                    await following(context);
                    return;
                }

                var box = new StrongBox();
                context.Items[Key] = box;
                await following(context);
                app.Counts[id] = box.Value;
            });
            next(builder);
        };
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresStatementCountingApp : StatementCountingApp
{
    public PostgresStatementCountingApp()
        : base(DatabaseKind.Postgres)
    {
    }
}
