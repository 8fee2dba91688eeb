namespace Attune.Features.Letters;

/// <summary>This feature's words: <c>LettersText.resx</c> (English) and <c>LettersText.de.resx</c> beside this file.</summary>
internal sealed class LettersText;
