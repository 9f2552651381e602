using System.Diagnostics;

namespace RenfieldSip.Tests.History;

/// <summary>
/// Debian's <c>chromium</c>, headless, one process per page load (<c>--dump-dom</c>: the DOM after the page loaded and
/// any script ran), each with its own profile directory and killed by PID if it outlives its timeout.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(60);

    public static string? Executable =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "chromium"))
            .FirstOrDefault(File.Exists);

    /// <summary>Skips the calling test, naming chromium, unless it is installed.</summary>
    public static void SkipUnlessAvailable()
    {
        if (Executable is null)
        {
            Assert.Skip("chromium is not installed (apt-get install chromium): the /calls page is tested in a real headless browser.");
        }
    }

    /// <summary>
    /// The DOM once the page and everything it started (fetches, form posts, redirects) settled: Chromium's virtual
    /// time runs only while nothing is pending on the network, so the budget is an upper bound, not a wait.
    /// </summary>
    public static async Task<string> DumpDomAsync(Uri page, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("renfieldsip-chromium-").FullName;
        try
        {
            var startInfo = new ProcessStartInfo(Executable!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                         "--disable-extensions", "--disable-background-networking", "--user-data-dir=" + profile, "--virtual-time-budget=10000",
                         "--dump-dom", page.ToString(),
                     })
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var process = Process.Start(startInfo)!;
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).WaitAsync(LoadTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not load {page} within {LoadTimeout}: {await stderr}");
            }

            var dom = await stdout;
            Assert.True(dom.Contains("</html>", StringComparison.Ordinal), $"chromium exited {process.ExitCode} without a DOM: {await stderr}");
            return dom;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
