namespace RenfieldSip.Tests.Deployment;

/// <summary>
/// The AppHost and the compose deployment both publish SIP on the host's port 5060 and start containers: their
/// tests run one after the other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DockerTier
{
    public const string Name = "Docker";
}
