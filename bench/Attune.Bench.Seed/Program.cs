// Fills Attune's database (SQLite or PostgreSQL, chosen by the same settings as the app) with
// N couples and their history: daily questions, answers (encrypted like the app does) and reactions.
// Usage: dotnet run -c Release --project bench/Attune.Bench.Seed -- --couples 1000 --days 365 \
//          --Attune:DataDirectory=/tmp/bench-data [--Database:Provider=Postgres --ConnectionStrings:Attune=...]
// Every account's password is "bench-password-1"; accounts are a{i}@bench.invalid and b{i}@bench.invalid.
// With --sign-in PEOPLE_FILE --cookies-out FILE --tokens-out FILE [--tokens N] it seeds nothing and signs the listed
// people in instead (see SignIns): a sign-in cookie for each, a bearer token for the first N.
using System.Diagnostics;
using Attune.Bench.Seed;
using Attune.Data;
using Attune.Hosting;

var couples = Arguments.Int(args, "--couples", 1000);
var days = Arguments.Int(args, "--days", 365);
var answerRate = Arguments.Int(args, "--answer-percent", 70) / 100.0;

var builder = WebApplication.CreateBuilder(args);
builder.AddAttune();
builder.Logging.ClearProviders();
await using var app = builder.Build();
await app.MigrateAttuneDatabaseAsync();

var clock = Stopwatch.StartNew();
if (Arguments.String(args, "--sign-in") is { } peopleFile)
{
    await SignIns.RunAsync(app.Services, peopleFile, Arguments.String(args, "--cookies-out")!, Arguments.String(args, "--tokens-out")!,
        Arguments.Int(args, "--tokens", 0));
    Console.WriteLine($"signed in the people of {peopleFile} in {clock.Elapsed.TotalSeconds:F1} s");
    return;
}

var generator = new HistoryGenerator(app.Services, days, answerRate);
var rows = await generator.RunAsync(couples);
Console.WriteLine($"seeded {couples} couples, {rows} rows in {clock.Elapsed.TotalSeconds:F1} s ({rows / clock.Elapsed.TotalSeconds:F0} rows/s)");
