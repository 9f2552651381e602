using System.Reflection;

namespace RenfieldSip.Tests.Config;

/// <summary>The flow reads call → identity → rules → dedup → notify → record only while no two folders use each other.</summary>
public sealed class FolderGraphTests
{
    private static readonly Lazy<FolderGraph> Graph = new(() => FolderGraph.Of(Assembly.Load("RenfieldSip.Monitor")));

    [Fact]
    public void The_monitor_folders_form_no_cycle_at_the_top_level()
    {
        var topLevel = Graph.Value.TopLevel();
        TestContext.Current.TestOutputHelper?.WriteLine(topLevel.ToString());

        Assert.True(topLevel.Edges.Count > 10, $"only {topLevel.Edges.Count} folders found: the scan no longer sees the monitor's types");
        Assert.Empty(topLevel.Cycles().Select(cycle => string.Join(" ⇄ ", cycle)));
    }

    [Fact]
    public void The_monitor_folders_form_no_cycle_with_subfolders_counted_on_their_own()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(Graph.Value.ToString());

        Assert.Empty(Graph.Value.Cycles().Select(cycle => string.Join(" ⇄ ", cycle)));
    }

    [Fact]
    public void A_child_that_uses_its_parent_while_the_parent_uses_it_is_a_cycle_and_a_chain_is_not()
    {
        var graph = FolderGraph.Of(("Phonebooks", "Phonebooks/Yaml"), ("Phonebooks/Yaml", "Phonebooks"), ("Calls", "Identity"), ("Identity", "Text"));

        var cycle = Assert.Single(graph.Cycles());
        Assert.Equal(["Phonebooks", "Phonebooks/Yaml"], cycle);
        Assert.Empty(graph.TopLevel().Cycles());
    }
}
