namespace RenfieldSip.Monitor.Rules;

/// <summary>What a matching rule does to the announcement.</summary>
internal enum RuleAction
{
    /// <summary>Not announced at all (no toast, no speech); recorded and logged.</summary>
    Silent,

    /// <summary>Shown as a toast in Renfield, but not spoken (<c>tts: false</c>).</summary>
    ToastOnly,
}
