namespace Attune.Data;

/// <summary>
/// Work a feature does on the database at every start-up, after migrations (e.g. the question library
/// brought in line with its data file). Must be safe to repeat and to run on several instances at once.
/// </summary>
internal interface IDatabaseStartupTask
{
    Task RunAsync(AttuneDbContext db, CancellationToken ct);
}
