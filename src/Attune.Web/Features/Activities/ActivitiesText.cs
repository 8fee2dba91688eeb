namespace Attune.Features.Activities;

/// <summary>Marks the words of Something new together (ActivitiesText.resx, ActivitiesText.de.resx).</summary>
internal sealed class ActivitiesText;
