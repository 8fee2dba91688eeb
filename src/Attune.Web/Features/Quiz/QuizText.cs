namespace Attune.Features.Quiz;

internal sealed class QuizText;
