using Attune.Tests.Fixtures;

namespace Attune.Tests.Properties;

/// <summary>
/// The hostile-input property reports small counterexamples with a seed that replays them. Checked
/// against a stand-in for the server (no HTTP), which fails on any body containing "&lt;script&gt;".
/// </summary>
public sealed class HostileInputShrinkingTests
{
    private static readonly ApiRoute Answer = new("PUT", "/api/v1/today/answer", [], [], ["text"]);

    [Fact]
    public async Task A_failure_is_shrunk_to_a_small_request_and_reported_with_a_seed_that_replays_it()
    {
        // With this seed the first failing body is a JSON object of several fields, one of them 386,081 characters long.
        const ulong seed = 10;
        var (first, smallest, report) = await RunAsync(seed);

        Assert.NotNull(report);
        Assert.True(first!.Body!.Value.ToString().Length > 100_000, $"the first failure is not the large one this seed gives: {first}");
        Assert.Equal("""Json: {"Text":"<script>"}""", smallest!.Body!.ToString());
        Assert.Contains($"Replay: {PropertyRuns.ReplayVariable}='{Answer.Name} {seed}'", report, StringComparison.Ordinal);

        var replayed = await RunAsync(seed);
        Assert.Equal(first.ToString(), replayed.First!.ToString());
        Assert.Equal(smallest.ToString(), replayed.Smallest!.ToString());
    }

    private static async Task<(HostileRequest? First, HostileRequest? Smallest, string? Report)> RunAsync(ulong seed)
    {
        HostileRequest? first = null;
        HostileRequest? smallest = null;
        var report = await PropertyRuns.CheckAsync(nameof(HostileInputShrinkingTests), Answer.Name, HostileInput.Requests(Answer), request =>
        {
            if (request.Body is { Shape: not (BodyShape.Empty or BodyShape.InvalidUtf8) } body && body.Value.ToString().Contains("<script>", StringComparison.Ordinal))
            {
                // FsCheck tries smaller candidates only while they still fail, so the last failure seen is the shrunk one.
                first ??= request;
                smallest = request;
                throw new InvalidOperationException("markup in the body");
            }

            return Task.CompletedTask;
        }, maxTest: 1000, seed);
        return (first, smallest, report);
    }
}
