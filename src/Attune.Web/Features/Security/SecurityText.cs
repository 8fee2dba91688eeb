namespace Attune.Features.Security;

/// <summary>This feature's words: <c>SecurityText.resx</c> (English) and <c>SecurityText.de.resx</c> beside this file.</summary>
internal sealed class SecurityText;
