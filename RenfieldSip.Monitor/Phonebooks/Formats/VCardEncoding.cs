namespace RenfieldSip.Monitor.Phonebooks.Formats;

/// <summary>The transfer encoding of one property value (<c>ENCODING=</c>, or a vCard 2.1 bare parameter).</summary>
internal enum VCardEncoding
{
    None,
    QuotedPrintable,
    Base64,
}
