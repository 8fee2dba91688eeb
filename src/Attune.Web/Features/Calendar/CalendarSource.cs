namespace Attune.Features.Calendar;

/// <summary>
/// One kind of event a feature puts into a partner's calendar feed (<c>/calendar/{token}.ics</c>): rituals, the
/// check-in day, planned dates, letter opening times. A feature registers its source in its <c>AddXxx()</c> with
/// <c>services.AddScoped&lt;ICalendarSource, XxxCalendarSource&gt;()</c>.
/// </summary>
/// <remarks>
/// The feed is read without a signed-in person (the secret token is the credential), so a source must not use
/// <c>Caller</c>: it reads for the <see cref="CalendarOwner"/> it is given, and only what that person may see.
/// Titles only: an item never carries text a person wrote (no answers, notes, letters, custom titles); titles
/// are the project's own words, localized to <see cref="CalendarOwner.Culture"/>. The feed calls sources with that
/// culture as the current (UI) culture, so an <c>IStringLocalizer</c> already speaks the owner's language. A source
/// reads couple rows by <see cref="CalendarOwner.CoupleId"/> with <c>IgnoreQueryFilters()</c> (there is no caller).
/// </remarks>
internal interface ICalendarSource
{
    Task<IReadOnlyList<CalendarItem>> ItemsAsync(CalendarOwner owner, CancellationToken cancellationToken);
}

/// <summary>Whose feed is being built: the person, their couple (if any), the couple's IANA zone and the language.</summary>
internal sealed record CalendarOwner(Guid UserId, Guid? CoupleId, string TimeZone, System.Globalization.CultureInfo Culture);

/// <summary>
/// One event, in the owner's local time (<see cref="CalendarOwner.TimeZone"/>). <see cref="Time"/> null means an
/// all-day event. <see cref="Repeat"/> makes it weekly on the given days (from <see cref="Date"/> on).
/// <see cref="Uid"/> is stable across feed builds (e.g. "ritual-{id}"), so calendar apps update instead of duplicating.
/// </summary>
internal sealed record CalendarItem(
    string Uid,
    string Title,
    DateOnly Date,
    TimeOnly? Time,
    TimeSpan Duration,
    CalendarRepeat? Repeat = null,
    TimeSpan? AlarmBefore = null);

/// <summary>Weekly recurrence on <see cref="Days"/>, optionally until a last local date.</summary>
internal sealed record CalendarRepeat(IReadOnlyList<DayOfWeek> Days, DateOnly? Until = null);
