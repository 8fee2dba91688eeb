namespace Attune.Features.Passkeys;

/// <summary>The words of the Passkeys feature (<c>PasskeysText.resx</c>, <c>PasskeysText.de.resx</c>).</summary>
internal sealed class PasskeysText;
