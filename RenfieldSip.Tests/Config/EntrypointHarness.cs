namespace RenfieldSip.Tests.Config;

/// <summary>Runs config/asterisk/entrypoint.sh in render-only mode into a private temp directory.</summary>
internal sealed class EntrypointHarness : IDisposable
{
    private static readonly string[] BusyboxApplets = ["sh", "awk", "mkdir", "mv", "basename", "id", "chown", "cat", "printf"];

    public EntrypointHarness()
    {
        WorkDirectory = Directory.CreateTempSubdirectory("renfieldsip-entrypoint-").FullName;
        TemplateDirectory = Path.Combine(WorkDirectory, "templates");
        TargetDirectory = Path.Combine(WorkDirectory, "etc-asterisk");
        Directory.CreateDirectory(TemplateDirectory);
        foreach (var template in Directory.EnumerateFiles(RepositoryLayout.PathOf("config", "asterisk"), "*.conf"))
        {
            File.Copy(template, Path.Combine(TemplateDirectory, Path.GetFileName(template)));
        }
    }

    public string WorkDirectory { get; }

    public string TemplateDirectory { get; }

    public string TargetDirectory { get; }

    public static string EntrypointPath => RepositoryLayout.PathOf("config", "asterisk", "entrypoint.sh");

    /// <summary>A complete, valid environment; tests change single entries.</summary>
    public static Dictionary<string, string?> ValidEnvironment() => new()
    {
        ["SIP_REGISTRAR"] = "sipconnect.sipgate.de",
        ["SIP_USERNAME"] = "1234567e0",
        ["SIP_PASSWORD"] = "sip-password",
        ["AMI_SECRET"] = "9f2c4e1a7b3d5f60",
    };

    public async Task<ProcessResult> RenderAsync(EntrypointShell shell, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, string?>(environment)
        {
            ["RENDER_ONLY"] = "1",
            ["TEMPLATE_DIR"] = TemplateDirectory,
            ["TARGET_DIR"] = TargetDirectory,
        };

        string shellPath;
        if (shell == EntrypointShell.Busybox)
        {
            var busybox = new[] { "/usr/bin/busybox", "/bin/busybox" }.FirstOrDefault(File.Exists);
            if (busybox is null)
            {
                Assert.Skip("busybox is not installed (apt-get install busybox); the Alpine variant cannot be checked here.");
            }

            var applets = Path.Combine(WorkDirectory, "busybox-bin");
            Directory.CreateDirectory(applets);
            foreach (var applet in BusyboxApplets)
            {
                File.CreateSymbolicLink(Path.Combine(applets, applet), busybox);
            }

            variables["PATH"] = applets;
            shellPath = Path.Combine(applets, "sh");
        }
        else
        {
            shellPath = "/bin/sh";
        }

        return await ExternalProcess.RunAsync(shellPath, [EntrypointPath], variables, WorkDirectory, cancellationToken);
    }

    public string Rendered(string fileName) => File.ReadAllText(Path.Combine(TargetDirectory, fileName));

    public AsteriskConfigDocument RenderedDocument(string fileName) =>
        AsteriskConfigDocument.Load(Path.Combine(TargetDirectory, fileName));

    public void Dispose() => Directory.Delete(WorkDirectory, recursive: true);
}
