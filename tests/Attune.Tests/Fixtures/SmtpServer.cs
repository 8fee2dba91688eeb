using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Attune.Tests.Fixtures;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd (python3-aiosmtpd, installed by test.sh), run as its own
/// process. Each message it accepts is written to <see cref="Folder"/> as an .eml file before it answers; while a
/// file named "hold" exists there, it waits ten minutes before answering "250 OK" (the window between a server
/// accepting a mail and the sender hearing so).
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Script = """
        import asyncio, os, sys, time, uuid
        from aiosmtpd.controller import Controller
        port, folder = int(sys.argv[1]), sys.argv[2]
        class Handler:
            async def handle_DATA(self, server, session, envelope):
                name = os.path.join(folder, uuid.uuid4().hex)
                with open(name + '.tmp', 'wb') as f:
                    f.write(envelope.original_content or envelope.content)
                os.rename(name + '.tmp', name + '.eml')
                if os.path.exists(os.path.join(folder, 'hold')):
                    await asyncio.sleep(600)
                return '250 OK'
        controller = Controller(Handler(), hostname='127.0.0.1', port=port)
        controller.start()
        print('ready', flush=True)
        while True:
            time.sleep(3600)
        """;

    private readonly Process _process;

    private SmtpServer(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<SmtpServer> StartAsync(int port, string folder)
    {
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", Script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (ready != "ready")
        {
            var error = await process.StandardError.ReadToEndAsync();
            process.Kill();
            throw new InvalidOperationException("aiosmtpd did not start: " + error);
        }

        return new SmtpServer(process, port, folder);
    }

    /// <summary>The messages received so far.</summary>
    public List<MimeMessage> Received() =>
        [.. Directory.GetFiles(Folder, "*.eml").Select(f => MimeMessage.Load(f))];

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
