using Attune.Tests.Fixtures;
using Microsoft.Extensions.Logging;

namespace Attune.Tests.Api;

/// <summary>
/// Both partners opening a new day at the same moment is an expected outcome, not an error: they get the
/// same question and the app logs nothing at error level (it used to log a failed duplicate insert).
/// </summary>
public abstract class NewDayRaceTests(AttuneApp app)
{
    [Fact]
    public async Task Partners_opening_a_new_day_at_once_get_the_same_question_and_no_error_is_logged()
    {
        var couples = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.CreatePairedCoupleAsync()));
        for (var day = 0; day < 4; day++)
        {
            app.Time.Advance(TimeSpan.FromDays(1));
            var views = await Task.WhenAll(couples.SelectMany(c => new[] { c.Inviter.TodayAsync(), c.Partner.TodayAsync() }));
            for (var i = 0; i < views.Length; i += 2)
            {
                Assert.Equal(views[i].Question.Id, views[i + 1].Question.Id);
            }
        }

        Assert.Empty(app.Logs.AtLeast(LogLevel.Error));
    }
}

public sealed class SqliteNewDayRaceTests(AttuneApp app, ITestOutputHelper output) : NewDayRaceTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresNewDayRaceTests(PostgresAttuneApp app, ITestOutputHelper output) : NewDayRaceTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
