using Attune.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Attune.Features.Accounts;

/// <summary>
/// Accounts made through the API carry only an e-mail: give them a name to start with (the part before
/// the @) and a creation time, whichever way they were made.
/// </summary>
internal sealed class NewAccountDefaults(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Apply(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<AttuneUser>().Where(e => e.State == EntityState.Added))
        {
            var user = entry.Entity;
            if (string.IsNullOrWhiteSpace(user.DisplayName))
            {
                var email = user.Email ?? user.UserName ?? "";
                var at = email.IndexOf('@', StringComparison.Ordinal);
                var name = at > 0 ? email[..at] : email;
                user.DisplayName = name.Length > AttuneUser.MaxDisplayNameLength ? name[..AttuneUser.MaxDisplayNameLength] : name;
            }

            if (user.CreatedAt == default)
            {
                user.CreatedAt = time.GetUtcNow();
            }
        }
    }
}
