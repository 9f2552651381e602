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
    private TrunkReachability _rejectedWhile;
    private bool _unreachableSinceRegistered;
    private bool _answeredUnreported;
    private bool _overdue;
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

    /// <summary>The keep-alives' state as Asterisk last reported it (<c>ContactStatus</c> comes only on a change).</summary>
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

    /// <summary>
    /// A Registry event carries no SIP code, so the cause of a rejection is read from the keep-alives: a registrar
    /// that answers OPTIONS but rejects the REGISTER refuses the credentials; one that answers nothing is unreachable.
    /// <paramref name="rejectedWhile"/> is the reachability when the rejection was reported, so a registrar that
    /// comes back after a timeout is not mistaken for one that refuses the password. While registered, only keep-alives
    /// that failed after the last accepted REGISTER count: an accepted REGISTER proves the registrar answered, and a
    /// provider that ignores OPTIONS stays "unreachable" for good.
    /// </summary>
    internal static TrunkCondition ConditionOf(
        TrunkRegistration registration, TrunkReachability reachability, TrunkReachability rejectedWhile, bool unreachableSinceRegistered) =>
        (registration, reachability) switch
        {
            (TrunkRegistration.Registered, TrunkReachability.Unreachable) when unreachableSinceRegistered => TrunkCondition.KeepAliveUnanswered,
            (TrunkRegistration.Registered, _) => TrunkCondition.Registered,
            (TrunkRegistration.Rejected, TrunkReachability.Unreachable) => TrunkCondition.RegistrarSilent,
            (TrunkRegistration.Rejected, TrunkReachability.Reachable) when rejectedWhile == TrunkReachability.Unreachable => TrunkCondition.Recovering,
            (TrunkRegistration.Rejected, TrunkReachability.Reachable) => TrunkCondition.CredentialsRefused,
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
            // Asterisk's own view of the keep-alives is kept as reported: it reports them again only when they
            // change, so a state the monitor assumed could never be corrected.
            _reachability = reachability ?? _reachability;
            if (reachability == TrunkReachability.Unreachable)
            {
                _unreachableSinceRegistered = true;
            }

            if (registration is { } reported)
            {
                _registration = reported;
                _rejectedWhile = EffectiveReachability;
                if (reported == TrunkRegistration.Registered)
                {
                    _unreachableSinceRegistered = false;

                    // ContactStatus usually came before the monitor logged in; a registrar that just accepted a
                    // REGISTER answers, until Asterisk reports otherwise.
                    _answeredUnreported = _reachability == TrunkReachability.Unknown;
                }
            }

            _registrar = registrar ?? _registrar;
            return Update(ConditionOf(_registration, EffectiveReachability, _rejectedWhile, _unreachableSinceRegistered));
        }
    }

    private TrunkReachability EffectiveReachability =>
        _reachability == TrunkReachability.Unknown && _answeredUnreported ? TrunkReachability.Reachable : _reachability;

    /// <summary>Called once the grace for a first report has passed; returns the new diagnosis if nothing was reported.</summary>
    public TrunkDiagnosis? ReportOverdue()
    {
        lock (_gate)
        {
            _overdue = true;
            return Update(ConditionOf(_registration, EffectiveReachability, _rejectedWhile, _unreachableSinceRegistered));
        }
    }

    private TrunkDiagnosis? Update(TrunkCondition condition)
    {
        if (condition == TrunkCondition.NotReported && _overdue)
        {
            condition = TrunkCondition.Unreported;
        }

        if (condition == _diagnosis.Condition)
        {
            return null;
        }

        _diagnosis = TrunkDiagnosis.For(condition, _registrar);
        return _diagnosis;
    }
}
