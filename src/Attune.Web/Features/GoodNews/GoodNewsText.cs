namespace Attune.Features.GoodNews;

/// <summary>This feature's words: <c>GoodNewsText.resx</c> (English) and <c>GoodNewsText.de.resx</c> beside this file.</summary>
internal sealed class GoodNewsText;
