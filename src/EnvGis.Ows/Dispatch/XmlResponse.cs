using System.Xml;

namespace EnvGis.Ows.Dispatch;

/// <summary>
/// Streams XML to a response: the (synchronous) XmlWriter writes into a small buffer that is copied
/// to the body asynchronously whenever it fills, so memory stays bounded by one feature or so,
/// whatever the size of the response.
/// </summary>
public sealed class XmlResponse : IAsyncDisposable
{
    public const int FlushThreshold = 64 * 1024;

    private readonly MemoryStream buffer = new();
    private readonly Stream target;
    private readonly CancellationToken cancellation;

    public XmlResponse(Stream target, XmlWriterSettings settings, CancellationToken cancellation)
    {
        this.target = target;
        this.cancellation = cancellation;
        Writer = new XmlTextGuard(XmlWriter.Create(buffer, settings));
    }

    public XmlWriter Writer { get; }

    /// <summary>Sends what is buffered once it passes the threshold.</summary>
    public ValueTask FlushIfFullAsync()
    {
        Writer.Flush();
        return buffer.Length >= FlushThreshold ? SendAsync() : ValueTask.CompletedTask;
    }

    public async ValueTask FlushAsync()
    {
        Writer.Flush();
        await SendAsync();
        await target.FlushAsync(cancellation);
    }

    private async ValueTask SendAsync()
    {
        if (buffer.Length > 0)
        {
            await target.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellation);
            buffer.SetLength(0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Writer.Dispose();
        await SendAsync();
        await buffer.DisposeAsync();
    }
}
