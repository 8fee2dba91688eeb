using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace Attune.Tests.Processes;

/// <summary>
/// Kill the server with SIGKILL in the middle of a stream of writes: after a restart every write
/// that was acknowledged is there, and the database is consistent.
/// </summary>
public abstract class DurabilityTests(DatabaseKind kind, ITestOutputHelper output)
{
    private const int AcknowledgedBeforeKill = 40;
    private const int MaxPolls = 3000;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_acknowledged_write_survives_a_sigkill_mid_stream()
    {
        await using var database = await ProcessDatabase.CreateAsync(kind);
        var server = await AppProcess.StartAsync(database.Settings, output);
        var (token, _) = await server.PairAsync();
        var acknowledged = new ConcurrentBag<Guid>();
        var failures = 0;
        var refused = new ConcurrentDictionary<HttpStatusCode, int>();
        using var stop = new CancellationTokenSource();

        async Task WriteAsync(int writer)
        {
            using var client = server.Client(token);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var response = await client.PostAsJsonAsync("/api/v1/questions/custom",
                        new { text = $"Durable question {writer}-{i}?", category = "fun", depth = 1 });
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add((await response.ReadAsync<CustomQuestionDto>()).Id);
                    }
                    else
                    {
                        refused.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                    }
                }
                catch (HttpRequestException)
                {
                    // The server is gone: nothing after this was acknowledged.
                    Interlocked.Increment(ref failures);
                    return;
                }
            }
        }

        var writers = Enumerable.Range(0, 4).Select(WriteAsync).ToList();
        // Bounded by polls and by time (the real clock: this is a real process); a stream that stalls, or
        // writers that all stopped, fail the test with what happened instead of hanging it.
        var waited = Stopwatch.StartNew();
        for (var poll = 0; acknowledged.Count < AcknowledgedBeforeKill; poll++)
        {
            if (poll >= MaxPolls || waited.Elapsed > MaxWait || writers.TrueForAll(w => w.IsCompleted))
            {
                var stalled = $"Only {acknowledged.Count} of {AcknowledgedBeforeKill} writes were acknowledged after {poll} polls " +
                              $"({waited.Elapsed.TotalSeconds:0.0} s); {writers.Count(w => w.IsCompleted)} of {writers.Count} writers had stopped, " +
                              $"{failures} on a connection error; refused: [{string.Join(", ", refused.Select(r => $"{(int)r.Key} x{r.Value}"))}]. " +
                              $"Server output:\n{server.Output}";
                stop.Cancel();
                await server.DisposeAsync();
                Assert.Fail(stalled);
            }

            await Task.Delay(PollEvery);
        }

        await server.KillAsync();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));
        stop.Cancel();
        await server.DisposeAsync();
        Assert.True(failures > 0, "the kill did not interrupt the writers");

        await using var restarted = await AppProcess.StartAsync(database.Settings, output);
        using var reader = restarted.Client(token);
        var stored = (await reader.GetFromJsonAsync<List<CustomQuestionDto>>("/api/v1/questions/custom"))!.Select(q => q.Id).ToHashSet();

        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged writes were lost");
        // Not only readable after the crash: the restarted app takes the next write.
        var next = await reader.PostAsJsonAsync("/api/v1/questions/custom", new { text = "After the crash?", category = "fun", depth = 1 });
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        await restarted.StopAsync();
        if (kind == DatabaseKind.Sqlite)
        {
            AssertConsistent(database.SqlitePath);
        }
    }

    private static void AssertConsistent(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", integrity.ExecuteScalar());
        using var foreignKeys = connection.CreateCommand();
        foreignKeys.CommandText = "PRAGMA foreign_key_check";
        using var violations = foreignKeys.ExecuteReader();
        Assert.False(violations.Read(), "foreign key violations after the crash");
    }
}

public sealed class SqliteDurabilityTests(ITestOutputHelper output) : DurabilityTests(DatabaseKind.Sqlite, output);

public sealed class PostgresDurabilityTests(ITestOutputHelper output) : DurabilityTests(DatabaseKind.Postgres, output);
