using Attune.Features.CheckIns;
using Attune.Features.Insights;

namespace Attune.Tests.Unit;

/// <summary>Each red-flag rule fires on data that should trigger it and stays silent on data that should not.</summary>
public sealed class RedFlagRulesTests
{
    private static readonly DateOnly Start = new(2026, 9, 6);

    private static PersonWeek Week(int i, int rating = 5, int feltAlone = 1, bool words = true, string? dimension = null, int? dimensionRating = null) => new(
        Start.AddDays(7 * i),
        Scales.Dimensions.ToDictionary(d => d, d => d == dimension && dimensionRating is { } r ? r : rating),
        feltAlone, 4, words);

    [Fact]
    public void Felt_alone_fires_on_often_in_two_of_the_last_three_and_not_on_one_or_on_older_weeks()
    {
        Assert.Single(RedFlags.FeltAlone([Week(0), Week(1, feltAlone: 3), Week(2, feltAlone: 4)]));
        Assert.Single(RedFlags.FeltAlone([Week(0, feltAlone: 4), Week(1), Week(2, feltAlone: 3)]));
        Assert.Empty(RedFlags.FeltAlone([Week(0), Week(1, feltAlone: 2), Week(2, feltAlone: 4)]));
        Assert.Empty(RedFlags.FeltAlone([Week(0, feltAlone: 4), Week(1, feltAlone: 4), Week(2), Week(3), Week(4)]));
        Assert.Empty(RedFlags.FeltAlone([]));
    }

    [Fact]
    public void A_dimension_falling_by_two_within_four_weeks_fires_for_that_dimension_only()
    {
        var fall = RedFlags.Falling([Week(0), Week(1), Week(2), Week(3, dimension: "trust", dimensionRating: 3)]).ToList();
        Assert.Equal("trust", Assert.Single(fall).Dimension);
        Assert.Empty(RedFlags.Falling([Week(0), Week(3, dimension: "trust", dimensionRating: 4)]));
        // A fall spread over more than four weeks is not this rule's.
        Assert.Empty(RedFlags.Falling([Week(0, rating: 7), Week(5, rating: 6), Week(10, rating: 5)]));
        Assert.Empty(RedFlags.Falling([Week(0, rating: 2), Week(1, rating: 6)]));
        Assert.Empty(RedFlags.Falling([Week(0, rating: 1)]));
    }

    [Fact]
    public void Stopping_to_write_fires_after_three_wordless_check_ins_that_follow_written_ones()
    {
        Assert.Single(RedFlags.Quiet([Week(0), Week(1, words: false), Week(2, words: false), Week(3, words: false)]));
        Assert.Empty(RedFlags.Quiet([Week(0), Week(1), Week(2, words: false), Week(3, words: false)]));
        // Someone who never wrote much has not stopped anything.
        Assert.Empty(RedFlags.Quiet([Week(0, words: false), Week(1, words: false), Week(2, words: false), Week(3, words: false)]));
    }

    [Fact]
    public void Surface_fires_on_weeks_of_light_questions_with_short_answers_and_not_otherwise()
    {
        var today = new DateOnly(2026, 11, 23);
        List<QuestionDayLength> Days(int count, int depth, int length) =>
            [.. Enumerable.Range(0, count).Select(i => new QuestionDayLength(today.AddDays(-i), i == 3 ? depth : 1, length, length))];

        Assert.Single(RedFlags.Surface(Days(12, 1, 20), today));
        Assert.Empty(RedFlags.Surface(Days(12, 2, 20), today));
        Assert.Empty(RedFlags.Surface(Days(12, 1, 200), today));
        Assert.Empty(RedFlags.Surface(Days(6, 1, 20), today));
        Assert.Empty(RedFlags.Surface(Days(12, 1, 20), today.AddDays(30)));
    }

    [Fact]
    public void A_returning_concern_fires_when_the_latest_is_like_two_earlier_ones()
    {
        List<(DateOnly, string)> Concerns(params string[] texts) => [.. texts.Select((t, i) => (Start.AddDays(7 * i), t))];

        Assert.Single(RedFlags.Returning(Concerns(
            "I feel lonely when the evenings end with phones",
            "Work trips again, and I miss you",
            "Our evenings end with phones and I feel lonely",
            "Lonely evenings with phones again, I feel it")));
        Assert.Empty(RedFlags.Returning(Concerns(
            "I feel lonely when the evenings end with phones",
            "Money worries about the holiday",
            "Lonely evenings with phones again")));
        Assert.Empty(RedFlags.Returning(Concerns("Money worries", "Lonely evenings with phones")));
    }

    [Fact]
    public void Low_felt_understood_fires_on_three_of_a_speakers_last_five_rated_turns_within_eight_weeks()
    {
        var today = new DateOnly(2026, 11, 23);
        Guid ana = Guid.NewGuid(), ben = Guid.NewGuid();
        List<UnderstoodRating> Turns(Guid speaker, params int[] ratings) => [.. ratings.Select((r, i) => new UnderstoodRating(speaker, today.AddDays(-3 * (ratings.Length - i)), r))];

        var fired = Assert.Single(RedFlags.Understood(Turns(ana, 2, 5, 1, 2), today));
        Assert.Equal("understood", fired.Rule);
        Assert.Equal("understood-20261120", fired.Id);
        Assert.Empty(RedFlags.Understood(Turns(ana, 2, 1, 5, 5, 5, 2), today)); // 3 low, but only 2 in the last 5
        Assert.Empty(RedFlags.Understood([.. Turns(ana, 2, 5), .. Turns(ben, 1, 4)], today)); // low ratings of two speakers are not added up
        Assert.Empty(RedFlags.Understood(Turns(ana, 3, 3, 3, 3), today)); // 3 of 5 is not low
        Assert.Empty(RedFlags.Understood(Turns(ana, 1, 1, 1), today.AddDays(60))); // older than 8 weeks
        Assert.Single(RedFlags.Evaluate(new VisibleCheckIns([], [], []), [], Turns(ben, 1, 2, 2), today));
    }

    [Fact]
    public void The_rules_see_only_what_they_are_given_so_an_unrevealed_partner_week_cannot_raise_anything()
    {
        var partnerAlone = new VisibleCheckIns([Week(0), Week(1)], [], []);
        Assert.Empty(RedFlags.Evaluate(partnerAlone, [], [], new DateOnly(2026, 11, 23)));
        var revealed = new VisibleCheckIns([Week(0), Week(1)], [Week(0, feltAlone: 4), Week(1, feltAlone: 4)], []);
        Assert.Equal("felt-alone", Assert.Single(RedFlags.Evaluate(revealed, [], [], new DateOnly(2026, 11, 23))).Rule);
    }
}
