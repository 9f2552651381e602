using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Voicemail;

internal static class VoicemailServiceCollectionExtensions
{
    /// <summary>
    /// The answering machine's messages: the AMI listener, the worker, the store, transcription, /health, erasure with
    /// the caller and the assistant's message tools. Before the MCP server, which looks for <see cref="Mcp.IAnsweringMachine"/>.
    /// </summary>
    public static IHostApplicationBuilder AddVoicemail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<VoicemailOptions>().BindConfiguration(VoicemailOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<VoicemailOptions>, VoicemailOptionsValidator>();
        builder.Services.AddSingleton<VoicemailQueue>();
        builder.Services.AddSingleton<VoicemailSidecars>();
        builder.Services.AddSingleton<VoicemailIndex>();
        builder.Services.AddSingleton<VoicemailFiles>();
        builder.Services.AddSingleton<VoicemailRestore>();
        builder.Services.AddSingleton<History.ICallVoicemails>(services => services.GetRequiredService<VoicemailIndex>());
        builder.Services.AddSingleton<History.ICallerErasure, VoicemailCallerErasure>();
        builder.Services.AddSingleton<Mcp.IAnsweringMachine, VoicemailAnsweringMachine>();

        builder.Services.AddSingleton<VoicemailHealth>();
        builder.Services.AddSingleton<VoicemailNotificationComposer>();
        builder.Services.AddSingleton<VoicemailProcessor>();
        builder.Services.AddSingleton<Ami.IAmiEventHandler, VoicemailEventHandler>();
        builder.Services.AddHttpClient<IVoicemailTranscriber, RenfieldSpeechToText>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddHostedService<VoicemailService>();
        builder.Services.AddHealthChecks().AddCheck<VoicemailHealthCheck>("voicemail");
        return builder;
    }
}
