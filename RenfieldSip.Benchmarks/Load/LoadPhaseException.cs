namespace RenfieldSip.Benchmarks.Load;

internal sealed class LoadPhaseException : Exception
{
    public LoadPhaseException()
    {
    }

    public LoadPhaseException(string message)
        : base(message)
    {
    }

    public LoadPhaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
