namespace Attune.Features.Questions;

/// <summary>This feature's words: <c>QuestionsText.resx</c> (English) and <c>QuestionsText.de.resx</c> beside this file.</summary>
internal sealed class QuestionsText;
