namespace Attune.Features.SafeHaven;

/// <summary>This feature's words: <c>SafeHavenText.resx</c> (English) and <c>SafeHavenText.de.resx</c> beside this file.</summary>
internal sealed class SafeHavenText;
