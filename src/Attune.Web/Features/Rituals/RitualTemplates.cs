namespace Attune.Features.Rituals;

/// <summary>A ritual the project suggests: its key (titles and descriptions are words in <see cref="RitualsText"/>) and defaults.</summary>
internal sealed record RitualTemplate(string Key, IReadOnlyList<DayOfWeek> Days, TimeOnly Time, int DurationMinutes);

internal static class RitualTemplates
{
    public static IReadOnlyList<RitualTemplate> All { get; } =
    [
        new("no-phone-dinner", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], new(19, 0), 45),
        new("walk-and-talk", [DayOfWeek.Saturday, DayOfWeek.Sunday], new(10, 0), 30),
        new("bedtime-checkin", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday], new(22, 0), 10),
        new("date-night", [DayOfWeek.Friday], new(19, 30), 120),
        new("weekly-checkin", [DayOfWeek.Sunday], new(18, 0), 30),
    ];

    public static RitualTemplate? Find(string? key) => All.FirstOrDefault(t => t.Key == key);
}
