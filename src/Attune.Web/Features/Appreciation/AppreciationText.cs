namespace Attune.Features.Appreciation;

/// <summary>This feature's words: <c>AppreciationText.resx</c> (English) and <c>AppreciationText.de.resx</c> beside this file.</summary>
internal sealed class AppreciationText;
