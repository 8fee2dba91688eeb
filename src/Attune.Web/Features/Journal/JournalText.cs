namespace Attune.Features.Journal;

/// <summary>This feature's words: <c>JournalText.resx</c> (English) and <c>JournalText.de.resx</c> beside this file.</summary>
internal sealed class JournalText;
