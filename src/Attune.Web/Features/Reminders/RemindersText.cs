namespace Attune.Features.Reminders;

/// <summary>The words of the reminders feature (RemindersText.resx, RemindersText.de.resx).</summary>
internal sealed class RemindersText;
