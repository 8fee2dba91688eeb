using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Processes;

/// <summary>
/// docs/scaling.md, "Several app instances", with two real processes on one PostgreSQL database and one
/// key folder: a session from one instance works on the other, a revocation through one is honoured by
/// the other within Sessions:CacheFor, the reveal holds across instances, and two instances started at
/// the same moment on nothing at all agree on every key.
/// </summary>
public sealed class SeveralInstancesTests(RunningInstances running) : IClassFixture<RunningInstances>
{
    private AppProcess A => running.Instances.A;

    private AppProcess B => running.Instances.B;

    [Fact]
    public async Task A_bearer_token_and_a_cookie_from_one_instance_work_on_the_other()
    {
        await running.Instances.ExplainingFailuresAsync(async () =>
        {
            var email = NewEmail();
            var token = await A.RegisterAsync(email);
            var cookie = await TwoInstances.CookieSignInAsync(A, email);
            using var onA = A.Client(token);
            using var onB = B.Client(token);

            var me = await onA.GetFromJsonAsync<MeDto>("/api/v1/me");
            Assert.Equal(me, await onB.GetFromJsonAsync<MeDto>("/api/v1/me"));
            var withCookie = await TwoInstances.GetWithCookieAsync(B, "/api/v1/me", cookie);
            Assert.Equal(me, await withCookie.ReadAsync<MeDto>());
            // A page as well: B shows it instead of sending the browser to sign in.
            Assert.Equal(HttpStatusCode.OK, (await TwoInstances.GetWithCookieAsync(B, "/profile", cookie)).StatusCode);
        });
    }

    [Fact]
    public async Task A_session_revoked_through_one_instance_is_refused_by_the_other_within_the_cache_time()
    {
        await running.Instances.ExplainingFailuresAsync(async () =>
        {
            var email = NewEmail();
            var keeper = await A.RegisterAsync(email);
            var token = await TwoInstances.SignInAsync(A, email);
            var cookie = await TwoInstances.CookieSignInAsync(A, email);
            using var keeperOnA = A.Client(keeper);
            using var keeperOnB = B.Client(keeper);
            using var tokenOnA = A.Client(token);
            using var tokenOnB = B.Client(token);
            var bearerSession = (await tokenOnA.GetFromJsonAsync<List<SessionDto>>("/api/v1/me/sessions"))!.Single(s => s.Current).Id;
            var cookieSession = (await (await TwoInstances.GetWithCookieAsync(A, "/api/v1/me/sessions", cookie))
                .ReadAsync<List<SessionDto>>()).Single(s => s.Current).Id;

            // B confirms both sessions now, so it holds them in memory when they are revoked.
            Assert.Equal(HttpStatusCode.OK, (await tokenOnB.GetAsync("/api/v1/me")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await TwoInstances.GetWithCookieAsync(B, "/api/v1/me", cookie)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await keeperOnA.DeleteAsync($"/api/v1/me/sessions/{bearerSession}")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await keeperOnA.DeleteAsync($"/api/v1/me/sessions/{cookieSession}")).StatusCode);

            Assert.Equal(HttpStatusCode.Unauthorized, (await tokenOnA.GetAsync("/api/v1/me")).StatusCode);
            await TwoInstances.EventuallyAsync("B refuses the revoked bearer token",
                async () => (await tokenOnB.GetAsync("/api/v1/me")).StatusCode == HttpStatusCode.Unauthorized);
            await TwoInstances.EventuallyAsync("B refuses the revoked cookie",
                async () => (await TwoInstances.GetWithCookieAsync(B, "/api/v1/me", cookie)).StatusCode == HttpStatusCode.Unauthorized);
            Assert.Equal(HttpStatusCode.OK, (await keeperOnB.GetAsync("/api/v1/me")).StatusCode);
        });
    }

    [Fact]
    public async Task The_reveal_holds_across_instances()
    {
        await running.Instances.ExplainingFailuresAsync(async () =>
        {
            var (first, second) = await A.PairAsync();
            using var firstOnA = A.Client(first);
            using var firstOnB = B.Client(first);
            using var secondOnA = A.Client(second);
            using var secondOnB = B.Client(second);
            HttpClient[] everyone = [firstOnA, firstOnB, secondOnA, secondOnB];
            var (firstWords, secondWords) = ($"first {Guid.NewGuid():N}", $"second {Guid.NewGuid():N}");

            // Both instances hold both people's (empty) Today view in memory before anyone answers.
            foreach (var client in everyone)
            {
                Assert.Null((await TodayAsync(client)).Today.Mine);
            }

            Assert.Equal(HttpStatusCode.OK, (await firstOnA.PutAsJsonAsync("/api/v1/today/answer", new { text = firstWords })).StatusCode);
            foreach (var secondOn in new[] { secondOnA, secondOnB })
            {
                await TwoInstances.EventuallyAsync("the second partner sees that the first answered, and not the words", async () =>
                {
                    var (today, json) = await TodayAsync(secondOn);
                    Assert.DoesNotContain(firstWords, json, StringComparison.Ordinal);
                    Assert.False(today.Revealed);
                    return today.Partner.Answered;
                });
            }

            foreach (var firstOn in new[] { firstOnA, firstOnB })
            {
                await TwoInstances.EventuallyAsync("the first partner sees their answer, and no partner's", async () =>
                {
                    var (today, json) = await TodayAsync(firstOn);
                    Assert.DoesNotContain(secondWords, json, StringComparison.Ordinal);
                    Assert.Equal((false, null, false), (today.Partner.Answered, today.Partner.Text, today.Revealed));
                    return today.Mine?.Text == firstWords;
                });
            }

            Assert.Equal(HttpStatusCode.OK, (await secondOnB.PutAsJsonAsync("/api/v1/today/answer", new { text = secondWords })).StatusCode);
            foreach (var (client, mine, partner) in new[]
                     {
                         (firstOnA, firstWords, secondWords), (firstOnB, firstWords, secondWords),
                         (secondOnA, secondWords, firstWords), (secondOnB, secondWords, firstWords),
                     })
            {
                await TwoInstances.EventuallyAsync("both answers are revealed to both on both instances", async () =>
                {
                    var (today, _) = await TodayAsync(client);
                    return today.Revealed && today.Mine?.Text == mine && today.Partner.Text == partner;
                });
            }
        });
    }

    [Fact]
    public async Task Two_instances_started_together_on_an_empty_database_and_key_folder_agree_on_every_key()
    {
        // Migrations, the question library, the Data Protection key ring: all race here.
        await using var instances = await TwoInstances.StartAsync(together: true);
        var (a, b) = (instances.A, instances.B);
        await instances.ExplainingFailuresAsync(async () =>
        {
            // One person registers on each at the same moment; each then acts through the other instance.
            var tokens = await Task.WhenAll(a.RegisterAsync(NewEmail()), b.RegisterAsync(NewEmail()));
            using var firstOnA = a.Client(tokens[0]);
            using var firstOnB = b.Client(tokens[0]);
            using var secondOnA = a.Client(tokens[1]);
            using var secondOnB = b.Client(tokens[1]);
            var invitation = await (await firstOnB.PostAsync("/api/v1/couple/invitations", null)).ReadAsync<InvitationDto>();
            Assert.Equal(HttpStatusCode.OK, (await secondOnA.PostAsJsonAsync("/api/v1/couple/join", new { code = invitation.Code })).StatusCode);
            // B trusts its memory of the inviter's session, from before the join, for up to Sessions:CacheFor.
            await TwoInstances.EventuallyAsync("B sees the inviter in the couple joined through A",
                async () => (await firstOnB.GetAsync("/api/v1/couple")).StatusCode == HttpStatusCode.OK);

            // One value sealed on each instance at the same moment: each opens the other's only if both use one master key.
            var answered = await Task.WhenAll(
                firstOnA.PutAsJsonAsync("/api/v1/today/answer", new { text = "sealed by A" }),
                secondOnB.PutAsJsonAsync("/api/v1/today/answer", new { text = "sealed by B" }));
            Assert.All(answered, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));

            foreach (var (client, mine, partner) in new[] { (firstOnB, "sealed by A", "sealed by B"), (secondOnA, "sealed by B", "sealed by A") })
            {
                await TwoInstances.EventuallyAsync("each instance opens what the other sealed", async () =>
                {
                    var (today, _) = await TodayAsync(client);
                    return today.Revealed && today.Mine?.Text == mine && today.Partner.Text == partner;
                });
            }

            // Tokens and cookies crossed over above only because ASP.NET Core re-reads the key ring on an unknown
            // key in a process's first two minutes; after that, an instance with a key of its own would refuse
            // the other's tokens until its daily refresh. So there must be one key, made by whichever came first.
            Assert.Single(Directory.GetFiles(Path.Combine(instances.KeyDirectory, "data-protection"), "key-*.xml"));
        });
    }

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.test";

    private static async Task<(TodayDto Today, string Json)> TodayAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/today");
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        return (JsonSerializer.Deserialize<TodayDto>(json, JsonSerializerOptions.Web)!, json);
    }
}
