namespace Attune.Features.Apologies;

/// <summary>Marker for the apology flow's words (ApologiesText.resx, ApologiesText.de.resx).</summary>
internal sealed class ApologiesText;
