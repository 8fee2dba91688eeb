namespace Attune.Features.Calendar;

/// <summary>The calendar feature's words (CalendarText.resx, CalendarText.de.resx).</summary>
internal sealed class CalendarText;
