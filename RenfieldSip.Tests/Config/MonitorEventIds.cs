using System.Reflection;
using Microsoft.Extensions.Logging;
using RenfieldSip.Monitor.Ami;

namespace RenfieldSip.Tests.Config;

/// <summary>Every <c>[LoggerMessage]</c> of RenfieldSip.Monitor, read off the assembly so the list cannot drift from the code.</summary>
internal static class MonitorEventIds
{
    public static IReadOnlyList<(int Id, LogLevel Level, string Method)> All { get; } = Read();

    private static List<(int Id, LogLevel Level, string Method)> Read() =>
        [.. typeof(AmiOptions).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(pair => pair.Attribute is not null)
            .Select(pair => (pair.Attribute!.EventId, pair.Attribute.Level, pair.Method.DeclaringType!.FullName + "." + pair.Method.Name))];
}
