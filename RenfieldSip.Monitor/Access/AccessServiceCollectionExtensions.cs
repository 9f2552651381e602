using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace RenfieldSip.Monitor.Access;

internal static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// The names a browser may use for the monitor: this host, and the names compose and the AppHost give it. A page
    /// that points its own domain at 127.0.0.1 (DNS rebinding) sends its own name and gets 400.
    /// </summary>
    /// <summary>The hosted service <c>AddDataProtection</c> registers to load the key ring at start.</summary>
    internal const string DataProtectionKeyRingLoader = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    public static readonly string[] DefaultAllowedHosts = ["localhost", "127.0.0.1", "[::1]", "sip-monitor", "renfield-sip-monitor", "monitor"];

    /// <summary>Token, schemes, policies (closed unless listed open), host filtering, rate limits and antiforgery.</summary>
    public static IHostApplicationBuilder AddMonitorAccess(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>();
        services.AddSingleton<AccessToken>();
        services.AddSingleton<AccessLimiters>();

        services.AddAuthentication(AccessSchemes.Bearer)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(AccessSchemes.Bearer, null)
            .AddScheme<AuthenticationSchemeOptions, SessionCookieHandler>(AccessSchemes.Session, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AccessSchemes.ApiPolicy, policy => policy.AddAuthenticationSchemes(AccessSchemes.Bearer).RequireAuthenticatedUser())
            .AddPolicy(AccessSchemes.PagePolicy, policy => policy.AddAuthenticationSchemes(AccessSchemes.Session).RequireAuthenticatedUser())
            // Anything mapped without a policy of its own (a future endpoint, a 404) needs the token too.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(AccessSchemes.Bearer).RequireAuthenticatedUser().Build());

        // AllowedHosts (semicolon-separated, the ASP.NET Core key) replaces the defaults; "*" turns the check off.
        services.AddHostFiltering(options =>
        {
            var configured = builder.Configuration["AllowedHosts"];
            options.AllowedHosts = string.IsNullOrWhiteSpace(configured)
                ? [.. DefaultAllowedHosts]
                : [.. configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AccessSchemes.TestCallLimit, context =>
                RateLimitPartition.Get(AccessSchemes.TestCallLimit, _ => context.RequestServices.GetRequiredService<AccessLimiters>().TestCalls));
            options.AddPolicy(AccessSchemes.LoginLimit, context =>
                RateLimitPartition.Get(AccessSchemes.LoginLimit, _ => context.RequestServices.GetRequiredService<AccessLimiters>().Logins));
            options.OnRejected = (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                Log.RateLimited(rejected.HttpContext.RequestServices.GetRequiredService<ILogger<AccessToken>>(), rejected.HttpContext.Request.Path);
                return ValueTask.CompletedTask;
            };
        });

        // Antiforgery tokens live as long as the process: after a restart a page's form asks for one reload. The
        // session cookie does not depend on these keys (it is derived from the token) and survives restarts.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "renfieldsip_antiforgery";
            options.Cookie.Path = AccessSchemes.PagePath;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "form_token";
        });

        // AddDataProtection's hosted service builds the default XML key ring at start; the ephemeral provider above
        // never reads it, and building it loads System.Private.Xml and generates a key: about 4 MB of the JIT
        // monitor's idle memory, and anonymous memory in the NativeAOT image (docs/PERFORMANCE.md).
        foreach (var loader in services.Where(service => service.ImplementationType?.FullName == DataProtectionKeyRingLoader).ToList())
        {
            services.Remove(loader);
        }

        services.AddHostedService<AccessAnnouncement>();
        return builder;
    }

    /// <summary>Host filtering first, then who is calling, what they may do, forged forms, and how often.</summary>
    public static WebApplication UseMonitorAccess(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHostFiltering();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        return app;
    }
}
