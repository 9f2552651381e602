namespace RenfieldSip.Tests.Config;

internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
