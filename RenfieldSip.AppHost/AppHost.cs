using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using RenfieldSip.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// The SIP account at the provider (sipgate, easybell, ...), see docs/SIP_INTEGRATION.md.
var sipRegistrar = builder.AddParameter("sip-registrar", new ConfigurableDefault("sipconnect.sipgate.de"));
var sipUsername = builder.AddParameter("sip-username");
var sipPassword = builder.AddParameter("sip-password", secret: true);

// Generated once and kept in user secrets: nobody should ever type (or keep) "changeme".
// No special characters: the secret travels through environment files and Asterisk config.
var amiSecret = builder.AddParameter("ami-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

// The monitor's access token (MONITOR_TOKEN): generated and kept like the AMI secret; the dashboard's command sends it.
var monitorToken = builder.AddParameter("monitor-token", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

var webhookUrl = builder.AddParameter("webhook-url");
var webhookToken = builder.AddParameter("webhook-token", secret: true);

// "true" sends each answering machine message to Renfield's speech-to-text (docs/SIP_INTEGRATION.md, "Anrufbeantworter").
var voicemailTranscribe = builder.AddParameter("voicemail-transcribe", new ConfigurableDefault("false"));

// The answering machine's recordings: Asterisk writes them, the monitor reads and deletes them. While developing the
// monitor is a process on this machine, so the recordings are a folder both see (.voicemail, ignored by git); when
// published they are the named volume compose also uses (sip-voicemail), mounted in the monitor at /voicemail.
const string VoicemailTarget = "/var/spool/asterisk/renfield-voicemail";
var voicemailFolder = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".voicemail"));
if (!builder.ExecutionContext.IsPublishMode)
{
    Directory.CreateDirectory(voicemailFolder);
}

// A build matrix tag of andrius/asterisk (Asterisk 20 LTS, Debian trixie); config/asterisk/entrypoint.sh
// also runs on its Alpine images. Overridable like a parameter (Parameters:asterisk-image / -tag).
var asteriskImage = builder.Configuration["Parameters:asterisk-image"] ?? "andrius/asterisk";
var asteriskTag = builder.Configuration["Parameters:asterisk-tag"] ?? "20.18.2_debian-trixie";

var asterisk = builder.AddContainer("asterisk", asteriskImage, asteriskTag)
    .WithBindMount("../config/asterisk", "/etc/asterisk/templates", isReadOnly: true)
    .WithEntrypoint("/bin/sh")
    .WithArgs("/etc/asterisk/templates/entrypoint.sh")
    .WithEnvironment("SIP_REGISTRAR", sipRegistrar)
    .WithEnvironment("SIP_USERNAME", sipUsername)
    .WithEnvironment("SIP_PASSWORD", sipPassword)
    .WithEnvironment("AMI_SECRET", amiSecret)
    // The entrypoint's defaults: answer after 20 s, record up to 120 s into VoicemailTarget.
    // SIP writes its own addresses and ports into every message, so 5060 must reach the host
    // unchanged: fixed, unproxied, on udp (the provider presets need no TCP).
    .WithEndpoint(port: 5060, targetPort: 5060, scheme: "udp", name: "sip-udp", isProxied: false, isExternal: true, protocol: ProtocolType.Udp)
    // AMI stays internal: only the monitor talks to it.
    .WithEndpoint(targetPort: 5038, scheme: "tcp", name: "ami")
    .WithHealthCheck("asterisk-ami");
if (builder.ExecutionContext.IsPublishMode)
{
    asterisk.WithVolume("sip-voicemail", VoicemailTarget);
}
else
{
    asterisk.WithBindMount(voicemailFolder, VoicemailTarget);
}

builder.Services.AddHealthChecks()
    .AddCheck("asterisk-ami", new AmiBannerHealthCheck(asterisk.GetEndpoint("ami")));

// The tag docker-compose.yml runs, so both ways of running the app use one Redis.
var redis = builder.AddRedis("redis")
    .WithImageTag("8.6")
    .WithDataVolume("renfieldsip-redis-data");

// The phonebook is read from the repository while developing, from a read-only mount when published.
var phonebookPath = builder.ExecutionContext.IsPublishMode
    ? "/config/sip/phonebook.yaml"
    : Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "config", "sip", "phonebook.yaml"));

var ami = asterisk.GetEndpoint("ami");
var monitor = builder.AddDotnetProject("monitor", "../RenfieldSip.Monitor/RenfieldSip.Monitor.csproj", o => o.ExcludeLaunchProfile = true)
    .WithHttpEndpoint(name: "http")
    // The call list (every call, its outcome) one click from the dashboard's resource view.
    .WithUrlForEndpoint("http", _ => new ResourceUrlAnnotation { Url = "/calls", DisplayText = "Anrufliste" })
    // Where Renfield's agent reaches the call list and phonebook (mcp_servers.yaml, docs/SIP_INTEGRATION.md).
    .WithUrlForEndpoint("http", _ => new ResourceUrlAnnotation { Url = "/mcp", DisplayText = "MCP" })
    // Healthy once logged in to AMI; Degraded (still 200) while Redis is down and the in-memory window is used.
    .WithHttpHealthCheck("/health")
    // The monitor reads ConnectionStrings:redis only; REDIS_HOST/REDIS_PASSWORD/... would just
    // spread the Redis password into one more environment.
    .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.ConnectionString)
    .WithReference(redis)
    .WaitFor(redis)
    // Start only once AMI answers, so the first login does not run into a refused connection.
    .WaitFor(asterisk)
    .WithEnvironment("AMI_HOST", ami.Property(EndpointProperty.Host))
    .WithEnvironment("AMI_PORT", ami.Property(EndpointProperty.Port))
    .WithEnvironment("AMI_USERNAME", "callmonitor")
    .WithEnvironment("AMI_SECRET", amiSecret)
    .WithEnvironment("RENFIELD_WEBHOOK_URL", webhookUrl)
    .WithEnvironment("RENFIELD_WEBHOOK_TOKEN", webhookToken)
    .WithEnvironment("PHONEBOOK_PATH", phonebookPath)
    .WithEnvironment("MONITOR_TOKEN", monitorToken)
    .WithEnvironment("Voicemail__Directory", builder.ExecutionContext.IsPublishMode ? "/voicemail" : voicemailFolder)
    .WithEnvironment("Voicemail__Transcribe", voicemailTranscribe)
    // Drives a synthetic call "Testanruf" through the monitor's real pipeline (identity, dedup, webhook).
    .WithHttpCommand(
        "/api/test-call",
        "Testanruf",
        endpointName: "http",
        commandName: "test-call",
        commandOptions: new HttpCommandOptions
        {
            Method = HttpMethod.Post,
            Description = "Sendet einen synthetischen Anruf durch Telefonbuch, Dedup und Renfield-Webhook.",
            IconName = "Call",
            PrepareRequest = async context =>
                context.Request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                    "Bearer", await monitorToken.Resource.GetValueAsync(context.CancellationToken)),
        });

// A CardDAV address book (Nextcloud, Radicale, Baïkal) is optional: its parameters exist only once its URL is set
// (Parameters:carddav-url), so the dashboard asks nobody else for them and the published manifest stays as it is.
if (!string.IsNullOrWhiteSpace(builder.Configuration["Parameters:carddav-url"]))
{
    monitor
        .WithEnvironment("PHONEBOOK_CARDDAV_URL", builder.AddParameter("carddav-url"))
        .WithEnvironment("PHONEBOOK_CARDDAV_USERNAME", builder.AddParameter("carddav-username"))
        .WithEnvironment("PHONEBOOK_CARDDAV_PASSWORD", builder.AddParameter("carddav-password", secret: true));
}

builder.Build().Run();
