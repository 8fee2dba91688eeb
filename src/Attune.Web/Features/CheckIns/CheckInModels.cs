namespace Attune.Features.CheckIns;

/// <summary>
/// A check-in as written (a draft save or a submission). <paramref name="Week"/> is optional: when given it must be
/// the current week, so a page or app left open over the week's end cannot write into the next one.
/// </summary>
internal sealed record CheckInRequest(
    DateOnly? Week, int? Trust, int? Communication, int? Vulnerability, int? Empathy, int? Support, int? Togetherness,
    int? FeltAlone, int? Closeness, List<string?>? Appreciations, string? WentWell, string? Concern, string? Wish);

/// <summary>One partner's answers for a week.</summary>
internal sealed record CheckInAnswers(
    int? Trust, int? Communication, int? Vulnerability, int? Empathy, int? Support, int? Togetherness,
    int? FeltAlone, int? Closeness, IReadOnlyList<string> Appreciations, string? WentWell, string? Concern, string? Wish,
    DateTimeOffset? SubmittedAt);

/// <summary>The free texts, sealed together as one JSON value under the author's key.</summary>
internal sealed record CheckInTexts(IReadOnlyList<string> Appreciations, string? WentWell, string? Concern, string? Wish)
{
    public static readonly CheckInTexts Empty = new([], null, null, null);

    public bool HasWords => Appreciations.Count > 0 || WentWell is not null || Wish is not null;
}

/// <summary>
/// A week as the caller may see it: always their own answers; of the partner only whether they have checked in
/// (submitted), and their answers once both have submitted. A partner's draft is never mentioned.
/// </summary>
internal sealed record CheckInWeekView(
    DateOnly Week, DayOfWeek Day, CheckInAnswers? Mine, bool PartnerCheckedIn, bool Revealed, CheckInAnswers? Partner,
    DateTimeOffset? ConversationDoneAt);

internal sealed record CheckInListResponse(IReadOnlyList<CheckInWeekView> Items, DateOnly? NextBefore);

internal sealed record CheckInDayRequest(string? Day);
