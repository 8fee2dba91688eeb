namespace Attune.Features.Rituals;

/// <summary>This feature's words: <c>RitualsText.resx</c> (English) and <c>RitualsText.de.resx</c> beside this file.</summary>
internal sealed class RitualsText;
