namespace RenfieldSip.Tests.Config;

/// <summary>
/// The shells the entrypoint must work with: the Debian images' /bin/sh (dash + mawk) and
/// Alpine's busybox (sh + awk), the latter emulated with a PATH of busybox applets only.
/// </summary>
public enum EntrypointShell
{
    SystemShell,
    Busybox,
}
