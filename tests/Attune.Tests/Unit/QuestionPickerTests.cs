using Attune.Features.Questions;

namespace Attune.Tests.Unit;

/// <summary>The selection rule on its own, simulated over long periods.</summary>
public sealed class QuestionPickerTests
{
    private static readonly List<Candidate> Library =
        new QuestionLibrary().All.Select(q => new Candidate(q.Id, q.Category, q.Depth)).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Over_three_years_no_question_repeats_within_a_cycle_and_no_category_comes_twice_in_a_row(int level)
    {
        var coupleId = Guid.NewGuid();
        var allowed = Library.Count(c => c.Depth <= level);
        var history = Simulate(coupleId, level, days: 3 * 365);

        foreach (var cycle in history.GroupBy(h => h.Cycle))
        {
            Assert.Equal(cycle.Count(), cycle.Select(h => h.Question.Id).Distinct().Count());
            Assert.True(cycle.Count() <= allowed);
            if (cycle.Key < history[^1].Cycle)
            {
                Assert.Equal(allowed, cycle.Count()); // a finished cycle used every allowed question once
            }
        }

        Assert.All(history, h => Assert.True(h.Question.Depth <= level));
        var sameCategoryRuns = history.Zip(history.Skip(1)).Count(p => p.First.Question.Category == p.Second.Question.Category);
        Assert.Equal(0, sameCategoryRuns);
    }

    [Fact]
    public void The_choice_is_the_same_for_the_same_couple_day_and_history_and_differs_between_couples()
    {
        var date = new DateOnly(2026, 11, 23);
        var past = new PastDays(1, new HashSet<string>(), null);
        var coupleId = Guid.NewGuid();
        Assert.Equal(QuestionPicker.Pick(coupleId, date, 1, Library, past), QuestionPicker.Pick(coupleId, date, 1, Library, past));
        var picks = Enumerable.Range(0, 20).Select(_ => QuestionPicker.Pick(Guid.NewGuid(), date, 1, Library, past).Question.Id).Distinct();
        Assert.True(picks.Count() > 5);
    }

    [Fact]
    public void At_a_deeper_level_questions_of_that_level_come_first()
    {
        var days = Library.Count(c => c.Depth == 2);
        var history = Simulate(Guid.NewGuid(), level: 2, days);
        // Avoiding yesterday's category can call on a lighter question near the end of a round, rarely.
        Assert.True(history.Count(h => h.Question.Depth == 2) >= days * 0.9, $"{history.Count(h => h.Question.Depth == 2)} of {days}");
        Assert.All(history, h => Assert.InRange(h.Question.Depth, 1, 2));
    }

    [Fact]
    public void Yesterdays_category_is_avoided_even_when_it_has_the_most_questions_left()
    {
        var candidates = new List<Candidate> { new("a", QuestionCategory.Fun, 1), new("b", QuestionCategory.Fun, 1), new("c", QuestionCategory.Values, 1) };
        for (var day = 1; day <= 28; day++)
        {
            var (question, _) = QuestionPicker.Pick(Guid.NewGuid(), new DateOnly(2026, 2, day), 1, candidates, new PastDays(1, new HashSet<string>(), QuestionCategory.Fun));
            Assert.Equal("c", question.Id);
        }
    }

    private static List<(Candidate Question, int Cycle)> Simulate(Guid coupleId, int level, int days)
    {
        var history = new List<(Candidate Question, int Cycle)>();
        var date = new DateOnly(2026, 1, 1);
        for (var i = 0; i < days; i++, date = date.AddDays(1))
        {
            var cycle = history.Count == 0 ? 0 : history[^1].Cycle;
            var used = history.Where(h => h.Cycle == cycle).Select(h => h.Question.Id).ToHashSet();
            QuestionCategory? yesterday = history.Count == 0 ? null : history[^1].Question.Category;
            history.Add(QuestionPicker.Pick(coupleId, date, level, Library, new PastDays(cycle, used, yesterday)));
        }

        return history;
    }
}
