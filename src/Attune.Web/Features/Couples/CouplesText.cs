namespace Attune.Features.Couples;

/// <summary>This feature's words: <c>CouplesText.resx</c> (English) and <c>CouplesText.de.resx</c> beside this file.</summary>
internal sealed class CouplesText;
