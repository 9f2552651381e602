namespace RenfieldSip.Monitor.Trunk;

/// <summary>What registration and keep-alives together say about the trunk, as a user would ask it.</summary>
internal enum TrunkCondition
{
    /// <summary>Asterisk has not reported the registration since the monitor started.</summary>
    NotReported,

    Registered,

    /// <summary>Registered, but the provider stopped answering keep-alives: the NAT binding or the line is gone.</summary>
    KeepAliveUnanswered,

    /// <summary>Rejected while the provider answers keep-alives: it refuses the credentials (401/403).</summary>
    CredentialsRefused,

    /// <summary>The registrar answers neither REGISTER nor OPTIONS: wrong host, DNS or firewall.</summary>
    RegistrarSilent,

    /// <summary>Rejected before the first keep-alive told whether the registrar answers at all.</summary>
    RegistrationFailed,

    /// <summary>Asterisk stopped registering (unregistered, shut down, or gave up).</summary>
    NotRegistered,

    /// <summary>Rejected while the registrar was silent; it answers again and Asterisk will retry.</summary>
    Recovering,

    /// <summary>No registration report for longer than a healthy trunk's refresh: failing quietly, or no read = system.</summary>
    Unreported,
}
