using System.Globalization;
using System.Text;

namespace RenfieldSip.Benchmarks.Load;

/// <summary>Collects the figures of every run and prints min / median / max per figure, in the order first seen.</summary>
internal sealed class FigureTable
{
    private readonly List<Figure> _figures = [];

    public void Add(Figure figure) => _figures.Add(figure);

    public void AddRange(IEnumerable<Figure> figures) => _figures.AddRange(figures);

    public static string Format(double value) => value switch
    {
        double.NaN => "n/a",
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("F1", CultureInfo.InvariantCulture),
        _ => value.ToString("F3", CultureInfo.InvariantCulture),
    };

    public static string FormatRun(IEnumerable<Figure> figures)
    {
        var text = new StringBuilder();
        foreach (var figure in figures)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {figure.Scenario,-22} {figure.Name,-34} {Format(figure.Value),14} {figure.Unit}\n");
        }

        return text.ToString();
    }

    public string Summary()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"| scenario | figure | min | median | max | unit | runs |\n|---|---|---:|---:|---:|---|---:|\n");
        foreach (var group in _figures.GroupBy(f => (f.Scenario, f.Name)))
        {
            var values = group.Select(f => f.Value).Where(v => !double.IsNaN(v)).Order().ToArray();
            var unit = group.First().Unit;
            if (values.Length == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {group.Key.Scenario} | {group.Key.Name} | n/a | n/a | n/a | {unit} | 0 |\n");
                continue;
            }

            var median = values.Length % 2 == 1
                ? values[values.Length / 2]
                : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
            text.Append(CultureInfo.InvariantCulture, $"| {group.Key.Scenario} | {group.Key.Name} | {Format(values[0])} | {Format(median)} | {Format(values[^1])} | {unit} | {values.Length} |\n");
        }

        return text.ToString();
    }
}
