using Attune.Features.Couples;

namespace Attune.Tests.Unit;

public sealed class InvitationCodeTests
{
    [Fact]
    public void New_codes_are_eight_unambiguous_characters()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => InvitationCode.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJ-KM-NP-TV-Z2-8]{8}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("abcd-efgh", "ABCDEFGH")]
    [InlineData(" ABCD EFGH ", "ABCDEFGH")]
    [InlineData("ABCDEFGH", "ABCDEFGH")]
    [InlineData("ABCD-EFG", null)]
    [InlineData("ABCD-EFGHJ", null)]
    [InlineData("ABCD-EF0H", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("ABCD;DROP TABLE", null)]
    public void Normalising_accepts_what_people_type_and_refuses_the_rest(string? input, string? expected) =>
        Assert.Equal(expected, InvitationCode.Normalize(input));

    [Fact]
    public void Codes_are_shown_in_two_groups_of_four() =>
        Assert.Equal("ABCD-EFGH", InvitationCode.Format("ABCDEFGH"));
}
