namespace Attune.Features.Home;

/// <summary>The words of the front page and the error page (<c>HomeText.resx</c>, <c>HomeText.de.resx</c>).</summary>
internal sealed class HomeText;
