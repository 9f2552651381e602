using System.ComponentModel;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using RenfieldSip.Monitor.History;
using RenfieldSip.Monitor.Voicemail;

namespace RenfieldSip.Monitor.Web;

/// <summary>
/// A call's message: <c>GET</c> streams the WAV (with range requests, so a player can seek and read its duration),
/// <c>DELETE</c> removes it; below the <c>/api</c> group (bearer token). The same below the <c>/calls</c> group
/// (session cookie) for the page's player and its delete form, which carries the page's antiforgery token.
/// </summary>
internal static class VoicemailEndpoints
{
    public const string ApiPath = VoicemailIndex.AudioPath;
    public const string PagePath = CallHistoryEndpoints.PagePath + PageRelativePath;

    private const string ApiRelativePath = VoicemailIndex.AudioRelativePath;
    private const string PageRelativePath = "/{callId}/voicemail";

    /// <summary>Maps below the <c>/api</c> group.</summary>
    public static IEndpointRouteBuilder MapVoicemailApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ApiRelativePath, Play)
            .WithName("GetVoicemail")
            .WithTags("Call history")
            .WithSummary("The message a call left on the answering machine (audio/wav, range requests)")
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav")
            .Produces(StatusCodes.Status206PartialContent, contentType: "audio/wav")
            .Produces(StatusCodes.Status404NotFound);
        endpoints.MapDelete(ApiRelativePath, Delete)
            .WithName("DeleteVoicemail")
            .WithTags("Call history")
            .WithSummary("Deletes the message a call left")
            .Produces(StatusCodes.Status204NoContent)
            .Produces(StatusCodes.Status404NotFound);
        return endpoints;
    }

    /// <summary>Maps below the <c>/calls</c> group.</summary>
    public static IEndpointRouteBuilder MapVoicemailPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PageRelativePath, Play).ExcludeFromDescription();
        endpoints.MapPost(PageRelativePath + "/delete", DeleteFromPageAsync).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Marks the message heard once its start is fetched (a player's first request asks for byte 0).</summary>
    internal static IResult Play(
        [Description("The call's `call_id` (Asterisk's Uniqueid).")] string callId,
        HttpRequest request,
        VoicemailIndex index,
        VoicemailFiles files)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (index.Find(callId) is not { } message || !File.Exists(files.PathOf(message.File)))
        {
            return Results.NotFound();
        }

        var range = request.Headers.Range.ToString();
        if (range.Length == 0 || range.StartsWith("bytes=0-", StringComparison.Ordinal))
        {
            index.Update(callId, m => m with { Heard = true });
        }

        return Results.File(files.PathOf(message.File), "audio/wav", enableRangeProcessing: true);
    }

    internal static IResult Delete(string callId, VoicemailIndex index, VoicemailFiles files)
    {
        if (index.Remove(callId) is not { } message)
        {
            return Results.NotFound();
        }

        files.Delete([message], "deleted by the owner");
        return Results.NoContent();
    }

    internal static async Task<IResult> DeleteFromPageAsync(
        HttpContext context,
        string callId,
        IAntiforgery antiforgery,
        VoicemailIndex index,
        VoicemailFiles files)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);

        // Without a form field to bind, nothing would stop a forged post: the check is explicit.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }

        Delete(callId, index, files);
        return Results.Redirect(CallHistoryEndpoints.PagePath, permanent: false, preserveMethod: false);
    }
}
