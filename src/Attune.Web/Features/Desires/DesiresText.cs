namespace Attune.Features.Desires;

/// <summary>The words of desires: keys in DesiresText.resx and DesiresText.de.resx.</summary>
internal sealed class DesiresText;
