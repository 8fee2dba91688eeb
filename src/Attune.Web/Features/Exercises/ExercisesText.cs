namespace Attune.Features.Exercises;

/// <summary>This feature's words, and the evening's 36 questions: <c>ExercisesText.resx</c> (English) and <c>ExercisesText.de.resx</c> beside this file.</summary>
internal sealed class ExercisesText;
