using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Attune.Encryption;
using Attune.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Processes;

/// <summary>
/// What the published app leaves on disk: files only its own account can read, even when started with the
/// usual umask 022, and Data Protection keys sealed by the master key.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes; the process tests run on Unix
public sealed class PrivateAtRestTests(ITestOutputHelper output) : IDisposable
{
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                                               | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly string _home = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "attune-tests", Guid.NewGuid().ToString("N"), "home")).FullName;

    private string Data => Path.Combine(_home, "data");

    [Fact]
    public async Task Everything_the_app_writes_is_readable_by_its_own_account_only()
    {
        var settings = AppProcess.Settings(Data);
        await using var server = await StartAsync(settings);
        var (inviter, _) = await server.PairAsync();
        using var client = server.Client(inviter);
        Assert.True((await client.PutAsJsonAsync("/api/v1/today/answer", new { text = "Only mine." })).IsSuccessStatusCode);
        var backup = Path.Combine(_home, "backups", "attune.db");
        var backedUp = await AppProcess.RunCommandAsync(settings, "backup", "db", backup);
        Assert.True(backedUp.ExitCode == 0, backedUp.Output);

        // While the app runs, so the WAL and SHM files exist too.
        var written = Directory.EnumerateFileSystemEntries(Data, "*", SearchOption.AllDirectories)
            .Concat([Data, backup, Path.GetDirectoryName(backup)!]).ToList();
        foreach (var name in new[] { "attune.db", "attune.db-wal", "attune.db-shm", "master.key", "keys.db", "data-protection" })
        {
            Assert.Contains(written, path => Path.GetFileName(path) == name);
        }

        var readableByOthers = written.Where(path => (File.GetUnixFileMode(path) & GroupOrOthers) != 0)
            .Select(path => $"{path} ({File.GetUnixFileMode(path)})");
        Assert.Empty(readableByOthers);
    }

    [Fact]
    public async Task Data_protection_keys_are_sealed_by_the_master_key_and_read_again_after_a_restart()
    {
        var settings = AppProcess.Settings(Data);
        string token;
        await using (var first = await StartAsync(settings))
        {
            token = await first.RegisterAsync($"{Guid.NewGuid():N}@example.test");
            await first.StopAsync();
            Assert.DoesNotContain("No XML encryptor configured", first.Output, StringComparison.Ordinal);
        }

        var files = Directory.GetFiles(Path.Combine(Data, "keys", "data-protection"), "*.xml");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain("<masterKey", text, StringComparison.Ordinal);
            // The sealed secret is the key: opened with master.key it holds the key material, which the file does not.
            var secret = MasterKeyDecryptor().Decrypt(XDocument.Parse(text).Descendants(MasterKeyXmlEncryptor.Element).Single());
            var material = secret.Descendants().Single(e => e.Name.LocalName == "value").Value;
            Assert.True(material.Length >= 40, "no key material in the sealed secret");
            Assert.DoesNotContain(material, text, StringComparison.Ordinal);
        }

        await using var second = await StartAsync(settings);
        using var client = second.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(_home)!, recursive: true);
        }
        catch (IOException)
        {
            // The test script removes the temp folder anyway.
        }
    }

    private async Task<AppProcess> StartAsync(Dictionary<string, string> settings) =>
        await AppProcess.StartAsync(settings, output, await PublishedApp.LaunchAsync(_home));

    private MasterKeyXmlDecryptor MasterKeyDecryptor()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Attune:DataDirectory", Data)]).Build();
        var services = new ServiceCollection().AddSingleton(new MasterKey(new KeyDirectory(configuration))).BuildServiceProvider();
        return new MasterKeyXmlDecryptor(services);
    }
}
