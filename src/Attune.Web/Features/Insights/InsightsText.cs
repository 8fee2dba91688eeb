namespace Attune.Features.Insights;

/// <summary>This feature's words: <c>InsightsText.resx</c> (English) and <c>InsightsText.de.resx</c> beside this file.</summary>
internal sealed class InsightsText;
