namespace RenfieldSip.Monitor.Trunk;

/// <summary>
/// The trunk as last reported on AMI. Written by the AMI read loop, read by the health check and the metrics; the
/// last known state survives an AMI reconnect, because Asterisk reports it again only at its next REGISTER.
/// </summary>
internal sealed class TrunkStatus
{
    private readonly Lock _gate = new();
    private TrunkRegistration _registration;
    private TrunkReachability _reachability;
    private string _registrar = "the provider";
    private TrunkDiagnosis _diagnosis;

    public TrunkStatus() => _diagnosis = TrunkDiagnosis.For(TrunkCondition.NotReported, _registrar);

    public TrunkDiagnosis Diagnosis
    {
        get
        {
            lock (_gate)
            {
                return _diagnosis;
            }
        }
    }

    public TrunkRegistration Registration
    {
        get
        {
            lock (_gate)
            {
                return _registration;
            }
        }
    }

    public TrunkReachability Reachability
    {
        get
        {
            lock (_gate)
            {
                return _reachability;
            }
        }
    }

    internal static TrunkCondition ConditionOf(TrunkRegistration registration, TrunkReachability reachability) =>
        (registration, reachability) switch
        {
            (TrunkRegistration.Registered, TrunkReachability.Unreachable) => TrunkCondition.KeepAliveUnanswered,
            (TrunkRegistration.Registered, _) => TrunkCondition.Registered,
            (TrunkRegistration.Rejected, TrunkReachability.Reachable) => TrunkCondition.CredentialsRefused,
            (TrunkRegistration.Rejected, TrunkReachability.Unreachable) => TrunkCondition.RegistrarSilent,
            (TrunkRegistration.Rejected, _) => TrunkCondition.RegistrationFailed,
            (TrunkRegistration.Unregistered, _) => TrunkCondition.NotRegistered,
            (_, TrunkReachability.Unreachable) => TrunkCondition.RegistrarSilent,
            _ => TrunkCondition.NotReported,
        };

    /// <summary>Records a report; returns the new diagnosis when the condition changed, otherwise null.</summary>
    public TrunkDiagnosis? Report(TrunkRegistration? registration, TrunkReachability? reachability, string? registrar)
    {
        lock (_gate)
        {
            _registration = registration ?? _registration;
            _reachability = reachability ?? _reachability;
            _registrar = registrar ?? _registrar;
            var condition = ConditionOf(_registration, _reachability);
            if (condition == _diagnosis.Condition)
            {
                return null;
            }

            _diagnosis = TrunkDiagnosis.For(condition, _registrar);
            return _diagnosis;
        }
    }
}
