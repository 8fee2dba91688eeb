namespace Attune.Features.Coach;

/// <summary>Marker for the coach's words (CoachText.resx, CoachText.de.resx).</summary>
internal sealed class CoachText;
