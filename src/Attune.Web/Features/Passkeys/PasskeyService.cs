using System.Buffers.Text;
using Attune.Features.Accounts;
using Attune.Data;
using Attune.Features.Audit;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Attune.Features.Passkeys;

internal sealed record PasskeyView(string Id, string Name, DateTimeOffset CreatedAt, bool Synced);

internal sealed record AddPasskeyRequest(string? Credential, string? Name, string? Password = null);

/// <summary>
/// Passkeys (WebAuthn) through ASP.NET Core Identity: the ceremony and its verification are
/// Identity's; Attune names them, lists them, removes them and records each change as a security event.
/// </summary>
internal sealed class PasskeyService(UserManager<AttuneUser> users, SignInManager<AttuneUser> signIn, AuditLog audit, TimeProvider time, IStringLocalizer<PasskeysText> t)
{
    public const int MaxNameLength = 60;

    public async Task<List<PasskeyView>> ListAsync(Guid me)
    {
        var user = await users.RequireAsync(me);
        return [.. (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyView(Base64Url.EncodeToString(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt, p.IsBackedUp))];
    }

    /// <summary>The options for navigator.credentials.create(); the challenge is kept by Identity for the next call.</summary>
    public async Task<string> CreationOptionsAsync(Guid me)
    {
        var user = await users.RequireAsync(me);
        return await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id.ToString(),
            Name = user.Email ?? user.UserName ?? user.Id.ToString(),
            DisplayName = user.DisplayName,
        });
    }

    /// <summary>Verifies the new credential against the challenge and stores it.</summary>
    public async Task<Outcome> AddAsync(Guid me, AddPasskeyRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Credential))
        {
            return Failure.Field("credential", t["passkey.missing"]);
        }

        if (!await PasskeyCeremony.IsUnderwayAsync(signIn.Context, PasskeyCeremony.Attestation))
        {
            return Failure.Field("credential", t["passkey.add.stale"]);
        }

        var result = await signIn.PerformPasskeyAttestationAsync(request.Credential);
        if (!result.Succeeded || result.UserEntity.Id != me.ToString())
        {
            return Failure.Field("credential", t["passkey.unverified"]);
        }

        var name = request.Name?.Trim();
        result.Passkey.Name = string.IsNullOrEmpty(name) ? t["passkey.name.default", time.GetUtcNow().ToString(t["format.date"], System.Globalization.CultureInfo.CurrentCulture)] : name[..Math.Min(name.Length, MaxNameLength)];
        var stored = await users.AddOrUpdatePasskeyAsync(await users.RequireAsync(me), result.Passkey);
        if (!stored.Succeeded)
        {
            return Failure.Field("credential", t["passkey.unsaved"]);
        }

        await audit.RecordAsync(AuditKind.PasskeyAdded, me);
        return Outcome.Done;
    }

    public async Task<bool> RemoveAsync(Guid me, string id)
    {
        if (!Base64Url.IsValid(id))
        {
            return false;
        }

        var credentialId = Base64Url.DecodeFromChars(id);
        var user = await users.RequireAsync(me);
        if (await users.GetPasskeyAsync(user, credentialId) is null || !(await users.RemovePasskeyAsync(user, credentialId)).Succeeded)
        {
            return false;
        }

        await audit.RecordAsync(AuditKind.PasskeyRemoved, me);
        return true;
    }
}
