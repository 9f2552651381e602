using Microsoft.Extensions.Options;
using RenfieldSip.Monitor.Identity;
using RenfieldSip.Monitor.Phonebooks.CardDav;
using RenfieldSip.Monitor.Phonebooks.Formats;
using RenfieldSip.Monitor.Phonebooks.Yaml;

namespace RenfieldSip.Monitor.Phonebooks;

/// <summary>Builds the configured sources in precedence order: the YAML file, then <c>Phonebook:Sources</c> by Order and name.</summary>
internal sealed class PhonebookSourceFactory(
    IOptions<PhonebookOptions> phonebookOptions,
    IOptions<PhonebookSourcesOptions> sourcesOptions,
    PhoneNumberNormalizer normalizer,
    IHttpClientFactory httpClientFactory,
    TimeProvider timeProvider)
{
    public const string CardDavHttpClient = "carddav";

    public List<IContactSource> Create(ILogger logger)
    {
        var yamlPath = Path.GetFullPath(phonebookOptions.Value.Path);
        var yamlName = Path.GetFileName(yamlPath);
        var yaml = new PhonebookYamlReader(normalizer, logger);
        var converter = new ContactCardConverter(normalizer, logger);
        List<IContactSource> sources = [new FileContactSource(yamlName, new WatchedFile(yamlPath, path => yaml.Load(path, yamlName), required: false, logger), timeProvider, logger)];
        foreach (var (name, options) in sourcesOptions.Value.Sources.OrderBy(source => source.Value.Order).ThenBy(source => source.Key, StringComparer.Ordinal))
        {
            sources.Add(options.Kind() switch
            {
                PhonebookSourceKind.CardDav => CardDav(name, options, converter, logger),
                PhonebookSourceKind.FritzBox => File(name, options, path => converter.Convert(ExportFiles.ReadFritzBox(path), path, name), logger),
                _ => File(name, options, path => converter.Convert(ExportFiles.ReadVCards(path), path, name), logger),
            });
        }

        return sources;
    }

    private FileContactSource File(string name, PhonebookSourceOptions options, Func<string, SourceContents> load, ILogger logger) =>
        new(name, new WatchedFile(Path.GetFullPath(options.Path!.Trim()), load, required: true, logger), timeProvider, logger);

    private CardDavContactSource CardDav(string name, PhonebookSourceOptions options, ContactCardConverter converter, ILogger logger)
    {
        var url = new Uri(options.Url!.Trim(), UriKind.Absolute);
        var client = new CardDavClient(httpClientFactory.CreateClient(CardDavHttpClient), url, options.Username, options.Password, timeProvider)
        {
            RequestTimeout = options.Timeout,
        };
        return new CardDavContactSource(name, client, client.DisplayUrl, options.RefreshInterval, converter, timeProvider, logger);
    }
}
