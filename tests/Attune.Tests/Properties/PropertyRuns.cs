using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Attune.Tests.Properties;

/// <summary>
/// Runs one FsCheck property with a seed of its own and turns a failure into text that names the
/// seed. FsCheck generates the inputs, stops at the first that fails, shrinks it (with the
/// arbitrary's shrinker) to the smallest that still fails, and reports both.
///
/// To replay a failure, copy the "Replay:" line of its report, for example
///   ATTUNE_REPLAY='PUT /api/v1/me 1234567890' ./test.sh --filter "FullyQualifiedName~HostileInputTests"
/// That runs only the property named before the seed, with that seed: FsCheck then generates the same
/// inputs in the same order (and so finds and shrinks the same failure, as long as the app behaves the same).
/// </summary>
public static class PropertyRuns
{
    public const string ReplayVariable = "ATTUNE_REPLAY";

    /// <summary>The property and seed to replay, when <see cref="ReplayVariable"/> is set.</summary>
    public static (string Name, ulong Seed)? Replay
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(ReplayVariable)?.Trim();
            var space = value?.LastIndexOf(' ') ?? -1;
            return space > 0 && ulong.TryParse(value![(space + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
                ? (value[..space].Trim(), seed)
                : null;
        }
    }

    /// <summary>True when this run checks the named property: always, unless another one is being replayed.</summary>
    public static bool Selects(string name) => Replay is not { } replay || replay.Name == name;

    /// <summary>
    /// Checks that <paramref name="property"/> (of the test class <paramref name="test"/>) completes for <paramref name="maxTest"/> generated values.
    /// Null when it held; otherwise FsCheck's report (original and shrunk value, the exception) and a replay line.
    /// </summary>
    public static async Task<string?> CheckAsync<T>(string test, string name, Arbitrary<T> values, Func<T, Task> property, int maxTest, ulong? seed = null)
    {
        var runSeed = seed ?? (Replay is { } replay && replay.Name == name ? replay.Seed : (ulong)System.Random.Shared.NextInt64());
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(maxTest)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<FsCheck.Replay>.Some(new FsCheck.Replay(new Rnd(runSeed), FSharpOption<int>.None)));
        try
        {
            // Off the test's synchronisation context: FsCheck waits for each asynchronous test synchronously.
            await Task.Run(() => Check.One(name, config, Prop.ForAll(values, property)));
            return null;
        }
#pragma warning disable CA1031 // FsCheck reports a falsified property as a plain Exception
        catch (Exception failure)
#pragma warning restore CA1031
        {
            // FsCheck's message starts with the property's name.
            return $"{failure.Message}\nReplay: {ReplayVariable}='{name} {runSeed}' ./test.sh --filter \"FullyQualifiedName~{test}\"";
        }
    }
}
