using System.Net;
using System.Net.Http.Json;

namespace Attune.Tests.Fixtures;

public sealed record CheckInAnswersDto(
    int? Trust, int? Communication, int? Vulnerability, int? Empathy, int? Support, int? Togetherness,
    int? FeltAlone, int? Closeness, List<string> Appreciations, string? WentWell, string? Concern, string? Wish, DateTimeOffset? SubmittedAt);

public sealed record CheckInWeekDto(
    DateOnly Week, string Day, CheckInAnswersDto? Mine, bool PartnerCheckedIn, bool Revealed, CheckInAnswersDto? Partner, DateTimeOffset? ConversationDoneAt);

public sealed record CheckInListDto(List<CheckInWeekDto> Items, DateOnly? NextBefore);

public sealed record TrendPointDto(DateOnly Week, int? Mine, int? Partner);

public sealed record TrendSeriesDto(string Measure, int Min, int Max, List<TrendPointDto> Points);

public sealed record TrendsDto(List<TrendSeriesDto> Series);

public sealed record NoticeDto(string Id, string Rule, string Title, string Body, string Help);

public static class CheckInClient
{
    /// <summary>A complete check-in: every rating <paramref name="rating"/>, the given "felt alone" and words.</summary>
    public static object Full(int rating = 5, int feltAlone = 1, int closeness = 5, string? concern = null, string? appreciation = null, DateOnly? week = null) => new
    {
        week,
        trust = rating,
        communication = rating,
        vulnerability = rating,
        empathy = rating,
        support = rating,
        togetherness = rating,
        feltAlone,
        closeness,
        appreciations = appreciation is null ? Array.Empty<string>() : [appreciation],
        wentWell = "We walked by the river",
        concern,
        wish = "A slow breakfast together",
    };

    public static async Task<CheckInWeekDto> CurrentCheckInAsync(this TestUser user) =>
        (await user.Api.GetFromJsonAsync<CheckInWeekDto>("/api/v1/checkins/current"))!;

    public static async Task<CheckInWeekDto> SubmitCheckInAsync(this TestUser user, object body)
    {
        var response = await user.Api.PostAsJsonAsync("/api/v1/checkins/current/submit", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CheckInWeekDto>())!;
    }

    public static async Task<List<NoticeDto>> NoticesAsync(this TestUser user) =>
        (await user.Api.GetFromJsonAsync<List<NoticeDto>>("/api/v1/insights/notices"))!;
}
