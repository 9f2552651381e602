namespace RenfieldSip.Monitor.Redis;

/// <summary>The one Redis of the process, from <c>ConnectionStrings:redis</c> (Aspire convention); shared by the dedup window and the call history.</summary>
internal sealed class RedisOptions
{
    /// <summary>Null or empty = no Redis, every area keeps its data in memory. May hold a password: never log it.</summary>
    [RedisConfiguration(ErrorMessage = "ConnectionStrings:redis must be a StackExchange.Redis configuration such as localhost:6379")]
    public string? ConnectionString { get; set; }
}
