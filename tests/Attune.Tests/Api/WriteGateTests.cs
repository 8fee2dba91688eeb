using System.Net;
using System.Net.Http.Json;
using Attune.Data;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Attune.Tests.Api;

/// <summary>
/// SQLite's writers queue in front of the write lock (<see cref="SqliteWriteGate"/>): many people answering at
/// once all get their answer saved, the refused writes after a reveal stay refused, and no request, finished
/// or aborted half-way, leaves the queue held.
/// </summary>
public sealed class WriteGateTests(AttuneApp app, ITestOutputHelper output) : IClassFixture<AttuneApp>
{
    private readonly AttuneApp _app = app.LogsTo(output);

    [Fact]
    public async Task Many_people_writing_at_once_all_land_and_the_queue_is_free_afterwards()
    {
        var couples = new List<(TestUser Inviter, TestUser Partner)>();
        for (var i = 0; i < 8; i++)
        {
            couples.Add(await _app.CreatePairedCoupleAsync());
        }

        // Everyone answers at the same moment: each partner's first answer is saved, whichever comes first.
        var answers = await Task.WhenAll(couples.SelectMany(c => new[] { c.Inviter, c.Partner })
            .Select(person => person.Api.PutAsJsonAsync("/api/v1/today/answer", new { text = $"An answer from {person.Email}" })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        // Now every day is revealed: a second round of edits is refused, all of it, and nothing changes.
        var edits = await Task.WhenAll(couples.SelectMany(c => new[] { c.Inviter, c.Partner })
            .Select(person => person.Api.PutAsJsonAsync("/api/v1/today/answer", new { text = "Changed after the reveal" })));
        Assert.All(edits, e => Assert.Equal(HttpStatusCode.Conflict, e.StatusCode));
        foreach (var (inviter, _) in couples)
        {
            var today = await inviter.Api.GetFromJsonAsync<TodayView>("/api/v1/today");
            Assert.True(today!.Revealed);
            Assert.Equal($"An answer from {inviter.Email}", today.Mine!.Text);
        }

        Assert.True(await GateIsFreeAsync());
    }

    [Fact]
    public async Task Writes_aborted_by_their_callers_leave_the_queue_free()
    {
        var people = new List<TestUser>();
        for (var i = 0; i < 6; i++)
        {
            var (inviter, partner) = await _app.CreatePairedCoupleAsync();
            people.Add(inviter);
            people.Add(partner);
        }

        // Each caller gives up right after sending: some requests end before, some while, some after they wait.
        var aborted = people.Select(async person =>
        {
            using var cancel = new CancellationTokenSource();
            var sending = person.Api.PutAsJsonAsync("/api/v1/today/answer", new { text = "Maybe saved, maybe not" }, cancel.Token);
            await cancel.CancelAsync();
            try
            {
                await sending;
            }
            catch (OperationCanceledException)
            {
                // Expected for most of them.
            }
        });
        await Task.WhenAll(aborted);

        // Whatever happened to those, the next writes go through, and the queue is free after them.
        var next = await Task.WhenAll(people.Select(person => person.Api.PutAsJsonAsync("/api/v1/today/answer", new { text = "Saved now" })));
        Assert.All(next, n => Assert.True(n.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{n.StatusCode}"));
        Assert.True(await GateIsFreeAsync());
    }

    private Task<bool> GateIsFreeAsync() =>
        _app.WithDbAsync(db => Task.FromResult(SqliteWriteGate.Instance.IsFree(db.Database.GetDbConnection().DataSource)));

    private sealed record TodayView(bool Revealed, MineView? Mine);

    private sealed record MineView(string Text);
}
