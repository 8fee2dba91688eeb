namespace Attune.Features.Activities;

/// <summary>Marks the library of ideas: <c>idea.{key}</c> (a short title) and <c>idea.{key}.text</c> (one sentence).</summary>
internal sealed class ActivityIdeasText;
