using Attune.Features.Questions;

namespace Attune.Tests.Unit;

public sealed class QuestionLibraryTests
{
    private readonly QuestionLibrary _library = new();

    [Fact]
    public void The_library_has_at_least_300_questions_and_60_at_each_depth()
    {
        Assert.True(_library.All.Count >= 300, $"{_library.All.Count} questions");
        foreach (var depth in new[] { 1, 2, 3 })
        {
            Assert.True(_library.All.Count(q => q.Depth == depth) >= 60, $"depth {depth}");
        }
    }

    [Fact]
    public void Every_category_and_every_dimension_is_served()
    {
        Assert.All(Enum.GetValues<QuestionCategory>(), c => Assert.True(_library.All.Count(q => q.Category == c) >= 40, c.ToString()));
        Assert.All(QuestionLibrary.KnownDimensions, d => Assert.Contains(_library.All, q => q.Dimensions.Contains(d)));
    }

    [Fact]
    public void Ids_and_texts_are_unique_and_texts_are_questions()
    {
        Assert.Equal(_library.All.Count, _library.All.Select(q => q.Id).Distinct().Count());
        Assert.Equal(_library.All.Count, _library.All.Select(q => q.Text.ToUpperInvariant()).Distinct().Count());
        Assert.All(_library.All, q => Assert.EndsWith("?", q.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_library_is_refused_at_start()
    {
        LibraryEntry Entry(string id, int depth) => new(id, QuestionCategory.Fun, depth, ["togetherness"], "Why?");
        Assert.Throws<InvalidOperationException>(() => new QuestionLibrary([Entry("a", 1), Entry("a", 2)]));
        Assert.Throws<InvalidOperationException>(() => new QuestionLibrary([Entry("a", 4)]));
        Assert.Throws<InvalidOperationException>(() => new QuestionLibrary([new LibraryEntry("b", QuestionCategory.Fun, 1, ["romance"], "Why?")]));
    }
}
