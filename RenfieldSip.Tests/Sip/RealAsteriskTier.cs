namespace RenfieldSip.Tests.Sip;

/// <summary>
/// The real-Asterisk tests run one after another: each starts an Asterisk and sipp, and on a 2-core machine
/// several at once would only slow each other down.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealAsteriskTier
{
    public const string Name = "real Asterisk";
}
