using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Attune.Encryption;
using Attune.Features.Security;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Attune.Tests.Api;

public sealed record TwoStepSetupDto(string SharedKey, string AuthenticatorUri, string QrCode);

public sealed record RecoveryCodesDto(List<string> RecoveryCodes);

public sealed record TwoStepStatusDto(bool Enabled, int RecoveryCodesLeft);

/// <summary>Two-step sign-in with an authenticator app, driven by the app's fake clock.</summary>
public abstract class TwoStepApiTests(AttuneApp app)
{
    [Fact]
    public async Task With_two_step_on_the_password_alone_is_not_enough_and_each_code_works_once()
    {
        var user = await app.RegisterAsync();
        var totp = await EnableAsync(user);
        using var anonymous = app.CreateHttpClient();

        var passwordOnly = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, passwordOnly.StatusCode);
        Assert.Contains("RequiresTwoFactor", await passwordOnly.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        app.Time.Advance(TimeSpan.FromSeconds(30));
        var code = Code(totp);
        var withCode = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password, twoFactorCode = code });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);

        var replay = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password, twoFactorCode = code });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_is_then_used_up()
    {
        var user = await app.RegisterAsync();
        var recovery = await EnableAndGetCodesAsync(user);
        using var anonymous = app.CreateHttpClient();

        var first = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password, twoFactorRecoveryCode = recovery[0] });
        var second = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password, twoFactorRecoveryCode = recovery[0] });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        var status = await user.Api.GetFromJsonAsync<TwoStepStatusDto>("/api/v1/me/two-step");
        Assert.Equal(new TwoStepStatusDto(true, 9), status);
    }

    [Theory]
    [InlineData(true, "code")]
    [InlineData(false, "password")]
    public async Task Enabling_needs_a_current_code_and_the_password(bool rightPassword, string field)
    {
        var user = await app.RegisterAsync();
        await (await user.Api.PostAsync("/api/v1/me/two-step/setup", null)).ReadAsync<TwoStepSetupDto>();

        var response = await user.Api.PostAsJsonAsync("/api/v1/me/two-step/enable",
            new { code = "000000", password = rightPassword ? user.Password : "not the password" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await user.Api.GetFromJsonAsync<TwoStepStatusDto>("/api/v1/me/two-step"))!.Enabled);
    }

    [Fact]
    public async Task Turning_it_off_needs_the_password_and_then_the_password_alone_signs_in_again()
    {
        var user = await app.RegisterAsync();
        await EnableAsync(user);

        Assert.Equal(HttpStatusCode.BadRequest, (await user.Api.PostAsJsonAsync("/api/v1/me/two-step/disable", new { password = "wrong one" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Api.PostAsJsonAsync("/api/v1/me/two-step/disable", new { password = user.Password })).StatusCode);

        using var api = await app.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_setup_key_is_a_standard_authenticator_uri_with_a_qr_code()
    {
        var user = await app.RegisterAsync();
        var setup = await (await user.Api.PostAsync("/api/v1/me/two-step/setup", null)).ReadAsync<TwoStepSetupDto>();

        Assert.StartsWith("otpauth://totp/Attune%3A", setup.AuthenticatorUri, StringComparison.Ordinal);
        Assert.Contains("secret=" + setup.SharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), setup.AuthenticatorUri, StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", setup.QrCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_authenticator_key_and_recovery_codes_are_sealed_at_rest_and_two_step_sign_in_still_works()
    {
        var user = await app.RegisterAsync();
        var (totp, codes, key) = await EnableWithCodesAsync(user);
        string[] secrets = [key, .. codes];

        var stored = await StoredSecretsAsync(user.Id);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, value => Assert.DoesNotContain(secrets, s => value.Contains(s, StringComparison.OrdinalIgnoreCase)));
        if (app.Database == DatabaseKind.Sqlite)
        {
            foreach (var file in Directory.EnumerateFiles(app.DataDirectory, "*", SearchOption.AllDirectories))
            {
                var bytes = System.Text.Encoding.ASCII.GetString(await EncryptionAtRestTests.ReadSharedAsync(file));
                Assert.DoesNotContain(secrets, s => bytes.Contains(s, StringComparison.Ordinal));
            }
        }

        using var anonymous = app.CreateHttpClient();
        app.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password, twoFactorCode = Code(totp) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password, twoFactorRecoveryCode = codes[3] })).StatusCode);
        Assert.Equal(new TwoStepStatusDto(true, 9), await user.Api.GetFromJsonAsync<TwoStepStatusDto>("/api/v1/me/two-step"));
    }

    [Fact]
    public async Task Secrets_stored_in_plain_text_by_an_earlier_version_still_work_and_are_sealed_on_first_use()
    {
        var user = await app.RegisterAsync();
        await EnableAsync(user);
        var key = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        await app.WithDbAsync(async db =>
        {
            var tokens = db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == "[AspNetUserStore]");
            await tokens.Where(t => t.Name == "AuthenticatorKey").ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, key));
            return await tokens.Where(t => t.Name == "RecoveryCodes").ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, "AAAAA-11111;BBBBB-22222"));
        });

        using var anonymous = app.CreateHttpClient();
        app.Time.Advance(TimeSpan.FromSeconds(30));
        var withCode = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password, twoFactorCode = Code(new Totp(Base32Encoding.ToBytes(key))) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password, twoFactorRecoveryCode = "AAAAA-11111" })).StatusCode);
        Assert.Equal(new TwoStepStatusDto(true, 1), await user.Api.GetFromJsonAsync<TwoStepStatusDto>("/api/v1/me/two-step"));

        Assert.All(await StoredSecretsAsync(user.Id), value =>
        {
            Assert.DoesNotContain(key, value, StringComparison.Ordinal);
            Assert.DoesNotContain("BBBBB-22222", value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Deleting_the_account_shreds_its_two_step_secrets_in_every_copy()
    {
        var user = await app.RegisterAsync();
        var (_, codes, key) = await EnableWithCodesAsync(user);
        // What a database backup taken now would hold.
        var copy = await app.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == "[AspNetUserStore]")
            .ToDictionaryAsync(t => t.Name, t => t.Value!));
        var cipher = app.Services.GetRequiredService<FieldCipher>();
        Assert.Equal(key, SealedTwoStepStore.Open(cipher, user.Id, "AuthenticatorKey", copy["AuthenticatorKey"]));
        Assert.Equal(string.Join(';', codes), SealedTwoStepStore.Open(cipher, user.Id, "RecoveryCodes", copy["RecoveryCodes"]));

        Assert.Equal(HttpStatusCode.NoContent, (await user.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = user.Password })).StatusCode);

        Assert.All(copy, token => Assert.ThrowsAny<CryptographicException>(() => SealedTwoStepStore.Open(cipher, user.Id, token.Key, token.Value)));
    }

    private Task<List<string>> StoredSecretsAsync(Guid userId) =>
        app.WithDbAsync(db => db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == "[AspNetUserStore]" && (t.Name == "AuthenticatorKey" || t.Name == "RecoveryCodes"))
            .Select(t => t.Value!).ToListAsync());

    private async Task<Totp> EnableAsync(TestUser user) => (await EnableWithCodesAsync(user)).Totp;

    private async Task<List<string>> EnableAndGetCodesAsync(TestUser user) => (await EnableWithCodesAsync(user)).Codes;

    /// <summary>Scans the key as an app would, proves it with a current code, and keeps the recovery codes.</summary>
    private async Task<(Totp Totp, List<string> Codes, string Key)> EnableWithCodesAsync(TestUser user)
    {
        var setup = await (await user.Api.PostAsync("/api/v1/me/two-step/setup", null)).ReadAsync<TwoStepSetupDto>();
        var key = setup.SharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var enabled = await user.Api.PostAsJsonAsync("/api/v1/me/two-step/enable", new { code = Code(totp), password = user.Password });
        Assert.True(enabled.StatusCode == HttpStatusCode.OK, await enabled.Content.ReadAsStringAsync());
        var codes = (await enabled.ReadAsync<RecoveryCodesDto>()).RecoveryCodes;
        Assert.Equal(10, codes.Count);
        return (totp, codes, key);
    }

    private string Code(Totp totp) => totp.ComputeTotp(app.Time.GetUtcNow().UtcDateTime);
}

public sealed class SqliteTwoStepApiTests(AttuneApp app, ITestOutputHelper output) : TwoStepApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresTwoStepApiTests(PostgresAttuneApp app, ITestOutputHelper output) : TwoStepApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
