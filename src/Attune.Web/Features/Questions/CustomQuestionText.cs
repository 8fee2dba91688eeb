using Attune.Encryption;

namespace Attune.Features.Questions;

/// <summary>
/// How a custom question's text is sealed, bound to its row (couple and question id). While the couple
/// lasts it is under the couple's key. When the couple ends that key is destroyed, so the questions the
/// remaining partner wrote (theirs to keep: they are in their export) are first re-sealed under that
/// partner's own key; <see cref="Open"/> accepts either, and nothing else.
/// </summary>
internal static class CustomQuestionText
{
    public static byte[] Seal(FieldCipher cipher, Guid coupleId, Guid questionId, string text) =>
        cipher.Seal(KeyOwner.Couple(coupleId), text, CustomQuestionService.Purpose, Row(coupleId, questionId));

    /// <summary>Fails closed (<see cref="System.Security.Cryptography.CryptographicException"/>) like <see cref="FieldCipher.Open"/>.</summary>
    public static string Open(FieldCipher cipher, CustomQuestion question)
    {
        var author = KeyOwner.User(question.AuthorId);
        var owner = cipher.OwnerOf(question.Text) == author ? author : KeyOwner.Couple(question.CoupleId);
        return cipher.Open(owner, question.Text, CustomQuestionService.Purpose, Row(question.CoupleId, question.Id));
    }

    /// <summary>
    /// Re-seals the text under its author's own key, in the tracked entity (the caller saves). False when it
    /// is not under the couple's key (already moved, or that key is gone): safe to repeat.
    /// </summary>
    public static bool MoveToAuthor(FieldCipher cipher, CustomQuestion question)
    {
        if (cipher.OwnerOf(question.Text) != KeyOwner.Couple(question.CoupleId))
        {
            return false;
        }

        var text = Open(cipher, question);
        question.Text = cipher.Seal(KeyOwner.User(question.AuthorId), text, CustomQuestionService.Purpose, Row(question.CoupleId, question.Id));
        return true;
    }

    private static string Row(Guid coupleId, Guid questionId) => $"custom_questions/{coupleId:N}/{questionId:N}";
}
