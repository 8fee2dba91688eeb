using System.Net;
using System.Net.Http.Json;

namespace Attune.Tests.Fixtures;

public sealed record QuestionDto(string Id, string Text, string Category, int Depth);

public sealed record MyAnswerDto(string Text, DateTimeOffset AnsweredAt);

public sealed record PartnerAnswerDto(bool Answered, string? Text, DateTimeOffset? AnsweredAt);

public sealed record ReactionDto(string Kind, string? Text);

public sealed record ReactionsDto(ReactionDto? Mine, ReactionDto? Partner);

public sealed record DepthDto(int Mine, int Couple, bool InvitedDeeper);

public sealed record TodayDto(DateOnly Date, QuestionDto Question, MyAnswerDto? Mine, PartnerAnswerDto Partner, bool Revealed, ReactionsDto Reactions, DepthDto Depth);

public sealed record HistoryAnswerDto(string Text, DateTimeOffset AnsweredAt);

public sealed record HistoryDayDto(DateOnly Date, QuestionDto Question, HistoryAnswerDto Mine, HistoryAnswerDto Partner, ReactionsDto Reactions);

public sealed record HistoryDto(List<HistoryDayDto> Items, DateOnly? NextBefore, int ConnectedDaysThisMonth);

public sealed record CustomQuestionDto(Guid Id, string Text, string Category, int Depth, DateTimeOffset CreatedAt, bool AddedByMe);

public static class QuestionClient
{
    public static async Task<TodayDto> TodayAsync(this TestUser user)
    {
        var response = await user.Api.GetAsync("/api/v1/today");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<TodayDto>();
    }

    public static Task<HttpResponseMessage> AnswerAsync(this TestUser user, string text) =>
        user.Api.PutAsJsonAsync("/api/v1/today/answer", new { text });

    /// <summary>Both partners answer today's question; returns the revealed day as the first sees it.</summary>
    public static async Task<TodayDto> BothAnswerAsync(this (TestUser A, TestUser B) couple, string? a = null, string? b = null)
    {
        Assert.Equal(HttpStatusCode.OK, (await couple.A.AnswerAsync(a ?? "answer of " + couple.A.DisplayName)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await couple.B.AnswerAsync(b ?? "answer of " + couple.B.DisplayName)).StatusCode);
        return await couple.A.TodayAsync();
    }
}
