using System.Text;
using BenchmarkDotNet.Attributes;
using RenfieldSip.Monitor.Phonebooks.Formats;

namespace RenfieldSip.Benchmarks.Micro;

/// <summary>
/// A whole 10,000-contact export parsed into <see cref="ContactCard"/>s: vCard 3.0 as Google writes it and the
/// Fritz!Box XML, each from decoded text and from the UTF-8 bytes a file read gives. Per file.
/// </summary>
[MemoryDiagnoser]
public class PhonebookFormatBenchmarks
{
    private string _vCard = null!;
    private byte[] _vCardBytes = null!;
    private string _fritzBox = null!;
    private byte[] _fritzBoxBytes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _vCard = GeneratedPhonebookExports.VCard();
        _vCardBytes = Encoding.UTF8.GetBytes(_vCard);
        _fritzBox = GeneratedPhonebookExports.FritzBox();
        _fritzBoxBytes = Encoding.UTF8.GetBytes(_fritzBox);
        Console.WriteLine($"// vCard: {_vCardBytes.Length} bytes, Fritz!Box: {_fritzBoxBytes.Length} bytes");
        if (VCardText() != GeneratedPhonebookExports.Contacts || VCardUtf8() != GeneratedPhonebookExports.Contacts
            || FritzBoxText() != GeneratedPhonebookExports.Contacts || FritzBoxUtf8() != GeneratedPhonebookExports.Contacts)
        {
            throw new InvalidOperationException("A generated export did not parse into all its contacts.");
        }
    }

    [Benchmark(Baseline = true)]
    public int VCardText() => VCardReader.Read(new StringReader(_vCard)).Count;

    [Benchmark]
    public int VCardUtf8() => VCardReader.Read(new MemoryStream(_vCardBytes, writable: false)).Count;

    [Benchmark]
    public int FritzBoxText() => FritzBoxPhonebookReader.Read(new StringReader(_fritzBox)).Count;

    [Benchmark]
    public int FritzBoxUtf8() => FritzBoxPhonebookReader.Read(new MemoryStream(_fritzBoxBytes, writable: false)).Count;
}
