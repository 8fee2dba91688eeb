namespace Attune.Features.Listening;

/// <summary>Marker for the speaker–listener session's words (ListeningText.resx, ListeningText.de.resx).</summary>
internal sealed class ListeningText;
