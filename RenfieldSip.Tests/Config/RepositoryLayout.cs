namespace RenfieldSip.Tests.Config;

/// <summary>Locates the checked-out repository, whose config/ and deployment files are under test.</summary>
internal static class RepositoryLayout
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RenfieldSip.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No RenfieldSip.sln above {AppContext.BaseDirectory}: the tests must run inside the repository.");
    }
}
