using Attune.Data;
using Attune.Encryption;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Questions;

internal sealed record CustomQuestionRequest(string? Text, string? Category, int? Depth);

internal sealed record CustomQuestionView(Guid Id, string Text, QuestionCategory Category, int Depth, DateTimeOffset CreatedAt, bool AddedByMe);

/// <summary>Questions a couple adds to its own rotation. Both partners see and may remove them.</summary>
internal sealed class CustomQuestionService(AttuneDbContext db, Caller caller, FieldCipher cipher, DailyQuestions questions, TimeProvider time, IStringLocalizer<QuestionsText> t)
{
    public const string Purpose = "custom-question";

    private Dictionary<string, string[]> Validate(CustomQuestionRequest request, out string text, out QuestionCategory category)
    {
        var errors = new Dictionary<string, string[]>();
        text = request.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors["text"] = [t["custom.required"]];
        }
        else if (text.Length > QuestionsOptions.MaxCustomQuestionLength)
        {
            errors["text"] = [t["custom.long", QuestionsOptions.MaxCustomQuestionLength]];
        }

        if (!QuestionCategories.TryParse(request.Category, out category))
        {
            errors["category"] = [t["category.choose"]];
        }

        if (!Depths.IsValid(request.Depth))
        {
            errors["depth"] = [t["depth.choose"]];
        }

        return errors;
    }

    public async Task<List<CustomQuestionView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Set<CustomQuestion>().AsNoTracking().Where(q => q.RemovedAt == null)
            .OrderByDescending(q => q.CreatedAt).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    public async Task<Outcome<CustomQuestionView>> AddAsync(CustomQuestionRequest request, CancellationToken ct)
    {
        if (Validate(request, out var text, out var category) is { Count: > 0 } errors)
        {
            return Failure.Invalid(errors);
        }

        var coupleId = caller.Couple;
        var id = Guid.NewGuid();
        var question = new CustomQuestion
        {
            CoupleId = coupleId,
            Id = id,
            AuthorId = caller.UserId,
            Category = category,
            Depth = request.Depth!.Value,
            Text = CustomQuestionText.Seal(cipher, coupleId, id, text),
            CreatedAt = time.GetUtcNow(),
        };
        db.Add(question);
        await db.SaveChangesAsync(ct);
        return View(question);
    }

    /// <summary>Takes the question out of the rotation; days it was already asked keep it. False when unknown.</summary>
    public async Task<bool> RemoveAsync(Guid id, CancellationToken ct) =>
        await db.Set<CustomQuestion>().Where(q => q.Id == id && q.RemovedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.RemovedAt, time.GetUtcNow()), ct) == 1;

    private CustomQuestionView View(CustomQuestion q) =>
        new(q.Id, questions.OpenCustom(q.CoupleId, q), q.Category, q.Depth, q.CreatedAt, q.AuthorId == caller.UserId);
}
