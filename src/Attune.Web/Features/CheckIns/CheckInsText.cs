namespace Attune.Features.CheckIns;

/// <summary>This feature's words: <c>CheckInsText.resx</c> (English) and <c>CheckInsText.de.resx</c> beside this file.</summary>
internal sealed class CheckInsText;
