using Attune.Data;
using Attune.Encryption;
using Attune.Features.Accounts;
using Attune.Features.Couples;
using Attune.Features.Questions;
using Microsoft.AspNetCore.Identity;

namespace Attune.Bench.Seed;

/// <summary>Generates couples with a history, in batches, through the app's own DbContext and cipher.</summary>
internal sealed class HistoryGenerator(IServiceProvider services, int days, double answerRate)
{
    public const string Password = "bench-password-1";
    private const int BatchCouples = 500;

    private static readonly string[] Phrases =
    [
        "I keep thinking about the walk we took by the river.", "Honestly, a quiet evening with you and nothing planned.",
        "When my grandmother taught me to bake bread, I felt like the most important person in the room.",
        "I am a little scared of how fast this year is going.", "Your laugh when you forget the end of a joke.",
        "I would like us to travel somewhere neither of us has been, and get a bit lost on purpose.",
    ];

    private readonly string _passwordHash = new PasswordHasher<AttuneUser>(
        Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = PasswordRules.Pbkdf2Iterations }))
        .HashPassword(new AttuneUser(), Password);

    public async Task<long> RunAsync(int couples)
    {
        var library = services.GetRequiredService<QuestionLibrary>().All.Where(q => q.Depth == 1).ToList();
        var time = services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var random = new Random(20261123);
        long rows = 0;

        for (var start = 0; start < couples; start += BatchCouples)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
            var vault = scope.ServiceProvider.GetRequiredService<KeyVault>();
            var cipher = scope.ServiceProvider.GetRequiredService<FieldCipher>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;

            var count = Math.Min(BatchCouples, couples - start);
            var people = new List<(Couple Couple, AttuneUser A, AttuneUser B)>();
            for (var i = start; i < start + count; i++)
            {
                var couple = new Couple { Id = Guid.NewGuid(), Since = time.GetUtcNow().AddDays(-days - 1), TimeZone = "Europe/Berlin" };
                people.Add((couple, User($"a{i}@bench.invalid", $"A{i}", couple.Id, time), User($"b{i}@bench.invalid", $"B{i}", couple.Id, time)));
            }

            // Each person's key, and the couple's, which the app makes when the couple forms (CoupleService.JoinAsync).
            vault.Prepare(people.SelectMany(p => new[] { KeyOwner.User(p.A.Id), KeyOwner.User(p.B.Id), KeyOwner.Couple(p.Couple.Id) }));
            db.AddRange(people.Select(p => p.Couple));
            db.AddRange(people.SelectMany(p => new[] { p.A, p.B }));
            await db.SaveChangesAsync();
            rows += people.Count * 3;
            var dailyRows = new List<DailyQuestion>();
            var answerRows = new List<Answer>();

            foreach (var (couple, a, b) in people)
            {
                for (var d = days; d >= 1; d--)
                {
                    var date = today.AddDays(-d);
                    var question = library[(Math.Abs(couple.Id.GetHashCode()) + d) % library.Count];
                    dailyRows.Add(new DailyQuestion
                    {
                        CoupleId = couple.Id, Date = date, QuestionId = question.Id, Category = question.Category,
                        Depth = question.Depth, Cycle = 1 + ((days - d) / library.Count), AssignedAt = time.GetUtcNow().AddDays(-d),
                    });
                    rows++;
                    foreach (var user in new[] { a, b }.Where(_ => random.NextDouble() < answerRate))
                    {
                        var at = time.GetUtcNow().AddDays(-d);
                        answerRows.Add(new Answer
                        {
                            CoupleId = couple.Id, Date = date, UserId = user.Id, AnsweredAt = at, UpdatedAt = at,
                            Text = cipher.Seal(KeyOwner.User(user.Id), Phrases[random.Next(Phrases.Length)], AnswerPrivacy.AnswerPurpose,
                                AnswerPrivacy.AnswerRow(couple.Id, date, user.Id)),
                        });
                        rows++;
                    }
                }
            }

            await BulkInsert.RunAsync(db, dailyRows);
            await BulkInsert.RunAsync(db, answerRows);
            Console.WriteLine($"  {start + count} couples");
        }

        return rows;
    }

    private AttuneUser User(string email, string name, Guid coupleId, TimeProvider time) => new()
    {
        Id = Guid.NewGuid(),
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        PasswordHash = _passwordHash,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
        DisplayName = name,
        TimeZone = "Europe/Berlin",
        CoupleId = coupleId,
        CreatedAt = time.GetUtcNow(),
    };
}
