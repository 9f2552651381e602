using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using RenfieldSip.Monitor.History;

namespace RenfieldSip.Monitor.Voicemail;

/// <summary>
/// A call's message: <c>GET</c> streams the WAV (with range requests, so a player can seek and read its duration),
/// <c>DELETE</c> removes it. The same under <c>/calls/</c> for the page's player and delete button.
/// </summary>
internal static class VoicemailEndpoints
{
    public const string ApiPath = "/api/calls/{callId}/voicemail";
    public const string PagePath = "/calls/{callId}/voicemail";

    public static IEndpointRouteBuilder MapVoicemail(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ApiPath, Play)
            .WithName("GetVoicemail")
            .WithTags("Call history")
            .WithSummary("The message a call left on the answering machine (audio/wav, range requests)")
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav")
            .Produces(StatusCodes.Status206PartialContent, contentType: "audio/wav")
            .Produces(StatusCodes.Status404NotFound);
        endpoints.MapDelete(ApiPath, Delete)
            .WithName("DeleteVoicemail")
            .WithTags("Call history")
            .WithSummary("Deletes the message a call left")
            .Produces(StatusCodes.Status204NoContent)
            .Produces(StatusCodes.Status404NotFound);
        endpoints.MapGet(PagePath, Play).ExcludeFromDescription();
        endpoints.MapPost(PagePath + "/delete", DeleteFromPage).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Marks the message heard once its start is fetched (a player's first request asks for byte 0).</summary>
    internal static IResult Play(
        [Description("The call's `call_id` (Asterisk's Uniqueid).")] string callId,
        HttpRequest request,
        VoicemailIndex index,
        VoicemailProcessor processor)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (index.Find(callId) is not { } message || !File.Exists(processor.PathOf(message.File)))
        {
            return Results.NotFound();
        }

        var range = request.Headers.Range.ToString();
        if (range.Length == 0 || range.StartsWith("bytes=0-", StringComparison.Ordinal))
        {
            index.Update(callId, m => m with { Heard = true });
        }

        return Results.File(processor.PathOf(message.File), "audio/wav", enableRangeProcessing: true);
    }

    internal static IResult Delete(string callId, VoicemailIndex index, VoicemailProcessor processor)
    {
        if (index.Remove(callId) is not { } message)
        {
            return Results.NotFound();
        }

        processor.DeleteFiles([message], "deleted by the owner");
        return Results.NoContent();
    }

    internal static IResult DeleteFromPage(string callId, VoicemailIndex index, VoicemailProcessor processor)
    {
        Delete(callId, index, processor);
        return Results.Redirect(CallHistoryEndpoints.PagePath, permanent: false, preserveMethod: false);
    }
}
