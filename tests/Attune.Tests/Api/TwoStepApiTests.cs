using System.Net;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;
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

    private async Task<Totp> EnableAsync(TestUser user) => (await EnableWithCodesAsync(user)).Totp;

    private async Task<List<string>> EnableAndGetCodesAsync(TestUser user) => (await EnableWithCodesAsync(user)).Codes;

    /// <summary>Scans the key as an app would, proves it with a current code, and keeps the recovery codes.</summary>
    private async Task<(Totp Totp, List<string> Codes)> EnableWithCodesAsync(TestUser user)
    {
        var setup = await (await user.Api.PostAsync("/api/v1/me/two-step/setup", null)).ReadAsync<TwoStepSetupDto>();
        var totp = new Totp(Base32Encoding.ToBytes(setup.SharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()));
        var enabled = await user.Api.PostAsJsonAsync("/api/v1/me/two-step/enable", new { code = Code(totp), password = user.Password });
        Assert.True(enabled.StatusCode == HttpStatusCode.OK, await enabled.Content.ReadAsStringAsync());
        var codes = (await enabled.ReadAsync<RecoveryCodesDto>()).RecoveryCodes;
        Assert.Equal(10, codes.Count);
        return (totp, codes);
    }

    private string Code(Totp totp) => totp.ComputeTotp(app.Time.GetUtcNow().UtcDateTime);
}

public sealed class SqliteTwoStepApiTests(AttuneApp app, ITestOutputHelper output) : TwoStepApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresTwoStepApiTests(PostgresAttuneApp app, ITestOutputHelper output) : TwoStepApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
